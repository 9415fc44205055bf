import numpy as np

from pyNN import common, errors
from pyNN.parameters import ParameterSpace, simplify
from pyNN.standardmodels import StandardCellType

from . import simulator
from .recording import Recorder


class Assembly(common.Assembly):
    _simulator = simulator


class PopulationView(common.PopulationView):
    _assembly_class = Assembly
    _simulator = simulator

    def _get_parameters(self, *names):
        return ParameterSpace({n: simplify(np.asarray(self.parent._parameters[n])[self.mask]) for n in names},
                              shape=(self.size,))

    def _set_parameters(self, parameter_space):
        simulator.state.changed("setting parameters")
        parameter_space.evaluate(simplify=False)
        for name, value in parameter_space.items():
            self.parent._parameters[name][self.mask] = value
        _check_spike_times(self.parent._parameters)

    def _set_initial_value_array(self, variable, initial_values):
        simulator.state.refuse_if_built("initialize()")
        self.parent._initial.setdefault(variable, np.zeros(self.parent.size))[self.mask] = \
            initial_values.evaluate(simplify=False)

    def _get_view(self, selector, label=None):
        return PopulationView(self, selector, label)


class Population(common.Population):
    __doc__ = common.Population.__doc__
    _simulator = simulator
    _recorder_class = Recorder
    _assembly_class = Assembly

    def _create_cells(self):
        simulator.state.refuse_if_built("creating a Population")
        if not isinstance(self.celltype, StandardCellType):
            raise NotImplementedError("pyNN.neurosim: only standard cell types are supported")
        self.ns_name = f"p{len(simulator.state.populations)}"
        first = simulator.state.id_counter
        self.all_cells = np.array([simulator.ID(i) for i in range(first, first + self.size)], dtype=simulator.ID)
        self._mask_local = np.ones((self.size,), bool)
        ps = self.celltype.native_parameters
        ps.shape = (self.size,)
        ps.evaluate(simplify=False)
        self._parameters = ps.as_dict()
        _check_spike_times(self._parameters)
        self._initial = {}
        for id in self.all_cells:
            id.parent = self
        simulator.state.id_counter += self.size
        simulator.state.populations.append(self)

    def _set_initial_value_array(self, variable, initial_values):
        simulator.state.refuse_if_built("initialize()")
        self._initial[variable] = np.asarray(initial_values.evaluate(simplify=False), dtype=float).reshape(self.size)

    def _get_view(self, selector, label=None):
        return PopulationView(self, selector, label)

    def _get_parameters(self, *names):
        return ParameterSpace({n: simplify(self._parameters[n]) for n in names}, shape=(self.local_size,))

    def _set_parameters(self, parameter_space):
        simulator.state.changed("setting parameters")
        parameter_space.evaluate(simplify=False)
        for name, value in parameter_space.items():
            self._parameters[name] = value
        _check_spike_times(self._parameters)

    # for simulator.build_config
    def native(self, name):
        return self._parameters[name]

    def initial_v(self):
        v = self._initial.get("v")
        return np.full(self.size, -65.0) if v is None else v


def _check_spike_times(parameters):
    """SpikeSourceArray: spike times in increasing order (as PyNN's NEST backend requires)."""
    for seq in np.atleast_1d(parameters.get("spike_times", [])):
        t = np.asarray(getattr(seq, "value", seq), dtype=float)
        if t.size > 1 and np.any(np.diff(t) < 0):
            raise errors.InvalidParameterValueError(f"spike_times must be in increasing order, got {t.tolist()}")
