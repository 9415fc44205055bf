"""PyNN's plastic synapse types on NeuroSim's plasticity rules, mapped only where the two define the same thing.

- STDPMechanism(SpikePairRule, AdditiveWeightDependence, dendritic_delay_fraction=0) is NeuroSim's `stdp` with
  `mode: additive`, `pairing: all`: a pair with lag s = t_post - t_pre (the presynaptic spike seen after its delay)
  changes w by A_plus w_max e^(-s/tau_plus) for s > 0 and by -A_minus w_max e^(s/tau_minus) for s < 0, as NEST's
  stdp_synapse (lambda = A_plus, alpha = A_minus / A_plus, mu_plus = mu_minus = 0) does; w clipped to [w_min, w_max].
  AdditivePotentiationMultiplicativeDepression with w_min = 0 is `mode: multiplicative` (depression A_minus w x_post,
  NEST's mu_minus = 1); MultiplicativeWeightDependence and GutigWeightDependence with w_min = 0 are `mode: gutig`
  (potentiation A_plus w_max (1 - w/w_max)^mu_plus x_pre, depression A_minus w_max (w/w_max)^mu_minus x_post, NEST's
  mu_plus / mu_minus; 1 and 1 for multiplicative).
- TsodyksMarkramSynapse is NeuroSim's `tsodyks-markram` with tau_psc, NEST's tsodyks_synapse (see
  tsodyks_markram_block).
- SimpleStochasticSynapse is NeuroSim's `bernoulli`, NEST's bernoulli_synapse (see bernoulli_block).

dendritic_delay_fraction 1 (PyNN's default, NEST's stdp_synapse: the rule hears the postsynaptic spike after the
delay) is the rule's `delays: dendritic`, 0 its default `axonal`.

Everything else is refused with NotImplementedError naming what NeuroSim cannot express: a delay split between the
two (fractions other than 0 and 1), w_min != 0 but for the additive dependence, per-connection values beyond MAX_GROUPS distinct
parameter sets (each distinct set is its own NeuroSim projection, exact), two STDP connections between the same
pair of neurons with the same delay in steps (their learned weights could not be told apart when read back).
Learned weights are read from the engine after a run (learned_weights).
"""
import numpy as np

from . import native
from . import simulator
from . import standardmodels as sm

MAX_GROUPS = 1000   # distinct (source, target, parameters) sets of one projection, each a NeuroSim projection

_WEIGHT_DEPENDENCES = (sm.AdditiveWeightDependence, sm.MultiplicativeWeightDependence,
                       sm.AdditivePotentiationMultiplicativeDepression, sm.GutigWeightDependence)


def check_synapse_type(syn):
    """Refuses, when the Projection is created, a synapse type this backend has no mapping for."""
    if type(syn) in (sm.StaticSynapse, sm.TsodyksMarkramSynapse, sm.SimpleStochasticSynapse):
        return
    if type(syn) is sm.STDPMechanism:
        if type(syn.timing_dependence) is not sm.SpikePairRule:
            raise NotImplementedError(f"pyNN.neurosim: STDP timing dependence "
                                      f"{type(syn.timing_dependence).__name__} (only SpikePairRule)")
        if type(syn.weight_dependence) not in _WEIGHT_DEPENDENCES:
            raise NotImplementedError(f"pyNN.neurosim: STDP weight dependence "
                                      f"{type(syn.weight_dependence).__name__}")
        if syn.voltage_dependence is not None:
            raise NotImplementedError("pyNN.neurosim: STDP voltage dependence")
        return
    raise NotImplementedError(f"pyNN.neurosim: synapse type {type(syn).__name__} (StaticSynapse, "
                              f"SimpleStochasticSynapse, TsodyksMarkramSynapse and STDPMechanism are supported)")


def parameter_names(syn):
    """The native parameters of a synapse type kept per connection besides weight and delay."""
    return set(syn.translations) - {"weight", "delay"}


def learned_weights(prj):
    """After a run, the current weights of an STDP projection's connections, read from the engine (in the order of
    the connections); None for other projections or before a run."""
    st = simulator.state
    if not st.built or type(prj.synapse_type) is not sm.STDPMechanism or not len(prj):
        return None
    clock = int(st.network.clock())
    cached = getattr(prj, "_learned", None)
    if cached is not None and cached[0] is st.network and cached[1] == clock:
        return cached[2]
    from neurosim import bridge
    engine = st.network.projections()
    si = simulator.weight_si(prj)   # the engine holds weights in A, S or V
    with bridge.java_errors():
        if prj.native:   # the engine's order is the connections' order
            out = np.concatenate([bridge.doubles(engine.get(prj.ns_index + g).currentWeights())
                                  for g in range(prj.ns_count)]) / si
        else:   # each connection found by (source, target, delay in steps), unique in its group
            out = np.array(prj._arrays()[2], dtype=float)
            dt = float(st.network.dt())
            for g, (ks, src, tgt, tsize) in enumerate(prj.ns_groups):
                ep = engine.get(prj.ns_index + g)
                steps = np.rint(bridge.doubles(ep.delays()) / dt).astype(np.int64)
                key = _key(bridge.ints(ep.sources()), bridge.ints(ep.targets()), steps, tsize)
                order = np.argsort(key)
                want = _key(src, tgt, native.steps(prj._arrays()[3][ks], st.dt), tsize)
                at = order[np.searchsorted(key, want, sorter=order)]
                out[ks] = bridge.doubles(ep.currentWeights())[at] / si
    prj._learned = (st.network, clock, out)
    return out


def _key(src, tgt, steps, tsize):
    return (np.asarray(src, dtype=np.int64) * tsize + np.asarray(tgt, dtype=np.int64)) * 65537 + steps


def check_groups(prj, count):
    if type(prj.synapse_type) is not sm.StaticSynapse and count > MAX_GROUPS:
        raise NotImplementedError(f"pyNN.neurosim: projection {prj.label!r} has {count} distinct sets of (source "
                                  f"population, target population, delay, synapse parameters); each goes to "
                                  f"NeuroSim as a projection of its own, at most {MAX_GROUPS} (per-connection values "
                                  f"of plasticity parameters)")


def block(prj, params, synapse, src, tgt, delays, weights):
    """The NeuroSim `plasticity` block of one group of a projection (one value of each parameter), or None;
    synapse is the group's synapse block (its weight unit and its PSC time constant); src, tgt, delays (ms) and
    weights are its connections' (for the checks)."""
    syn = prj.synapse_type
    if type(syn) is sm.STDPMechanism:
        steps = native.steps(delays, simulator.state.dt)
        if len(np.unique(_key(src, tgt, steps, int(np.max(tgt)) + 1))) < len(src):
            raise NotImplementedError("pyNN.neurosim: two STDP connections between the same pair of neurons with the "
                                      "same delay (their learned weights could not be told apart)")
        if np.any(weights < params["w_min"]) or np.any(weights > params["w_max"]):
            raise NotImplementedError(f"pyNN.neurosim: STDP weights outside [w_min, w_max] = [{params['w_min']:g}, "
                                      f"{params['w_max']:g}] (NeuroSim's stdp would clip them when the network is "
                                      f"built)")
    return rule_block(prj, params, synapse)


def rule_block(prj, params, synapse):
    """The `plasticity` block of a synapse type with these parameter values (None for a static synapse); synapse
    is the projection's synapse block, its unit taken out or not."""
    syn = prj.synapse_type
    if type(syn) is sm.StaticSynapse:
        return None
    if type(syn) is sm.TsodyksMarkramSynapse:
        return tsodyks_markram_block(params, synapse["tau"])
    if type(syn) is sm.SimpleStochasticSynapse:   # two connections of one pair are two synapses: independent draws
        return bernoulli_block(params)
    unit = "uS" if "reversal" in synapse else "mV" if synapse.get("kernel") == "delta" else "nA"
    return stdp_block(syn, params, unit)


def stdp_block(syn, p, unit):
    fraction = p["dendritic_delay_fraction"]
    if fraction not in (0, 1):
        raise NotImplementedError(f"pyNN.neurosim: STDPMechanism with dendritic_delay_fraction={fraction:g} "
                                  f"(NeuroSim's stdp takes the whole delay as axonal, 0, or as dendritic, 1: NEST's "
                                  f"stdp_synapse and PyNN's default)")
    wd = type(syn.weight_dependence)
    if wd is not sm.AdditiveWeightDependence and p["w_min"] != 0:
        raise NotImplementedError(f"pyNN.neurosim: {wd.__name__} with w_min != 0 (NEST's stdp_synapse, and "
                                  f"NeuroSim's stdp, scale by w / w_max and 1 - w / w_max: w_min 0)")
    if p["A_minus"] < 0 or p["A_plus"] < 0:
        raise NotImplementedError("pyNN.neurosim: negative A_plus or A_minus (amplitudes are magnitudes)")
    mode = {sm.AdditiveWeightDependence: {"mode": "additive"},
            sm.AdditivePotentiationMultiplicativeDepression: {"mode": "multiplicative"},
            sm.MultiplicativeWeightDependence: {"mode": "gutig", "mu_plus": "1", "mu_minus": "1"}}.get(wd)
    if mode is None:   # GutigWeightDependence
        mode = {"mode": "gutig", "mu_plus": repr(float(p["mu_plus"])), "mu_minus": repr(float(p["mu_minus"]))}
    return {"rule": "stdp", **mode, "pairing": "all", "tau_plus": simulator._q(p["tau_plus"], "ms"),
            "tau_minus": simulator._q(p["tau_minus"], "ms"), "a_plus": repr(float(p["A_plus"])),
            "a_minus": repr(float(p["A_minus"])), "w_min": simulator._q(p["w_min"], unit),
            "w_max": simulator._q(p["w_max"], unit), "delays": "dendritic" if fraction == 1 else "axonal"}


def tsodyks_markram_block(p, tau_psc):
    """PyNN's TsodyksMarkramSynapse is Tsodyks, Uziel & Markram (2000), NEST's tsodyks_synapse in pyNN.nest: the
    used resources pass through the active state y, which decays with the postsynaptic current's time constant
    (tau_psc = the target's tau_syn_E or tau_syn_I, as pyNN.nest sets it) before they recover with tau_rec; u starts
    at 0 (PyNN's initial value), so the first spike from rest transmits w U. NeuroSim's tsodyks-markram with tau_psc
    is that model (without tau_psc it is the tau_psc -> 0 limit, NEST's tsodyks2_synapse)."""
    return {"rule": "tsodyks-markram", "u": repr(float(p["U"])), "tau_rec": simulator._q(p["tau_rec"], "ms"),
            "tau_fac": simulator._q(p["tau_facil"], "ms"), "tau_psc": tau_psc}


def bernoulli_block(p):
    """PyNN's SimpleStochasticSynapse is NEST's bernoulli_synapse in pyNN.nest (p_transmit = p): each spike is
    transmitted by each connection with probability p, independently of the others, with its weight. NeuroSim's
    bernoulli draws each trial from a hash of (seed, synapse, arrival time), so a run gives the same transmissions at
    any thread count, but not NEST's draws. p is one value per NeuroSim projection: connections with different p go
    to different projections (see check_groups)."""
    value = float(p["p"])
    if not 0 <= value <= 1:
        raise ValueError(f"pyNN.neurosim: SimpleStochasticSynapse p={value:g} (a probability: 0 <= p <= 1)")
    return {"rule": "bernoulli", "p": repr(value)}
