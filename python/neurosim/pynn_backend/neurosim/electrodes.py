"""PyNN's current sources (DCSource, StepCurrentSource, ACSource, NoisyCurrentSource) for pyNN.neurosim.

Each source is a current on the simulation grid as PyNN defines it (the conventions of pyNN.nest): the value
i(t_k) of step k, t_k = k dt, is what the cell receives over [t_k, t_k + dt), so V changes from t_k + dt on.
start, stop and step times round to the grid (NEST: a change at the given time, on the grid); a source is on for
start <= t_k < stop. ACSource: i = offset + amplitude sin(2 pi f (t - start) + phase) (phase in degrees, valid at
start, PyNN issue 497). NoisyCurrentSource: mean + stdev N(0, 1), a new value every `dt` from start, independent
per target neuron, drawn here (NumPy, from the setup seed and the source's index, or the `rng` given) so that a
recorded source current is the current the cells received.

At the first run() simulator.build_config sums, per neuron, i_offset and every source injected into it and writes
the sum as the population's `input`: a constant, `{steps: [...]}` (times in ms, values in nA), `{sine: ...}` or
`{noise: ...}` (an ACSource / NoisyCurrentSource from t = 0 without stop), one for the population or a list with one
per neuron. A sum NeuroSim's input forms cannot express exactly raises NotImplementedError naming it.
"""
import bisect
import math

import numpy as np

from pyNN import errors
from pyNN.common import Assembly, Population, PopulationView
from pyNN.parameters import ParameterSpace, Sequence
from pyNN.standardmodels import StandardCurrentSource, build_translations, electrodes

from . import simulator

FOREVER = 1e9   # ms: a stop at or beyond this is "until the end of the simulation" (PyNN's default is 1e12)


def _k(t):
    """The grid step of a time in ms."""
    return int(np.rint(float(t) / simulator.state.dt))


class _Profile:
    """A source's current at one neuron: absolute values from step k on (`changes`, 0 before the first), or a
    `tail` that runs from step 0 without end (("sine", amplitude, frequency, offset, phase_rad) or ("noise", mean,
    std), in nA, Hz and radians)."""

    def __init__(self, changes=(), tail=None):
        self.changes = list(changes)
        self.tail = tail

    def value(self, k):
        if not hasattr(self, "_ks"):
            self._ks = [kk for (kk, _) in self.changes]
        n = bisect.bisect_right(self._ks, k)
        return self.changes[n - 1][1] if n else 0.0

    def future(self, k):
        """What the profile still gives from step k on (for comparing two of them)."""
        return self.tail, self.value(k), [(kk, x) for (kk, x) in self.changes if kk > k]


class NeuroSimCurrentSource(StandardCurrentSource):

    def __init__(self, **parameters):
        object.__setattr__(self, "_p", {})
        rng = parameters.pop("rng", None)
        self.rng = rng
        self.cell_list = []
        self._recording = False
        self._draws = {}      # NoisyCurrentSource: the values drawn per target neuron (for get_data)
        new = {k: self._plain(v) for k, v in self.default_parameters.items()}
        self._p = self._validated(new, parameters)
        self.index = len(simulator.state.current_sources)
        simulator.state.current_sources.append(self)

    @staticmethod
    def _plain(v):
        if isinstance(v, Sequence):
            v = v.value
        if isinstance(v, (list, tuple, np.ndarray)):
            return np.asarray(v, dtype=float)
        return float(v)

    def _validated(self, current, changes):
        p = dict(current)
        for name, value in changes.items():
            if name not in self.default_parameters:
                raise errors.NonExistentParameterError(name, self.__class__.__name__, self.get_parameter_names())
            p[name] = self._plain(value)
        return self._check(p)

    def _check(self, p):
        return p

    # parameters: PyNN's names and units (translations are the identity)
    def get_parameters(self):
        return {k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in self._p.items()}

    def get_native_parameters(self):
        return ParameterSpace({k: (Sequence(v) if isinstance(v, np.ndarray) else v) for k, v in self._p.items()})

    def set_parameters(self, copy=True, **parameters):
        new = self._validated(self._p, parameters)
        st = simulator.state
        if st.built and self.cell_list:
            k = int(round(st.t / st.dt))
            changed = self._with(new)   # (with the noise drawn so far: the same draws for the same window)
            same = all(self._profile(j).future(k) == changed._profile(j).future(k) for j in range(len(self.cell_list)))
            if not same:   # the current from now on changes: the next run continues a rebuilt network
                st.changed(f"changing {self.__class__.__name__} parameters")
        self._p = new

    def set_native_parameters(self, parameters):
        parameters.evaluate(simplify=True)
        self.set_parameters(**parameters.as_dict())

    def _with(self, p):
        other = object.__new__(type(self))
        object.__setattr__(other, "_p", p)
        object.__setattr__(other, "rng", self.rng)
        object.__setattr__(other, "_draws", dict(self._draws))
        object.__setattr__(other, "index", self.index)
        return other

    def inject_into(self, cells):
        simulator.state.changed("injecting a current source")
        cells = list(cells) if isinstance(cells, (Population, PopulationView, Assembly)) else list(cells)
        for id in cells:
            if not id.celltype.injectable:
                raise TypeError("Can't inject current into a spike source.")
        self.cell_list.extend(cells)

    def targets(self):
        """(population, index in it, position in cell_list) of each target neuron."""
        for j, id in enumerate(self.cell_list):
            yield id.parent, id.parent.id_to_index(id), j

    def _window(self):
        k0 = max(_k(self._p["start"]), 0)
        k1 = None if self._p["stop"] >= FOREVER else max(_k(self._p["stop"]), k0)
        return k0, k1

    # recording: the source's current (at its first target for a NoisyCurrentSource) at every grid point so far
    def record(self):
        self._recording = True

    def _get_data(self):
        st = simulator.state
        n = int(round(st.t / st.dt))
        prof = self._profile(0)
        if prof.tail is not None:
            raise NotImplementedError(f"pyNN.neurosim: recording the current of a {self.__class__.__name__} "
                                      f"without stop (it is NeuroSim's {prof.tail[0]} input, computed in the engine)")
        t = np.arange(n + 1) * st.dt
        i = np.zeros(n + 1)
        for (k, x) in prof.changes:
            if k <= n:
                i[k:] = x
        return t, i


class DCSource(NeuroSimCurrentSource, electrodes.DCSource):
    __doc__ = electrodes.DCSource.__doc__
    translations = build_translations(("amplitude", "amplitude"), ("start", "start"), ("stop", "stop"))

    def _profile(self, j):
        k0, k1 = self._window()
        ch = [(k0, self._p["amplitude"])]
        if k1 is not None:
            ch.append((k1, 0.0))
        return _Profile(ch)


class StepCurrentSource(NeuroSimCurrentSource, electrodes.StepCurrentSource):
    __doc__ = electrodes.StepCurrentSource.__doc__
    translations = build_translations(("amplitudes", "amplitudes"), ("times", "times"))

    def _check(self, p):
        times = np.atleast_1d(np.asarray(p["times"], dtype=float))
        amps = np.atleast_1d(np.asarray(p["amplitudes"], dtype=float))
        if times.size != amps.size:
            raise ValueError(f"StepCurrentSource: {times.size} times but {amps.size} amplitudes")
        if times.size and np.min(times) < 0:
            raise ValueError("Step current cannot accept negative timestamps.")
        if times.size > 1 and np.min(np.diff(times)) <= 0:
            raise ValueError("Step current timestamps should be monotonically increasing.")
        # on the grid (as pyNN.nest and pyNN.neuron), of several times on one grid point the last one's amplitude
        dt = simulator.state.dt
        k = np.rint(times / dt).astype(np.int64)
        keep = np.ones(k.size, bool)
        keep[:-1] = k[1:] != k[:-1]
        p["times"], p["amplitudes"] = k[keep] * dt, amps[keep]
        return p

    def _profile(self, j):
        return _Profile([(_k(t), float(a)) for t, a in zip(self._p["times"], self._p["amplitudes"])])


class ACSource(NeuroSimCurrentSource, electrodes.ACSource):
    __doc__ = electrodes.ACSource.__doc__
    translations = build_translations(("amplitude", "amplitude"), ("start", "start"), ("stop", "stop"),
                                      ("frequency", "frequency"), ("offset", "offset"), ("phase", "phase"))

    def _profile(self, j):
        p = self._p
        k0, k1 = self._window()
        phase = p["phase"] * math.pi / 180.0
        if k1 is None:
            if k0 > 0:
                raise NotImplementedError("pyNN.neurosim: an ACSource with start > 0 and no stop (NeuroSim's sine "
                                          "input runs from t = 0); give it a stop")
            return _Profile(tail=("sine", p["amplitude"], p["frequency"], p["offset"], phase))
        dt = simulator.state.dt
        k = np.arange(k0, k1)
        x = p["offset"] + p["amplitude"] * np.sin(2 * math.pi * p["frequency"] * (k - k0) * dt * 1e-3 + phase)
        return _Profile(list(zip(k.tolist(), x.tolist())) + [(k1, 0.0)])


class NoisyCurrentSource(NeuroSimCurrentSource, electrodes.NoisyCurrentSource):
    __doc__ = electrodes.NoisyCurrentSource.__doc__
    translations = build_translations(("mean", "mean"), ("start", "start"), ("stop", "stop"), ("stdev", "stdev"),
                                      ("dt", "dt"))

    def _check(self, p):
        dt = simulator.state.dt
        m = p["dt"] / dt
        if abs(m - round(m)) > 1e-9 or round(m) < 1:
            raise ValueError(f"NoisyCurrentSource: dt = {p['dt']} ms must be a multiple of the time step {dt} ms")
        if p["stdev"] < 0:
            raise ValueError(f"NoisyCurrentSource: stdev must be >= 0, got {p['stdev']}")
        return p

    def _normal(self, n):
        if self.rng is not None:
            return np.asarray(self.rng.next(n, "normal", {"mu": 0.0, "sigma": 1.0}), dtype=float).reshape(n)
        gen = np.random.default_rng([simulator.state.seed, 0x5EED, self.index, len(self._draws)])
        return gen.standard_normal(n)

    def _profile(self, j):
        p = self._p
        k0, k1 = self._window()
        m = int(round(p["dt"] / simulator.state.dt))
        if k1 is None:
            if k0 > 0 or m != 1:
                raise NotImplementedError("pyNN.neurosim: a NoisyCurrentSource without stop needs start = 0 and dt = "
                                          "the time step (it is NeuroSim's noise input); give it a stop")
            return _Profile(tail=("noise", p["mean"], p["stdev"]))
        n = -(-(k1 - k0) // m)
        key = (j, k0, k1, m)
        if key not in self._draws:
            self._draws[key] = self._normal(n)
        x = p["mean"] + p["stdev"] * self._draws[key]
        return _Profile(list(zip(range(k0, k1, m), x.tolist())) + [(k1, 0.0)])


def population_input(p, i_offset):
    """The NeuroSim `input` of population p: i_offset (nA per neuron) plus the current sources injected into it."""
    per = [[] for _ in range(p.size)]
    for src in simulator.state.current_sources:
        shared = None   # the profile every target of a source shares (all but NoisyCurrentSource's)
        for pop, i, j in src.targets():
            if pop is p:
                if isinstance(src, NoisyCurrentSource):
                    per[i].append(src._profile(j))
                else:
                    shared = shared or src._profile(j)
                    per[i].append(shared)
    items, done = [], {}
    for i in range(p.size):
        c = float(i_offset[i])
        profs = per[i]
        key = (c, tuple(id(pr) for pr in profs))
        if key in done:
            items.append(done[key])
            continue
        items.append(_item(p, i, c, profs))
        done[key] = items[-1]
    if all(it == items[0] for it in items):
        return items[0]
    return items


def _item(p, i, c, profs):
    """Neuron i's input: i_offset c (nA) plus the profiles of the sources injected into it."""
    q = simulator._q
    tails = [pr for pr in profs if pr.tail is not None]
    if tails:
        if len(profs) > 1:
            raise NotImplementedError(
                f"pyNN.neurosim: an ACSource or NoisyCurrentSource without stop together with another current "
                f"source on the same neuron (population {p.label!r}, neuron {i}) is not supported")
        t = tails[0].tail
        if t[0] == "sine":
            return {"sine": {"amplitude": q(t[1], "nA"), "frequency": q(t[2], "Hz"),
                             "offset": q(t[3] + c, "nA"), "phase": float(t[4])}}
        return {"noise": {"mean": q(t[1] + c, "nA"), "std": q(t[2], "nA")}}
    ks = sorted({k for pr in profs for (k, _) in pr.changes})
    if not ks:
        return q(c, "nA")
    steps, last = [], None
    if ks[0] > 0 and c != 0.0:
        steps.append((0, c))
        last = c
    for k in ks:
        v = c + sum(pr.value(k) for pr in profs)
        if v != last:
            steps.append((k, v))
            last = v
    dt = simulator.state.dt
    return {"steps": [{"at": q(k * dt, "ms"), "value": q(v, "nA")} for (k, v) in steps]}
