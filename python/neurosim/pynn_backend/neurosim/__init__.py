"""pyNN.neurosim: a PyNN 0.10 backend that runs NeuroSim's engine in-process (JPype, through neurosim.bridge).

Make it importable with ``neurosim.use_pynn()`` (or ``pyNN.__path__.append(neurosim.pynn_path())``), then
``import pyNN.neurosim as sim``. The backend keeps the PyNN objects and builds one NeuroSim network at the first
run(); later run() calls continue it (values changed in between: a rebuilt network continues from the old one's
state). Supported: the standard cell types of list_standard_models(); StaticSynapse with any
connector of PyNN (drawn by NeuroSim where it has the same rule, native.py, else sent as arrays, projections.py),
SimpleStochasticSynapse, TsodyksMarkramSynapse and
STDPMechanism where NeuroSim's rules express them exactly (plasticity.py); DCSource, StepCurrentSource, ACSource,
NoisyCurrentSource (electrodes.py: the population's input); recording of spikes, v, gsyn_exc/gsyn_inh, w, u.
Anything else raises NotImplementedError naming it.
"""
import logging

from pyNN import common
from pyNN.common.control import DEFAULT_MAX_DELAY, DEFAULT_MIN_DELAY, DEFAULT_TIMESTEP
from pyNN.connectors import *   # noqa: F401,F403  (PyNN's connectors all call Projection._convergent_connect)
from pyNN.recording import *   # noqa: F401,F403
from pyNN.random import NumpyRNG, RandomDistribution   # noqa: F401
from pyNN.space import Space   # noqa: F401

from . import simulator
from .electrodes import ACSource, DCSource, NoisyCurrentSource, StepCurrentSource
from .populations import Assembly, Population, PopulationView
from .projections import Projection
from .standardmodels import (IF_cond_exp, IF_curr_exp, IF_curr_alpha, IF_cond_alpha, EIF_cond_exp_isfa_ista,   # noqa: F401
                             EIF_cond_alpha_isfa_ista, HH_cond_exp, IF_curr_delta, Izhikevich,
                             SpikeSourceArray, SpikeSourcePoisson, SpikeSourceGamma, SpikeSourcePoissonRefractory,
                             StaticSynapse, SimpleStochasticSynapse,
                             TsodyksMarkramSynapse, STDPMechanism, SpikePairRule, AdditiveWeightDependence,
                             MultiplicativeWeightDependence, AdditivePotentiationMultiplicativeDepression,
                             GutigWeightDependence)

logger = logging.getLogger("PyNN")


def list_standard_models():
    from . import standardmodels
    from pyNN.standardmodels import StandardCellType
    return sorted(name for name, obj in vars(standardmodels).items()
                  if isinstance(obj, type) and issubclass(obj, StandardCellType) and obj.__module__ == standardmodels.__name__)


def setup(timestep=DEFAULT_TIMESTEP, min_delay=DEFAULT_MIN_DELAY, **extra_params):
    """timestep and min_delay in ms; extra: max_delay, rng_seed (NeuroSim's seed), threads, spike_precision
    ("off_grid", the default as in pyNN.nest: IF_curr_exp and IF_curr_delta spike inside the step, NeuroSim's `exact`
    = NEST's iaf_psc_exp_ps and iaf_psc_delta_ps; "on_grid": `exact-grid` = iaf_psc_exp and iaf_psc_delta),
    native_connectors (default True: the connectors NeuroSim has a rule for are drawn by NeuroSim; False: every
    connector through PyNN's own code, its connections sent as arrays)."""
    precision = extra_params.get("spike_precision", "off_grid")
    if precision not in ("off_grid", "on_grid"):
        raise ValueError("spike_precision must be 'on_grid' or 'off_grid'")
    max_delay = extra_params.get("max_delay", DEFAULT_MAX_DELAY)
    common.setup(timestep, min_delay, **extra_params)
    simulator.state.clear()
    simulator.state.dt = timestep
    simulator.state.min_delay = timestep if min_delay == "auto" else min_delay
    simulator.state.min_delay_auto = min_delay == "auto"
    simulator.state.max_delay = max_delay
    simulator.state.seed = int(extra_params.get("rng_seed", extra_params.get("seed", 1)))
    simulator.state.threads = int(extra_params.get("threads", 1))
    simulator.state.spike_precision = precision
    simulator.state.native_connectors = bool(extra_params.get("native_connectors", True))
    return 0


def end(compatible_output=True):
    for (population, variables, filename) in getattr(simulator.state, "write_on_end", []):
        population.write_data(filename, variables)
    simulator.state.write_on_end = []


run, run_until = common.build_run(simulator)
run_for = run
reset = common.build_reset(simulator)
initialize = common.initialize
get_current_time, get_time_step, get_min_delay, get_max_delay, num_processes, rank = \
    common.build_state_queries(simulator)
create = common.build_create(Population)
connect = common.build_connect(Projection, FixedProbabilityConnector, StaticSynapse)   # noqa: F405
record = common.build_record(simulator)


def record_v(source, filename):
    return record(["v"], source, filename)


def record_gsyn(source, filename):
    raise NotImplementedError("pyNN.neurosim: recording gsyn")
