"""The standard cell types pyNN.neurosim supports, with identity translations (native parameters are PyNN's, in
PyNN's units; simulator.build_config writes them into NeuroSim's config with their units)."""
from pyNN.standardmodels import build_translations, cells, synapses


def _identity(cls, *exclude):
    return build_translations(*[(n, n) for n in cls.default_parameters if n not in exclude])


class IF_curr_exp(cells.IF_curr_exp):
    """NeuroSim's lif with c_m and exponential current synapses, on the grid (integrator exact-grid: NEST's
    iaf_psc_exp)."""
    translations = _identity(cells.IF_curr_exp)
    recordable = ["spikes", "v"]


class IF_cond_exp(cells.IF_cond_exp):
    """NeuroSim's lif-cond with c_m and exponential conductance synapses (integrator rk4)."""
    translations = _identity(cells.IF_cond_exp)
    recordable = ["spikes", "v", "gsyn_exc", "gsyn_inh"]


class IF_curr_alpha(cells.IF_curr_alpha):
    """NeuroSim's lif with c_m and alpha current synapses normalised to their peak (a weight w nA gives the PSC
    w (t/tau) e^(1 - t/tau)), on the grid (integrator exact-grid: NEST's iaf_psc_alpha)."""
    translations = _identity(cells.IF_curr_alpha)
    recordable = ["spikes", "v"]


class IF_cond_alpha(cells.IF_cond_alpha):
    """NeuroSim's lif-cond with c_m and alpha conductance synapses normalised to their peak (a weight w uS gives
    g(t) = w (t/tau) e^(1 - t/tau), NEST's iaf_cond_alpha), integrator rk4."""
    translations = _identity(cells.IF_cond_alpha)
    recordable = ["spikes", "v", "gsyn_exc", "gsyn_inh"]


class EIF_cond_exp_isfa_ista(cells.EIF_cond_exp_isfa_ista):
    """NEST's aeif_cond_exp typed as NeuroSim equations (simulator.eif_equations), exponential conductances
    normalised to their peak, integrator dormand-prince."""
    translations = _identity(cells.EIF_cond_exp_isfa_ista)
    recordable = ["spikes", "v", "w", "gsyn_exc", "gsyn_inh"]


class EIF_cond_alpha_isfa_ista(cells.EIF_cond_alpha_isfa_ista):
    """As EIF_cond_exp_isfa_ista with alpha conductances normalised to their peak (NEST's aeif_cond_alpha)."""
    translations = _identity(cells.EIF_cond_alpha_isfa_ista)
    recordable = ["spikes", "v", "w", "gsyn_exc", "gsyn_inh"]


class HH_cond_exp(cells.HH_cond_exp):
    """NEST's hh_cond_exp_traub: NeuroSim's hh-traub over 1 cm^2 with exponential conductance synapses normalised to
    their peak, integrator dormand-prince (simulator._hh_config)."""
    translations = _identity(cells.HH_cond_exp)
    recordable = ["spikes", "v", "gsyn_exc", "gsyn_inh"]


class IF_curr_delta(cells.IF_curr_delta):
    """NeuroSim's lif with c_m and delta synapses (a weight w mV is a jump of w mV), on the grid (integrator
    exact-grid: NEST's iaf_psc_delta; jumps arriving while refractory are dropped, as NEST's default)."""
    translations = _identity(cells.IF_curr_delta)
    recordable = ["spikes", "v"]


class Izhikevich(cells.Izhikevich):
    """NEST's izhikevich typed as NeuroSim equations, forward Euler on the grid (simulator._izhikevich_config);
    synapses are voltage jumps (weights in mV)."""
    translations = _identity(cells.Izhikevich)
    recordable = ["spikes", "v", "u"]


class SpikeSourceArray(cells.SpikeSourceArray):
    """NeuroSim's spike-times."""
    translations = _identity(cells.SpikeSourceArray)


class SpikeSourceGamma(cells.SpikeSourceGamma):
    """NeuroSim's gamma (a renewal process with gamma(alpha) intervals of mean alpha/beta, drawn exactly)."""
    translations = _identity(cells.SpikeSourceGamma)


class SpikeSourcePoissonRefractory(cells.SpikeSourcePoissonRefractory):
    """NeuroSim's poisson-dead-time (a Poisson process with dead time tau_refrac and mean rate `rate`)."""
    translations = _identity(cells.SpikeSourcePoissonRefractory)


class SpikeSourcePoisson(cells.SpikeSourcePoisson):
    """A Poisson process in continuous time (simulator._poisson_config: NeuroSim's gamma of shape 1, or poisson with a
    rate schedule per neuron where start or duration differ)."""
    translations = _identity(cells.SpikeSourcePoisson)


class _MinDelay:
    """The simulator's min_delay as every synapse type's minimum delay (PyNN asks the synapse type)."""

    def _get_minimum_delay(self):
        from .simulator import state
        return state.min_delay


class StaticSynapse(_MinDelay, synapses.StaticSynapse):
    translations = build_translations(("weight", "weight"), ("delay", "delay"))


class TsodyksMarkramSynapse(_MinDelay, synapses.TsodyksMarkramSynapse):
    """NeuroSim's tsodyks-markram plasticity (u, tau_rec, tau_fac; see projections.plasticity for the checks)."""
    translations = build_translations(("weight", "weight"), ("delay", "delay"), ("U", "U"), ("tau_rec", "tau_rec"),
                                      ("tau_facil", "tau_facil"))


class SimpleStochasticSynapse(_MinDelay, synapses.SimpleStochasticSynapse):
    """NeuroSim's bernoulli plasticity (NEST's bernoulli_synapse, as pyNN.nest maps it: p is p_transmit): each spike
    is transmitted by each connection independently with probability p, with the weight, else not at all."""
    translations = build_translations(("weight", "weight"), ("delay", "delay"), ("p", "p"))


class STDPMechanism(_MinDelay, synapses.STDPMechanism):
    """NeuroSim's stdp plasticity (pairing all; see projections.plasticity for what maps exactly)."""
    base_translations = build_translations(("weight", "weight"), ("delay", "delay"),
                                           ("dendritic_delay_fraction", "dendritic_delay_fraction"))


class SpikePairRule(synapses.SpikePairRule):
    translations = _identity(synapses.SpikePairRule)


class AdditiveWeightDependence(synapses.AdditiveWeightDependence):
    translations = _identity(synapses.AdditiveWeightDependence)


class MultiplicativeWeightDependence(synapses.MultiplicativeWeightDependence):
    translations = _identity(synapses.MultiplicativeWeightDependence)


class AdditivePotentiationMultiplicativeDepression(synapses.AdditivePotentiationMultiplicativeDepression):
    translations = _identity(synapses.AdditivePotentiationMultiplicativeDepression)


class GutigWeightDependence(synapses.GutigWeightDependence):
    translations = _identity(synapses.GutigWeightDependence)
