# %% [markdown]
# # NeuroSim from Python: an HH f-I curve and a small network
#
# A notebook-style script: run it top to bottom (`/usr/bin/python3 examples/python/notebook.py` from the repository,
# with the package installed or `PYTHONPATH=python`), or paste its cells into Jupyter. It needs the jar
# (`mvn -B package -DskipTests`) and Debian's python3-jpype, python3-numpy, python3-pandas, python3-matplotlib.
# Figures go to out/notebook/ (or the folder given as the first argument).

# %%
import sys
from pathlib import Path

import matplotlib

if "ipykernel" not in sys.modules:
    matplotlib.use("Agg")   # a script: files only
import matplotlib.pyplot as plt
import numpy as np

import neurosim

HERE = Path(__file__).resolve().parent if "__file__" in globals() else Path.cwd()
EXAMPLES = HERE.parent
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else Path("out/notebook")
OUT.mkdir(parents=True, exist_ok=True)

# %% [markdown]
# ## 1. The Hodgkin-Huxley neuron's f-I curve
#
# One population of HH neurons (the 1952 squid axon parameters), each driven by its own constant current from 0 to
# 30 uA/cm^2: one run gives the whole curve. The rate is counted after a 200 ms transient. The HH neuron is a type II
# neuron: below about 6.3 uA/cm^2 it fires a few spikes and stops; above, it fires repetitively, starting at about
# 50 Hz rather than from zero, and the rate rises slowly with the current.

# %%
currents = np.round(np.arange(0.0, 30.01, 0.5), 2)            # uA/cm^2
TRANSIENT, DURATION = 0.2, 1.0                                 # s
hh = {
    "name": "hh-fi",
    "dt": "0.01 ms",
    "duration": f"{DURATION} s",
    "integrator": "rk4",
    "populations": {"hh": {"model": "hh", "size": len(currents), "input": [f"{i} uA/cm^2" for i in currents]}},
    "record": {"spikes": "all", "state": [{"population": "hh", "variables": ["v"],
                                           "neurons": [int(np.searchsorted(currents, c)) for c in (3, 7, 20)]}]},
}
fi = neurosim.run(hh)
neurons, times = fi.spikes("hh")
late = times >= TRANSIENT
rates = np.bincount(neurons[late], minlength=len(currents)) / (DURATION - TRANSIENT)
onset = currents[np.argmax(rates > 0)]
print(f"HH: repetitive firing from {onset} uA/cm^2 at {rates[rates > 0][0]:.1f} Hz; "
      f"{rates[-1]:.1f} Hz at {currents[-1]} uA/cm^2")

# %%
fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4))
a.plot(currents, rates, "o-", ms=3)
a.set_xlabel("input current (uA/cm^2)")
a.set_ylabel(f"firing rate after {TRANSIENT * 1e3:.0f} ms (Hz)")
a.set_title("Hodgkin-Huxley f-I curve (type II: a jump to ~50 Hz)")
a.grid(alpha=0.3)
t, v, ids = fi.state("hh", "v")
window = t <= 0.1
for k, n in enumerate(ids):
    b.plot(t[window] * 1e3, v[window, k] * 1e3, lw=0.9, label=f"{currents[n]} uA/cm^2")
b.set_xlabel("time (ms)")
b.set_ylabel("membrane potential (mV)")
b.set_title("the first 100 ms")
b.legend(loc="upper right", fontsize="small")
fig.tight_layout()
fig.savefig(OUT / "hh-fi-curve.png", dpi=100)

# %% [markdown]
# ## 2. A small network: CUBA at a quarter of its size
#
# examples/cuba.yaml is the current-based benchmark of Brette et al. (2007): 3200 excitatory and 800 inhibitory LIF
# neurons, 2 % connectivity. Overrides change it without editing the file; here 800 + 200 neurons, with the weights
# scaled by 4 so that each neuron receives the same mean input as in the full network (the connection probability is
# the same, so each neuron has a quarter of the inputs). The fluctuations of the input are not the same: a quarter of
# the inputs, each 4 times larger, make its standard deviation twice as large, and the small network fires at about
# 13 Hz where the full one fires at 5.8 Hz.

# %%
small = neurosim.run(EXAMPLES / "cuba.yaml", duration="1 s", seed=1, overrides={
    "populations.exc.size": 800,
    "populations.inh.size": 200,
    "projections[0].weight": "6.48 mV",     # 4 x 1.62 mV
    "projections[1].weight": "-36 mV",      # 4 x -9 mV
})
print(small)

# %% [markdown]
# Spikes come back as arrays per population, or all together as a DataFrame with the columns of spikes.csv. The
# coefficient of variation of each neuron's inter-spike intervals says how irregular the firing is (1 for a
# Poisson process); it is computed for the neurons with at least 10 intervals.

# %%
df = small.spikes_frame()
print(df.head())


def cv(times):
    isi = np.diff(np.sort(times))
    return isi.std() / isi.mean() if len(isi) >= 10 else np.nan


cvs = df.groupby(["population", "neuron"], observed=True)["time_s"].apply(lambda t: cv(t.to_numpy())).dropna()
print("mean rates (Hz):", {p: round(r, 2) for p, r in small.mean_rates.items()})
print("mean ISI CV:", cvs.groupby(level="population", observed=True).mean().round(2).to_dict())

# %%
fig, axes = plt.subplots(2, 2, figsize=(12, 7), gridspec_kw={"height_ratios": [2, 1]})
small.plot_raster(ax=axes[0, 0], max_neurons=200, start=0.2, end=0.7)
axes[0, 0].set_title("raster: the first 200 neurons of each population, 200-700 ms")
small.plot_state("exc", "v", ax=axes[0, 1])
axes[0, 1].axhline(-50, color="k", lw=0.6, ls="--")
axes[0, 1].set_title("three excitatory neurons (threshold -50 mV)")
small.plot_rates(ax=axes[1, 0])
axes[1, 0].set_title("population rates in 5 ms bins")
axes[1, 1].hist([cvs.loc["exc"], cvs.loc["inh"]], bins=30, label=["exc", "inh"], stacked=True)
axes[1, 1].set_xlabel("ISI CV per neuron")
axes[1, 1].set_ylabel("neurons")
axes[1, 1].set_title("irregularity of firing")
axes[1, 1].legend()
fig.tight_layout()
fig.savefig(OUT / "cuba-small.png", dpi=100)

# %% [markdown]
# ## 3. A parameter scan: the network's rate against the inhibitory weight
#
# The JVM is started once; each further run builds and simulates in a fraction of a second.

# %%
weights = [-18, -27, -36, -45, -54]    # mV
scan = [neurosim.run(EXAMPLES / "cuba.yaml", duration="500 ms", seed=1, overrides={
    "populations.exc.size": 800, "populations.inh.size": 200,
    "projections[0].weight": "6.48 mV", "projections[1].weight": f"{w} mV"}).mean_rates["exc"] for w in weights]
for w, r in zip(weights, scan):
    print(f"inhibitory weight {w} mV: excitatory rate {r:.2f} Hz")
fig, ax = plt.subplots(figsize=(5, 3.5))
ax.plot([-w for w in weights], scan, "o-")
ax.set_xlabel("inhibitory weight |w| (mV)")
ax.set_ylabel("excitatory rate (Hz)")
ax.set_title("stronger inhibition, lower rate")
fig.tight_layout()
fig.savefig(OUT / "cuba-inhibition-scan.png", dpi=100)
print("figures in", OUT)
