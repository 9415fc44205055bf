"""Simulator state of pyNN.neurosim: the PyNN objects of the current network, turned into one NeuroSim network at
the first run() (a config dict built by build_config, through neurosim.bridge) and advanced by later runs.

Units: PyNN's (ms, mV, nA, nF, uS, Hz) are written into the config with their units; NeuroSim's spike times and
traces (s, V) come back converted to ms and mV.
"""
import numpy as np

from pyNN import common

from neurosim import bridge

name = "NeuroSim"

SIGNALS_SCALE = {"v": 1e3, "w": 1e9}   # recordable traces: NeuroSim's V and A to PyNN's mV and nA
SIGNALS = tuple(SIGNALS_SCALE)


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
        self.data = {}

    @property
    def built(self):
        return self.network is not None

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
        if self.network is None:
            arrays = {}
            tree, base = bridge.config_tree(build_config(self, arrays))
            self.network = bridge.build(tree, base, arrays)
            del arrays
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
        """Appends a run's spikes (ms) and signal traces (v in mV, w in nA) to self.data[population name]."""
        for p in self.populations:
            d = self.data.setdefault(p.ns_name, {"spikes": [], "fresh": True})
            if p.ns_name in c.spike_neurons:
                d["spikes"].append((c.spike_neurons[p.ns_name], c.spike_times[p.ns_name] * 1e3))
            for var, scale in SIGNALS_SCALE.items():
                cols = [k for k, n in enumerate(c.trace_names) if n.startswith(f"{p.ns_name}.{var}[")]
                if cols:
                    rows = c.state[:, cols] * scale
                    if not d["fresh"]:
                        rows = rows[1:]   # the first sample repeats the previous run's last one
                    d.setdefault(var, []).append(rows)
                    d[var + "_neurons"] = [int(c.trace_names[k].split("[")[1].rstrip("]")) for k in cols]
            d["fresh"] = False


state = State()


def _q(value, unit):
    return f"{float(value)!r} {unit}"


def _one(p, name, unit):
    """A parameter NeuroSim takes as one value per population: refused when it differs between neurons."""
    v = np.asarray(p.native(name), dtype=float)
    if v.size and not np.all(v == v.flat[0]):
        raise NotImplementedError(f"pyNN.neurosim: {p.celltype.__class__.__name__}.{name} must be the same for "
                                  f"every neuron of a population (population {p.label!r}); per-neuron values of it "
                                  f"are not supported yet")
    return _q(v.flat[0], unit)


def _population_config(p):
    from . import standardmodels as sm
    ct = p.celltype
    if isinstance(ct, (sm.IF_curr_exp, sm.IF_cond_exp, sm.IF_curr_alpha, sm.IF_cond_alpha)):
        current = isinstance(ct, (sm.IF_curr_exp, sm.IF_curr_alpha))
        cfg = {"model": "lif" if current else "lif-cond", "size": p.size,
               "integrator": "exact-grid" if current else "rk4",
               "params": {"tau_m": _one(p, "tau_m", "ms"), "tau_ref": _one(p, "tau_refrac", "ms"),
                          "v_rest": _one(p, "v_rest", "mV"), "v_th": _one(p, "v_thresh", "mV"),
                          "v_reset": _one(p, "v_reset", "mV"), "c_m": _one(p, "cm", "nF")}}
        from .electrodes import population_input
        cfg["input"] = population_input(p, np.asarray(p.native("i_offset"), dtype=float).reshape(p.size))
        v = p.initial_v()
        cfg["init"] = {"v": _q(v[0], "mV") if np.all(v == v[0]) else [_q(x, "mV") for x in v]}
        return cfg
    if isinstance(ct, (sm.EIF_cond_exp_isfa_ista, sm.EIF_cond_alpha_isfa_ista)):
        return _eif_config(p)
    if isinstance(ct, sm.SpikeSourceArray):
        times = []
        for seq in p.native("spike_times"):
            t = np.asarray(seq.value if hasattr(seq, "value") else seq, dtype=float)
            times.append([_q(x, "ms") for x in t])
        return {"model": "spike-times", "size": p.size, "times": times}
    if isinstance(ct, sm.SpikeSourcePoisson):
        start, duration = float(_one(p, "start", "ms").split()[0]), float(_one(p, "duration", "ms").split()[0])
        if start <= 0 and duration >= 1e9:
            rates = np.asarray(p.native("rate"), dtype=float)
            r = _q(rates[0], "Hz") if np.all(rates == rates[0]) else [_q(x, "Hz") for x in rates]
            return {"model": "poisson", "size": p.size, "params": {"rate": r}}
        rate = _one(p, "rate", "Hz")   # with start / duration: one rate per population, as a schedule
        steps = [{"at": "0 ms", "value": "0 Hz"}, {"at": _q(start, "ms"), "value": rate}]
        if duration < 1e9:
            steps.append({"at": _q(start + duration, "ms"), "value": "0 Hz"})
        r = {"steps": steps[1:] if start <= 0 else steps}
        return {"model": "poisson", "size": p.size, "params": {"rate": r}}
    raise NotImplementedError(f"pyNN.neurosim: cell type {ct.__class__.__name__} is not supported yet")


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
    cm = float(_one(p, "cm", "nF").split()[0])
    tau_m = float(_one(p, "tau_m", "ms").split()[0])
    delta_t = float(_one(p, "delta_T", "mV").split()[0])
    if delta_t < 0:
        raise NotImplementedError(f"pyNN.neurosim: {p.celltype.__class__.__name__}.delta_T must be >= 0")
    peak = _one(p, "v_thresh" if delta_t == 0 else "v_spike", "mV")
    params = {"c_m": _q(cm, "nF"), "g_l": _q(cm / tau_m * 1e3, "nS"), "e_l": _one(p, "v_rest", "mV"),
              "v_t": _one(p, "v_thresh", "mV"), "delta_t": _q(delta_t, "mV"), "a": _one(p, "a", "nS"),
              "tau_w": _one(p, "tau_w", "ms"), "b": _one(p, "b", "nA"), "v_r": _one(p, "v_reset", "mV"),
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


def build_config(st, arrays):
    """The NeuroSim config dict of the current PyNN network; the synapse lists its projections name (connect:
    {arrays: KEY}) go into ``arrays``."""
    pops = {}
    spikes, probes = [], []
    st.ns_populations = [p for p in st.populations if p.size]
    for p in st.ns_populations:
        pops[p.ns_name] = _population_config(p)
        spikes.append(p.ns_name)
        recorded = {var: p.recorder.filter_recorded(var, None) for var in SIGNALS if var in p.celltype.recordable}
        variables = [var for var in SIGNALS if recorded.get(var)]
        if variables:   # one probe: every variable of the neurons any is recorded from (reading picks its neurons)
            ids = sorted(set().union(*[recorded[var] for var in variables]))
            probes.append({"population": p.ns_name, "variables": variables,
                           "neurons": [p.id_to_index(i) for i in ids]})
    projections = []
    for prj in st.projections:
        prj.ns_index = len(projections)   # its first NeuroSim projection (learned weights are read from there)
        made = prj.ns_projections(arrays)
        prj.ns_count = len(made)
        projections.extend(made)
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


def read_native(prj):
    """A native projection's connections as drawn by the engine: (pre, post, weight, delay) in PyNN's units (nA or
    uS, ms), in the engine's order; weights as they were before any run (an STDP projection's is a constant)."""
    network, eps = _engine_projections(prj)
    dt = float(network.dt())
    si = 1e-6 if prj.post.conductance_based else 1e-9   # the engine holds weights in A or S
    parts = []
    with bridge.java_errors():
        for ep in eps:
            parts.append((bridge.ints(ep.sources()).astype(np.int64), bridge.ints(ep.targets()).astype(np.int64),
                          bridge.doubles(ep.currentWeights()) / si, bridge.doubles(ep.delays(dt)) * 1e3))
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
    dt = float(st.network.dt())
    ds = [float(ep.minDelay(dt)) * 1e3 for ep in eps if int(ep.synapseCount())]
    return min(ds) if ds else None
