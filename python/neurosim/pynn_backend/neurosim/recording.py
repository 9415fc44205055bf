import numpy as np

from pyNN import recording

from . import simulator


class Recorder(recording.Recorder):
    """Every spike of every population is collected; v for the neurons asked for before the first run()."""
    _simulator = simulator

    def _record(self, variable, new_ids, sampling_interval=None):
        if sampling_interval is not None:
            k = sampling_interval / simulator.state.dt
            if abs(k - round(k)) > 1e-9 or round(k) < 1:
                raise NotImplementedError("pyNN.neurosim: a sampling_interval that is not a whole number of time "
                                          f"steps ({sampling_interval} ms, dt = {simulator.state.dt} ms)")
            self.sampling_interval = sampling_interval
        if variable not in ("spikes", "v"):
            raise NotImplementedError(f"pyNN.neurosim: recording {variable!r}")
        if variable == "v" and new_ids:
            simulator.state.refuse_if_built("record('v') of more neurons")

    def _data(self):
        return simulator.state.data.get(self.population.ns_name, {"spikes": [], "v": []})

    def _get_spiketimes(self, ids, clear=False):
        d = self._data()
        first = int(self.population.first_id)
        if d["spikes"]:
            neurons = np.concatenate([n for n, _ in d["spikes"]])
            times = np.concatenate([t for _, t in d["spikes"]])
        else:
            neurons, times = np.zeros(0, int), np.zeros(0)
        out = {}
        for i in ids:
            out[int(i)] = times[neurons == int(i) - first]
        return out

    def _get_all_signals(self, variable, ids, clear=False):
        d = self._data()
        if variable != "v" or not d["v"] or not ids:
            return np.zeros((0, len(ids))), None
        v = np.concatenate(d["v"], axis=0)[::int(round(self.sampling_interval / simulator.state.dt))]
        col = {n: k for k, n in enumerate(d["v_neurons"])}
        return v[:, [col[self.population.id_to_index(int(i))] for i in ids]], None

    def _local_count(self, variable, filter_ids=None):
        spikes = self._get_spiketimes(sorted(self.filter_recorded(variable, filter_ids)))
        return {i: len(t) for i, t in spikes.items()}

    def _clear_simulator(self):
        simulator.state.data[self.population.ns_name] = {"spikes": [], "v": [], "fresh": True}

    def _reset(self):
        pass
