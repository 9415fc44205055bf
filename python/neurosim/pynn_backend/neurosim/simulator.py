"""Simulator state of pyNN.neurosim: the PyNN objects of the current network, turned into one NeuroSim network at
the first run() (a config dict built by build_config, through neurosim.bridge) and advanced by later runs.

Units: PyNN's (ms, mV, nA, nF, uS, Hz) are written into the config with their units; NeuroSim's spike times and
traces (s, V) come back converted to ms and mV.
"""
import logging
import time

import numpy as np

from pyNN import common

from neurosim import bridge

name = "NeuroSim"
logger = logging.getLogger("PyNN")

# recordable traces: NeuroSim's V, A, V/s and S to PyNN's mV, nA, mV/ms and uS
SIGNALS_SCALE = {"v": 1e3, "w": 1e9, "u": 1.0, "gsyn_exc": 1e6, "gsyn_inh": 1e6}
SIGNALS = tuple(SIGNALS_SCALE)
GSYN = ("gsyn_exc", "gsyn_inh")


class ID(int, common.IDMixin):

    def __init__(self, n):
        int.__init__(n)
        common.IDMixin.__init__(self)


class State(common.control.BaseState):

    def __init__(self):
        common.control.BaseState.__init__(self)
        self.mpi_rank = 0
        self.num_processes = 1
        self.dt = 0.1
        self.min_delay = 0.1
        self.min_delay_auto = False
        self.max_delay = 10.0
        self.seed = 1
        self.threads = 1
        self.spike_precision = "off_grid"
        self.native_connectors = True
        self.populations = []
        self.projections = []
        self.clear()

    def clear(self):
        """Forgets the network (setup() starts a new one)."""
        self.recorders = set()
        self.write_on_end = []
        self.populations = []
        self.projections = []
        self.current_sources = []
        self.projection_counter = 0
        self.ns_populations = []
        self.id_counter = 0
        self.segment_counter = -1
        self.reset()

    def reset(self):
        """t = 0, a new segment; the network is built again, from the same objects, at the next run()."""
        self.running = False
        self.t = 0.0
        self.t_start = 0.0
        self.segment_counter += 1
        self.network = None
        self.rebuild = False
        self.data = {}

    @property
    def built(self):
        return self.network is not None

    def changed(self, what):
        """A value changed (parameters, spike times, current sources, weights of static synapses, what is recorded):
        after a run, the next run rebuilds the network with the new values and continues from the old one's state
        (Network.continueFrom), as NEST applies a change from the current time on."""
        if self.built:
            self.rebuild = True

    def refuse_if_built(self, what):
        if self.built:
            raise NotImplementedError(f"pyNN.neurosim: {what} after run() is not supported (the network is built "
                                      f"at the first run(); call reset() or setup() first)")

    def run(self, simtime):
        self.run_until(self.t + simtime)

    def run_until(self, tstop):
        steps = int(round((tstop - self.t) / self.dt))
        if steps < 0:
            raise ValueError(f"Time {tstop} is in the past (current time {self.t})")
        if self.network is None or self.rebuild:
            started = time.perf_counter()
            arrays = {}
            tree, base = bridge.config_tree(build_config(self, arrays))
            earlier, self.network = self.network, bridge.build(tree, base, arrays)
            del arrays
            if earlier is not None:
                with bridge.java_errors():
                    self.network.continueFrom(earlier)
                self.rebuild = False
            # the network is built at the first run(): its build time is part of that run's, logged apart here
            self.build_seconds = time.perf_counter() - started
            logger.info("pyNN.neurosim: network built in %.3f s", self.build_seconds)
            if self.min_delay_auto:   # as NEST: the shortest delay of the network once it is built
                delays = [d for d in (prj.min_delay() for prj in self.projections) if d is not None]
                self.min_delay = float(min(delays)) if delays else self.dt
        ArrayOutput = bridge.java("org.neurosim.network.output.ArrayOutput")
        Simulation = bridge.java("org.neurosim.network.Simulation")
        with bridge.java_errors():
            out = ArrayOutput(self.network)
            Simulation(self.network).listen(out).runSteps(steps)
            collected = bridge.Collected(out)
        self._store(collected)
        self.t = float(self.network.clock()) * self.dt if steps else self.t
        self.running = True

    def _store(self, c):
        """Appends a run's spikes (ms) and signal traces (v mV, w nA, u mV/ms, gsyn uS) to self.data[population]."""
        column = {n: k for k, n in enumerate(c.trace_names)}   # "p0.v[3]" -> its column
        for p in self.populations:
            d = self.data.setdefault(p.ns_name, {"spikes": [], "fresh": True})
            if p.ns_name in c.spike_neurons:
                d["spikes"].append((c.spike_neurons[p.ns_name], c.spike_times[p.ns_name] * 1e3))
            for var, scale in SIGNALS_SCALE.items():
                # gsyn_exc / gsyn_inh: the sum of the receptor's conductance filters g_c (zero without any)
                shown = "g_0" if var in GSYN else var
                if var in GSYN and var not in getattr(p, "ns_gsyn", {}):
                    continue
                prefix = f"{p.ns_name}.{shown}["
                names = [n for n in c.trace_names if n.startswith(prefix)]
                if not names:
                    continue
                neurons = [n[len(prefix):-1] for n in names]
                if var in GSYN:
                    rows = np.zeros((c.state.shape[0], len(names)))
                    for g in p.ns_gsyn[var]:
                        rows += c.state[:, [column[f"{p.ns_name}.g_{g}[{i}]"] for i in neurons]]
                else:
                    rows = c.state[:, [column[n] for n in names]]
                rows = rows * scale
                if not d["fresh"]:
                    rows = rows[1:]   # the first sample repeats the previous run's last one
                d.setdefault(var, []).append(rows)
                d[var + "_neurons"] = [int(i) for i in neurons]
            d["fresh"] = False


state = State()


def _q(value, unit):
    return f"{float(value)!r} {unit}".rstrip()


def _one(p, name, unit):
    """A parameter NeuroSim takes as one value per population: refused when it differs between neurons."""
    v = np.asarray(p.native(name), dtype=float)
    if v.size and not np.all(v == v.flat[0]):
        raise NotImplementedError(f"pyNN.neurosim: {p.celltype.__class__.__name__}.{name} must be the same for "
                                  f"every neuron of a population (population {p.label!r}); per-neuron values of it "
                                  f"are not supported yet")
    return _q(v.flat[0], unit)


def _vals(p, name, unit, scale=1.0, offset=0.0):
    """A parameter a NeuroSim model takes per neuron (times scale, plus offset): one value when all neurons share it,
    else a list."""
    v = np.asarray(p.native(name), dtype=float).reshape(-1) * scale + offset
    if v.size and np.all(v == v[0]):
        return _q(v[0], unit)
    return [_q(x, unit) for x in v]


def _init(p, name, default, unit):
    """The initial values of a state variable: one value or a list per neuron."""
    v = p._initial.get(name)
    v = np.full(p.size, float(default)) if v is None else np.asarray(v, dtype=float).reshape(p.size)
    return _q(v[0], unit) if np.all(v == v[0]) else [_q(x, unit) for x in v]


HH_AREA = "1e8 um^2"   # HH_cond_exp: hh-traub's densities over 1 cm^2, so that nF, uS and nA carry over unscaled


def _hh_config(p):
    """HH_cond_exp as NEST's hh_cond_exp_traub: NeuroSim's hh-traub (Traub & Miles 1991 rates around v_offset = V_T)
    over an area of 1 cm^2, so that cm (nF) and gbar (uS) become uF/cm^2 and mS/cm^2 by a factor 1e-3; integrated with
    dormand-prince (NEST: GSL's adaptive RKF45); a spike at V_T + 30 mV, counted once per 2 ms (NEST's t_ref)."""
    params = {"area": HH_AREA, "c_m": _vals(p, "cm", "uF/cm^2", 1e-3), "g_na": _vals(p, "gbar_Na", "mS/cm^2", 1e-3),
              "g_kd": _vals(p, "gbar_K", "mS/cm^2", 1e-3), "g_l": _vals(p, "g_leak", "mS/cm^2", 1e-3),
              "e_na": _vals(p, "e_rev_Na", "mV"), "e_k": _vals(p, "e_rev_K", "mV"),
              "e_l": _vals(p, "e_rev_leak", "mV"), "v_t": _vals(p, "v_offset", "mV"),
              "spike_threshold": _vals(p, "v_offset", "mV", offset=30.0), "tau_ref": "2 ms"}
    from .electrodes import population_input
    cfg = {"model": "hh-traub", "size": p.size, "integrator": "dormand-prince", "params": params,
           "input": population_input(p, np.asarray(p.native("i_offset"), dtype=float).reshape(p.size))}
    # PyNN's initial values (v = -65 mV, m = 0, h = 1, n = 0 unless initialize() says otherwise), as pyNN.nest sets them
    d = p.celltype.default_initial_values
    cfg["init"] = {"v": _init(p, "v", d["v"], "mV"), **{g: _init(p, g, d[g], "") for g in ("m", "h", "n")}}
    return cfg


IZHIKEVICH = """dv/dt = (0.04*v**2/mV + 5*v + 140*mV)/ms - u + I_ext*k_i : volt
du/dt = a*(b*v - u) : volt/second
a : hertz
b : hertz
c : volt
d : volt/second
k_i : volt/second/amp
"""


def _izhikevich_config(p):
    """Izhikevich (2003) as NEST's izhikevich (consistent_integration): forward Euler on the grid, dv/dt = 0.04 v^2
    + 5 v + 140 - u + I (mV, ms; I in pA read as mV/ms: k_i = 1 mV/ms per pA), du/dt = a (b v - u); v >= 30 mV is a
    spike, then v = c, u += d. Synapses are voltage jumps (delta, weights in mV)."""
    params = {"a": _vals(p, "a", "Hz", 1e3), "b": _vals(p, "b", "Hz", 1e3), "c": _vals(p, "c", "mV"),
              "d": _vals(p, "d", "V/s"), "k_i": "1e12 V/s/A"}
    from .electrodes import population_input
    d = p.celltype.default_initial_values
    return {"model": "equations", "size": p.size, "equations": IZHIKEVICH, "threshold": "v >= 30 mV",
            "reset": "v = c\nu += d", "integrator": "euler", "params": params,
            "input": population_input(p, np.asarray(p.native("i_offset"), dtype=float).reshape(p.size)),
            "init": {"v": _init(p, "v", d["v"], "mV"), "u": _init(p, "u", d["u"], "V/s")}}


def _population_config(p):
    from . import standardmodels as sm
    ct = p.celltype
    if isinstance(ct, (sm.IF_curr_exp, sm.IF_cond_exp, sm.IF_curr_alpha, sm.IF_cond_alpha, sm.IF_curr_delta)):
        current = isinstance(ct, (sm.IF_curr_exp, sm.IF_curr_alpha, sm.IF_curr_delta))
        # pyNN.nest's choice: off_grid (its default) takes iaf_psc_exp_ps / iaf_psc_delta_ps (NeuroSim's exact),
        # on_grid iaf_psc_exp / iaf_psc_delta (exact-grid); IF_curr_alpha is iaf_psc_alpha (on the grid) in both
        grid = state.spike_precision == "on_grid" or isinstance(ct, sm.IF_curr_alpha)
        cfg = {"model": "lif" if current else "lif-cond", "size": p.size,
               "integrator": ("exact-grid" if grid else "exact") if current else "rk4",
               "params": {"tau_m": _vals(p, "tau_m", "ms"), "tau_ref": _vals(p, "tau_refrac", "ms"),
                          "v_rest": _vals(p, "v_rest", "mV"), "v_th": _vals(p, "v_thresh", "mV"),
                          "v_reset": _vals(p, "v_reset", "mV"), "c_m": _vals(p, "cm", "nF")}}
        from .electrodes import population_input
        cfg["input"] = population_input(p, np.asarray(p.native("i_offset"), dtype=float).reshape(p.size))
        v = p.initial_v()
        cfg["init"] = {"v": _q(v[0], "mV") if np.all(v == v[0]) else [_q(x, "mV") for x in v]}
        return cfg
    if isinstance(ct, (sm.EIF_cond_exp_isfa_ista, sm.EIF_cond_alpha_isfa_ista)):
        return _eif_config(p)
    if isinstance(ct, sm.HH_cond_exp):
        return _hh_config(p)
    if isinstance(ct, sm.Izhikevich):
        return _izhikevich_config(p)
    if isinstance(ct, sm.SpikeSourceArray):
        times = []
        for seq in p.native("spike_times"):
            t = np.asarray(seq.value if hasattr(seq, "value") else seq, dtype=float)
            times.append([_q(x, "ms") for x in t])
        return {"model": "spike-times", "size": p.size, "times": times}
    if isinstance(ct, sm.SpikeSourcePoisson):
        return _poisson_config(p)
    if isinstance(ct, (sm.SpikeSourceGamma, sm.SpikeSourcePoissonRefractory)):
        return _renewal_config(p)
    raise NotImplementedError(f"pyNN.neurosim: cell type {ct.__class__.__name__} is not supported yet")


def _poisson_config(p):
    """SpikeSourcePoisson: a Poisson process in continuous time, as NEST's poisson_generator_ps (pyNN.nest's
    default): NeuroSim's `gamma` with shape 1 (exponential intervals drawn exactly, any number of spikes in a step,
    so any rate), rate per neuron, start and stop from PyNN's start and duration. Where start or duration differ
    between neurons: NeuroSim's `poisson` with a rate schedule per neuron (at most one spike per step, a rate times dt
    above 1 refused)."""
    n = p.size
    rate, start, duration = (np.asarray(p.native(k), dtype=float).reshape(-1) * np.ones(n)
                             for k in ("rate", "start", "duration"))
    if np.all(start == start[0]) and np.all(duration == duration[0]):
        params = {"shape": "1", "rate": _q(rate[0], "Hz") if np.all(rate == rate[0]) else [_q(r, "Hz") for r in rate],
                  "start": _q(max(start[0], 0.0), "ms")}
        if duration[0] < 1e9:
            params["stop"] = _q(start[0] + duration[0], "ms")
        return {"model": "gamma", "size": n, "params": params}

    def schedule(r, t0, d):
        if t0 <= 0 and d >= 1e9:
            return _q(r, "Hz")
        steps = [{"at": "0 ms", "value": "0 Hz"}, {"at": _q(t0, "ms"), "value": _q(r, "Hz")}]
        if d < 1e9:
            steps.append({"at": _q(t0 + d, "ms"), "value": "0 Hz"})
        return {"steps": steps[1:] if t0 <= 0 else steps}

    return {"model": "poisson", "size": n,
            "params": {"rate": [schedule(rate[i], start[i], duration[i]) for i in range(n)]}}


def _renewal_config(p):
    """SpikeSourceGamma (NEST's gamma_sup_generator: shape alpha, mean rate beta/alpha) and
    SpikeSourcePoissonRefractory (ppd_sup_generator: rate, dead time tau_refrac) as NeuroSim's `gamma` and
    `poisson-dead-time`, every parameter per neuron; start and stop from PyNN's start and duration."""
    from . import standardmodels as sm
    n = p.size
    start = np.asarray(p.native("start"), dtype=float).reshape(-1) * np.ones(n)
    duration = np.asarray(p.native("duration"), dtype=float).reshape(-1) * np.ones(n)
    if not (np.all(start == start[0]) and np.all(duration == duration[0])):
        raise NotImplementedError(f"pyNN.neurosim: {p.celltype.__class__.__name__}.start and duration must be the "
                                  f"same for every neuron of a population (population {p.label!r})")
    params = {"start": _q(max(start[0], 0.0), "ms")}
    if duration[0] < 1e9:
        params["stop"] = _q(start[0] + duration[0], "ms")
    if isinstance(p.celltype, sm.SpikeSourceGamma):
        alpha = np.asarray(p.native("alpha"), dtype=float).reshape(-1) * np.ones(n)
        if np.any(alpha != np.rint(alpha)) or np.any(alpha < 1):
            raise NotImplementedError("pyNN.neurosim: SpikeSourceGamma.alpha must be a whole number >= 1 (NeuroSim's "
                                      "gamma source, as NEST's gamma_sup_generator, takes an integer shape)")
        beta = np.asarray(p.native("beta"), dtype=float).reshape(-1) * np.ones(n)
        params["shape"] = [str(int(a)) for a in alpha] if np.any(alpha != alpha[0]) else str(int(alpha[0]))
        rate = beta / alpha
        params["rate"] = _q(rate[0], "Hz") if np.all(rate == rate[0]) else [_q(r, "Hz") for r in rate]
        return {"model": "gamma", "size": n, "params": params}
    params["rate"] = _vals(p, "rate", "Hz")
    params["dead_time"] = _vals(p, "tau_refrac", "ms")
    return {"model": "poisson-dead-time", "size": n, "params": params}


def eif_equations(delta_t_zero):
    """NEST's aeif_cond_exp (Brette & Gerstner 2005) in NeuroSim's equations: c_m dv/dt = -g_l (v - e_l)
    + g_l delta_t exp((v - v_t)/delta_t) + g_e (E_e - v) + g_i (E_i - v) - w + I_e, tau_w dw/dt = a (v - e_l) - w; the
    conductance synapses' g (E - v) and the population's input (i_offset, current sources) come in as I_syn and
    I_ext. A spike at v > v_peak (v_spike; v_thresh when delta_T = 0, whose exponential term NEST drops as here),
    then v = v_reset, w += b, v held at v_reset for tau_refrac while w goes on."""
    spike = "" if delta_t_zero else " + g_l*delta_t*exp((v - v_t)/delta_t)"
    return (f"dv/dt = (-g_l*(v - e_l){spike} - w + I_syn + I_ext)/c_m : volt (unless refractory)\n"
            "dw/dt = (a*(v - e_l) - w)/tau_w : amp\n"
            "c_m : farad\ng_l : siemens\ne_l : volt\nv_t : volt\ndelta_t : volt\na : siemens\n"
            "tau_w : second\nb : amp\nv_r : volt\nv_peak : volt\n")


def _eif_config(p):
    n = p.size
    cm = np.asarray(p.native("cm"), dtype=float).reshape(-1) * np.ones(n)
    tau_m = np.asarray(p.native("tau_m"), dtype=float).reshape(-1) * np.ones(n)
    delta = np.asarray(p.native("delta_T"), dtype=float).reshape(-1) * np.ones(n)
    if np.any(delta < 0):
        raise NotImplementedError(f"pyNN.neurosim: {p.celltype.__class__.__name__}.delta_T must be >= 0")
    if np.any(delta == 0) and not np.all(delta == 0):
        raise NotImplementedError(f"pyNN.neurosim: {p.celltype.__class__.__name__}.delta_T = 0 for some neurons of "
                                  f"population {p.label!r} and not others (NEST drops the exponential term then: "
                                  f"one model per population)")
    delta_t = float(delta[0])
    peak = _one(p, "v_thresh" if delta_t == 0 else "v_spike", "mV")   # an equations threshold: one value
    g_l = cm / tau_m * 1e3
    listed = lambda x, unit: _q(x[0], unit) if np.all(x == x[0]) else [_q(v, unit) for v in x]
    params = {"c_m": listed(cm, "nF"), "g_l": listed(g_l, "nS"), "e_l": _vals(p, "v_rest", "mV"),
              "v_t": _vals(p, "v_thresh", "mV"), "delta_t": listed(delta, "mV"), "a": _vals(p, "a", "nS"),
              "tau_w": _vals(p, "tau_w", "ms"), "b": _vals(p, "b", "nA"), "v_r": _vals(p, "v_reset", "mV"),
              "v_peak": peak}
    cfg = {"model": "equations", "size": p.size, "equations": eif_equations(delta_t == 0),
           "threshold": "v > v_peak", "reset": "v = v_r\nw += b", "refractory": _one(p, "tau_refrac", "ms"),
           "integrator": "dormand-prince", "params": params}
    from .electrodes import population_input
    cfg["input"] = population_input(p, np.asarray(p.native("i_offset"), dtype=float).reshape(p.size))
    v = p.initial_v()
    w = p._initial.get("w")
    w = np.zeros(p.size) if w is None else w
    cfg["init"] = {"v": _q(v[0], "mV") if np.all(v == v[0]) else [_q(x, "mV") for x in v],
                   "w": _q(w[0], "nA") if np.all(w == w[0]) else [_q(x, "nA") for x in w]}
    return cfg


def _conductance_groups(st, projections):
    """Which of each population's conductance filters (g_0, g_1, ... in config order: one per distinct kernel, tau
    and reversal onto it, as the engine groups them) are excitatory and which inhibitory: p.ns_gsyn[gsyn_exc|inh]."""
    receptors = []
    for prj in st.projections:
        receptors += [prj.receptor_type] * getattr(prj, "ns_count", 0)
    for p in st.populations:
        keys, p.ns_gsyn, p.ns_gsyn_shared = [], {"gsyn_exc": [], "gsyn_inh": []}, False
        for cfg, receptor in zip(projections, receptors):
            syn = cfg.get("synapse", {})
            if cfg["to"] != getattr(p, "ns_name", None) or "reversal" not in syn:
                continue
            key = (syn["kernel"], syn.get("tau"), syn.get("normalize"), syn["reversal"])
            if key not in keys:
                keys.append(key)
            var = "gsyn_exc" if receptor == "excitatory" else "gsyn_inh"
            other = p.ns_gsyn["gsyn_inh" if var == "gsyn_exc" else "gsyn_exc"]
            c = keys.index(key)
            p.ns_gsyn_shared = getattr(p, "ns_gsyn_shared", False) or c in other
            if c not in p.ns_gsyn[var]:
                p.ns_gsyn[var].append(c)
        p.ns_groups = len(keys)


def build_config(st, arrays):
    """The NeuroSim config dict of the current PyNN network; the synapse lists its projections name (connect:
    {arrays: KEY}) go into ``arrays``."""
    pops = {}
    spikes, probes = [], []
    st.ns_populations = [p for p in st.populations if p.size]
    for p in st.ns_populations:
        pops[p.ns_name] = _population_config(p)
        # spikes of the populations PyNN records from only (a network's Poisson inputs may emit a billion spikes);
        # all of such a population's (the config records whole populations; reading picks the neurons)
        if len(p.recorder.filter_recorded("spikes", None)):
            spikes.append(p.ns_name)
    projections = []
    for prj in st.projections:
        prj.ns_index = len(projections)   # its first NeuroSim projection (learned weights are read from there)
        made = prj.ns_projections(arrays)
        prj.ns_count = len(made)
        projections.extend(made)
    _conductance_groups(st, projections)
    for p in st.populations:
        if p.size == 0:
            continue
        recorded = {var: p.recorder.filter_recorded(var, None) for var in SIGNALS if var in p.celltype.recordable}
        variables = [var for var in SIGNALS if recorded.get(var)]
        if variables:   # one probe: every variable of the neurons any is recorded from (reading picks its neurons)
            ids = sorted(set().union(*[recorded[var] for var in variables]))
            ns_vars = [v for v in variables if v not in GSYN]
            if any(v in GSYN for v in variables) and getattr(p, "ns_gsyn_shared", False):
                raise NotImplementedError(f"pyNN.neurosim: excitatory and inhibitory synapses onto {p.label!r} have "
                                          f"the same time constant and reversal potential, so NeuroSim holds them in "
                                          f"one conductance and cannot record gsyn_exc and gsyn_inh apart")
            if any(v in GSYN for v in variables) and p.ns_groups:
                ns_vars += [f"g_{c}" for c in range(p.ns_groups)]
            if ns_vars:
                probes.append({"population": p.ns_name, "variables": ns_vars,
                               "neurons": [p.id_to_index(i) for i in ids]})
    record = {"spikes": spikes} if spikes else {}
    if probes:
        record["state"] = probes
    cfg = {"name": "pynn", "dt": _q(st.dt, "ms"), "duration": _q(st.dt, "ms"), "seed": int(st.seed),
           "threads": int(st.threads), "populations": pops, "record": record}
    if projections:
        cfg["projections"] = projections
    return cfg


def _engine_projections(prj):
    """The engine's projections of a native projection: in the built network, or else in a network of its two
    populations and this projection alone, built for reading (it draws the same synapses: a native projection's
    random stream is named by its seed, the run's seed and its target, not by its place in the network)."""
    st = prj._simulator.state
    if st.built:
        return st.network, [st.network.projections().get(prj.ns_index + g) for g in range(prj.ns_count)]
    pops = [p for p in st.populations if p.size and (p is prj.pre or p is prj.post)]
    saved = st.ns_populations
    try:
        st.ns_populations = pops
        block = prj._native_block(plastic=False)   # a plasticity rule draws nothing of the synapses
        cfg = {"name": "pynn", "dt": _q(st.dt, "ms"), "duration": _q(st.dt, "ms"), "seed": int(st.seed),
               "populations": {p.ns_name: _population_config(p) for p in pops}, "projections": [block]}
    finally:
        st.ns_populations = saved
    tree, base = bridge.config_tree(cfg)
    network = bridge.build(tree, base)
    return network, [network.projections().get(0)]


def weight_si(prj):
    """What one PyNN weight unit is in the engine's SI: uS (conductances), mV (voltage jumps of IF_curr_delta and
    Izhikevich) or nA."""
    ct = prj.post.celltype
    if ct.conductance_based:
        return 1e-6
    return 1e-3 if getattr(ct, "voltage_based_synapses", False) else 1e-9


def read_native(prj):
    """A native projection's connections as drawn by the engine: (pre, post, weight, delay) in PyNN's units (nA or
    uS, ms), in the engine's order; weights as they were before any run (an STDP projection's is a constant)."""
    _, eps = _engine_projections(prj)
    si = weight_si(prj)   # the engine holds weights in A, S or V
    parts = []
    with bridge.java_errors():
        for ep in eps:
            parts.append((bridge.ints(ep.sources()).astype(np.int64), bridge.ints(ep.targets()).astype(np.int64),
                          bridge.doubles(ep.currentWeights()) / si, bridge.doubles(ep.delays()) * 1e3))
    pre, post, w, d = (np.concatenate([p[k] for p in parts]) for k in range(4))
    constant = prj._native.weight["weight"]
    if isinstance(constant, float):   # the engine keeps one weight in double precision: the given value exactly
        w = np.full(pre.size, constant)
    return pre, post, w, d


def native_count(prj):
    """The synapses of a native projection in the built network (no synapse read)."""
    st = prj._simulator.state
    return sum(int(st.network.projections().get(prj.ns_index + g).synapseCount()) for g in range(prj.ns_count))


def native_min_delay(prj):
    """The shortest delay of a native projection in the built network, in ms (None without synapses)."""
    st = prj._simulator.state
    eps = [st.network.projections().get(prj.ns_index + g) for g in range(prj.ns_count)]
    ds = [float(ep.minDelay()) * 1e3 for ep in eps if int(ep.synapseCount())]
    return min(ds) if ds else None
