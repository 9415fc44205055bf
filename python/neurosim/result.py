"""What a run returns: spikes and traces as NumPy arrays and pandas DataFrames, its summary, and plots."""

import numpy as np


class Result:
    """The recordings of one run (what the config's ``record`` section asks for), in SI units (s, V, A, Hz).

    spikes(pop)        (neurons int32, times_s float64), in time order, as spikes.csv holds them
    spikes_frame()     DataFrame: population, neuron, time_s (spikes.csv)
    state()            DataFrame indexed by time_s, one column per trace 'exc.v[0]' (state.csv)
    state(pop, var)    (times_s, values[samples, neurons], neurons) of one variable
    rates              DataFrame indexed by the rate bins' start time_s, a column per population, Hz (rates.csv)
    mean_rates         {population: mean rate over the run, Hz}
    summary            dict, as summary.json
    config             the effective config (YAML text, every override applied)
    plot_raster / plot_state / plot_rates   matplotlib, on a given Axes or a new figure
    """

    def __init__(self, summary, collected, config_text=""):
        self.summary = summary
        self.config = config_text
        self._c = collected

    # -- basic facts ------------------------------------------------------------------------------------------------
    @property
    def name(self):
        return self.summary.get("name")

    @property
    def seed(self):
        return self.summary.get("seed")

    @property
    def dt(self):
        """The time step (s)."""
        return self.summary.get("dt_s")

    @property
    def duration(self):
        """The simulated time (s)."""
        return self.summary.get("simulated_s")

    @property
    def populations(self):
        """The populations' names, in the config's order."""
        return list(self._c.populations)

    def size(self, population):
        return self.summary["populations"][self._population(population)]["size"]

    @property
    def mean_rates(self):
        """{population: spikes / (size x simulated time), Hz} of every population (recorded or not)."""
        return {p: v["mean_rate_hz"] for p, v in self.summary["populations"].items()}

    def _population(self, population):
        if population not in self._c.spike_times:
            raise KeyError(f"no population '{population}'; the run has {', '.join(self._c.populations)}")
        return population

    # -- spikes -----------------------------------------------------------------------------------------------------
    def spikes(self, population):
        """(neurons, times): the spikes of one population as int32 neuron indices and float64 times (s), in time
        order. Empty arrays when the population's spikes are not recorded (record.spikes)."""
        p = self._population(population)
        return self._c.spike_neurons[p], self._c.spike_times[p]

    def spike_count(self, population=None):
        """The number of recorded spikes of a population, or of all."""
        if population is None:
            return int(sum(len(t) for t in self._c.spike_times.values()))
        return len(self.spikes(population)[1])

    def spikes_frame(self):
        """Every recorded spike as a DataFrame with the columns of spikes.csv: population (categorical), neuron
        (int32), time_s (float64), in time order (a stable sort: equal times keep the config's population order)."""
        import pandas as pd

        pops = self._c.populations
        codes = np.concatenate([np.full(len(self._c.spike_times[p]), i, dtype=np.int32) for i, p in enumerate(pops)]
                               or [np.zeros(0, np.int32)])
        neurons = np.concatenate([self._c.spike_neurons[p] for p in pops] or [np.zeros(0, np.int32)])
        times = np.concatenate([self._c.spike_times[p] for p in pops] or [np.zeros(0)])
        order = np.argsort(times, kind="stable")
        return pd.DataFrame({
            "population": pd.Categorical.from_codes(codes[order], categories=pops),
            "neuron": neurons[order],
            "time_s": times[order],
        })

    # -- state ------------------------------------------------------------------------------------------------------
    @property
    def trace_names(self):
        """The recorded traces, 'population.variable[neuron]', in state.csv's column order."""
        return list(self._c.trace_names)

    @property
    def trace_times(self):
        """The times (s) of the state samples: every step, from the start of the run to its end."""
        return self._c.state_times

    @property
    def traces(self):
        """The state samples, a float64 matrix [samples, traces] (columns: trace_names)."""
        return self._c.state

    def state(self, population=None, variable=None):
        """Without arguments, every trace as a DataFrame indexed by time_s (state.csv). With a population and a
        variable: (times, values, neurons), values a [samples, neurons] matrix of the recorded neurons."""
        if population is None and variable is None:
            import pandas as pd

            return pd.DataFrame(self._c.state, index=pd.Index(self._c.state_times, name="time_s"),
                                columns=self._c.trace_names)
        if population is None or variable is None:
            raise TypeError("state(): give both a population and a variable, or neither")
        prefix = f"{population}.{variable}["
        cols = [i for i, n in enumerate(self._c.trace_names) if n.startswith(prefix)]
        if not cols:
            raise KeyError(f"no recorded trace of {population}.{variable}; recorded: "
                           + (", ".join(self._c.trace_names) or "none (record.state)"))
        neurons = np.array([int(self._c.trace_names[i][len(prefix):-1]) for i in cols], dtype=np.int32)
        return self._c.state_times, self._c.state[:, cols], neurons

    # -- rates ------------------------------------------------------------------------------------------------------
    @property
    def rates(self):
        """Population rates per bin (record.rates), a DataFrame indexed by the bins' start time_s, Hz."""
        import pandas as pd

        return pd.DataFrame(self._c.rates, index=pd.Index(self._c.rate_times, name="time_s"),
                            columns=self._c.rate_populations)

    # -- plots ------------------------------------------------------------------------------------------------------
    def plot_raster(self, ax=None, populations=None, max_neurons=None, start=None, end=None, **scatter):
        """A raster: one dot per spike, neuron against time (ms), the populations stacked from the top in the
        config's order, each in its colour. max_neurons: show only each population's first max_neurons neurons;
        start/end (s): a time window. Returns the Axes."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(8, 4))
        pops = list(populations) if populations is not None else self._c.populations
        offset = 0
        ticks, labels = [], []
        style = {"s": 2, "marker": "|" if self.spike_count() < 20000 else ".", "linewidths": 0.8}
        style.update(scatter)
        for p in reversed(pops):
            neurons, times = self.spikes(p)
            colour = {"color": f"C{self._c.populations.index(p) % 10}"} if "color" not in scatter and "c" not in scatter else {}
            n = self.size(p) if max_neurons is None else min(self.size(p), max_neurons)
            keep = neurons < n
            if start is not None:
                keep &= times >= start
            if end is not None:
                keep &= times <= end
            ax.scatter(times[keep] * 1e3, neurons[keep] + offset, label=p, **colour, **style)
            ticks.append(offset + n / 2)
            labels.append(p)
            offset += n
        ax.set_yticks(ticks)
        ax.set_yticklabels(labels)
        ax.set_ylim(-0.5, offset - 0.5)
        ax.set_xlim((start or 0) * 1e3, (end if end is not None else self.duration) * 1e3)
        ax.set_xlabel("time (ms)")
        ax.set_ylabel("neuron")
        ax.set_title(f"{self.name}: spikes")
        return ax

    def plot_state(self, population, variable, ax=None, scale=None, unit=None):
        """The recorded traces of one variable against time (ms), one line per neuron. A membrane potential is
        shown in mV unless scale/unit say otherwise. Returns the Axes."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(8, 3))
        times, values, neurons = self.state(population, variable)
        if scale is None:
            scale, unit = (1e3, "mV") if variable in ("v", "V") else (1.0, unit or "SI")
        for k, n in enumerate(neurons):
            ax.plot(times * 1e3, values[:, k] * scale, lw=0.8, label=f"{population}[{n}]")
        ax.set_xlabel("time (ms)")
        ax.set_ylabel(f"{variable} ({unit})")
        if len(neurons) <= 10:
            ax.legend(loc="upper right", fontsize="small")
        return ax

    def plot_rates(self, ax=None):
        """The population rates per bin (record.rates) against time (ms). Returns the Axes."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(8, 3))
        r = self.rates
        for p in r.columns:
            ax.plot(r.index * 1e3, r[p], drawstyle="steps-post", label=p)
        ax.set_xlabel("time (ms)")
        ax.set_ylabel("rate (Hz)")
        ax.legend(loc="upper right", fontsize="small")
        return ax

    def __repr__(self):
        pops = ", ".join(f"{p} {self.mean_rates.get(p, float('nan')):.2f} Hz" for p in self._c.populations)
        return (f"<neurosim.Result {self.name}: {self.duration:g} s simulated, {self.spike_count()} spikes recorded, "
                f"{len(self._c.trace_names)} traces; mean rates {pops}>")
