import numpy as np

from pyNN import recording

from . import simulator


class Recorder(recording.Recorder):
    """Spikes and signals of the neurons asked for; asking for more after a run rebuilds the network at the next run
    (simulator.State.changed), which continues from the state the last run left."""
    _simulator = simulator

    def _record(self, variable, new_ids, sampling_interval=None):
        if sampling_interval is not None:
            k = sampling_interval / simulator.state.dt
            if abs(k - round(k)) > 1e-9 or round(k) < 1:
                raise NotImplementedError("pyNN.neurosim: a sampling_interval that is not a whole number of time "
                                          f"steps ({sampling_interval} ms, dt = {simulator.state.dt} ms)")
            self.sampling_interval = sampling_interval
        if variable not in ("spikes",) + simulator.SIGNALS:
            raise NotImplementedError(f"pyNN.neurosim: recording {variable!r}")
        if new_ids:
            simulator.state.changed(f"record({variable!r}) of more neurons")

    def _data(self):
        return simulator.state.data.get(self.population.ns_name, {"spikes": []})

    def _get_spiketimes(self, ids, clear=False):
        d = self._data()
        first = int(self.population.first_id)
        if d["spikes"]:
            neurons = np.concatenate([n for n, _ in d["spikes"]])
            times = np.concatenate([t for _, t in d["spikes"]])
        else:
            neurons, times = np.zeros(0, int), np.zeros(0)
        order = np.argsort(neurons, kind="stable")   # each neuron's spikes, in time order, by one sort
        neurons, times = neurons[order], times[order]
        out = {}
        for i in ids:
            lo, hi = np.searchsorted(neurons, [int(i) - first, int(i) - first + 1])
            out[int(i)] = times[lo:hi]
        return out

    def _get_all_signals(self, variable, ids, clear=False):
        d = self._data()
        if variable not in simulator.SIGNALS or not d.get(variable) or not ids:
            return np.zeros((0, len(ids))), None
        v = np.concatenate(d[variable], axis=0)[::int(round(self.sampling_interval / simulator.state.dt))]
        col = {n: k for k, n in enumerate(d[variable + "_neurons"])}
        return v[:, [col[self.population.id_to_index(int(i))] for i in ids]], None

    def _local_count(self, variable, filter_ids=None):
        spikes = self._get_spiketimes(sorted(self.filter_recorded(variable, filter_ids)))
        return {i: len(t) for i, t in spikes.items()}

    def _clear_simulator(self):
        simulator.state.data[self.population.ns_name] = {"spikes": [], "fresh": True}

    def _reset(self):
        pass
