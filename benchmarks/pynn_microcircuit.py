"""The Potjans-Diesmann microcircuit built through pyNN.neurosim against the same network from NeuroSim's YAML (issue
30): one process per run, so that /usr/bin/time -v gives each its own peak RSS.

    /usr/bin/time -v /usr/bin/python3 benchmarks/pynn_microcircuit.py MODE SCALE [SIM_MS] [THREADS] [REPEATS]

MODE: yaml (Microcircuit.yaml(SCALE), org.neurosim.network.models, built through neurosim.bridge), native (the same
network written in PyNN: IF_curr_exp populations, FixedTotalNumberConnector with normal_clipped weights and delays,
which NeuroSim draws itself), arrays (the same synapses drawn with NumPy and given to FromListConnector: they cross as
arrays). Both sides take the background as its mean current (the YAML's poisson_input turned into DC input, PyNN's
i_offset), so that they are the same network and simulate alike; yaml-poisson keeps the shipped poisson_input.
Prints one JSON line: build seconds up to the first step made (the PyNN script's objects, and the engine's build
at the first run, which makes one step; the YAML's build and one step likewise; and the
CPU seconds of both, all threads of the process: steadier than the wall clock on a shared machine), then the
simulation's seconds and spikes. JVM options from $NEUROSIM_JAVA_OPTS (-Xmx).
"""
import json
import math
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
import neurosim  # noqa: E402
from neurosim import bridge  # noqa: E402


def quantity(text, unit):
    """'87.8 pA' in the given unit (pA, mV, ms, Hz)."""
    import re
    v, u = re.match(r"\s*([-+0-9.eE]+)\s*(\S+)", text).groups()
    scale = {"pA": 1e-12, "nA": 1e-9, "mV": 1e-3, "ms": 1e-3, "s": 1.0, "Hz": 1.0, "pF": 1e-12}
    return float(v) * scale[u] / scale[unit]


def config(scale, sim_ms, poisson):
    """The microcircuit's config at this scale as a dict, with the background as DC input unless poisson."""
    import yaml
    text = str(bridge.java("org.neurosim.network.models.Microcircuit").yaml(scale, f"{sim_ms} ms"))
    cfg = yaml.safe_load(text)
    cfg.pop("record", None)
    if not poisson:
        for p in cfg["populations"].values():
            bg = p.pop("poisson_input")
            # the mean current of Poisson events of peak w through an exponential of tau: rate w tau
            dc = quantity(bg["rate"], "Hz") * quantity(bg["weight"], "pA") * quantity(bg["synapse"]["tau"], "s")
            p["input"] = f"{quantity(p.get('input', '0 pA'), 'pA') + dc!r} pA"
    cfg["record"] = {"spikes": list(cfg["populations"])}
    return cfg


def yaml_run(scale, sim_ms, threads, poisson):
    bridge.start()
    cfg = config(scale, sim_ms, poisson)
    cfg["threads"] = threads
    t0, c0 = time.perf_counter(), time.process_time()
    tree, base = bridge.config_tree(cfg)
    net = bridge.build(tree, base)
    spikes = steps(net, 1)   # as pyNN.neurosim's first run(): the network built, then one step
    build, cpu = time.perf_counter() - t0, time.process_time() - c0
    synapses = sum(int(p.synapseCount()) for p in net.projections())
    t0 = time.perf_counter()
    spikes += steps(net, int(round(sim_ms / 0.1)) - 1)
    sim = time.perf_counter() - t0
    return {"build_s": build, "build_cpu_s": cpu, "synapses": synapses, "simulate_s": sim, "spikes": spikes}


def steps(net, n):
    """Runs n steps as pyNN.neurosim's run() does (a Simulation with an ArrayOutput); returns the spike count."""
    out = bridge.java("org.neurosim.network.output.ArrayOutput")(net)
    with bridge.java_errors():
        bridge.java("org.neurosim.network.Simulation")(net).listen(out).runSteps(n)
    return sum(len(v) for v in bridge.Collected(out).spike_neurons.values())


def pynn_run(scale, sim_ms, threads, arrays):
    from pyNN.random import NumpyRNG, RandomDistribution as RD
    bridge.start()
    cfg = config(scale, sim_ms, False)
    sim = neurosim.use_pynn()   # PyNN's import (0.8 s) is not the network's building, nor is starting the JVM
    t0, c0 = time.perf_counter(), time.process_time()
    sim.setup(timestep=0.1, min_delay=0.1, rng_seed=int(cfg["seed"]), threads=threads)
    pops = {}
    for name, p in cfg["populations"].items():
        par = p["params"]
        cell = sim.IF_curr_exp(cm=quantity(par["c_m"], "pF") * 1e-3, tau_m=quantity(par["tau_m"], "ms"),
                               tau_refrac=quantity(par["tau_ref"], "ms"), v_rest=quantity(par["v_rest"], "mV"),
                               v_thresh=quantity(par["v_th"], "mV"), v_reset=quantity(par["v_reset"], "mV"),
                               tau_syn_E=0.5, tau_syn_I=0.5, i_offset=quantity(p["input"], "nA"))
        pops[name] = sim.Population(int(p["size"]), cell, label=name)
        pops[name].initialize(v=RD("normal", mu=-58.0, sigma=10.0, rng=NumpyRNG(seed=1)))
        pops[name].record("spikes")
    rng = np.random.default_rng(7)
    drawing = 0.0   # the arrays mode's own drawing of its lists (the user's data), left out of the build
    for prj in cfg["projections"]:
        import re
        mean, sd = (quantity(x, "nA") for x in re.findall(r"[-0-9.e]+ pA", prj["weight"]))
        dmean, dsd = (quantity(x, "ms") for x in re.findall(r"[-0-9.e]+ ms", prj["delay"]))
        exc = "weight_min" in prj
        lo, hi = (0.0, np.inf) if exc else (-np.inf, 0.0)
        pre, post = pops[prj["from"]], pops[prj["to"]]
        n = int(prj["connect"]["total"])
        if arrays:   # the same law, drawn here and handed over as a list (n x 4)
            d0, dc0 = time.perf_counter(), time.process_time()
            conns = np.empty((n, 4))
            conns[:, 0] = rng.integers(0, pre.size, n)
            conns[:, 1] = rng.integers(0, post.size, n)
            conns[:, 2] = truncated(rng, mean, sd, lo, hi, n)
            conns[:, 3] = truncated(rng, dmean, dsd, 0.1, np.inf, n)
            drawing += time.perf_counter() - d0
            c0 += time.process_time() - dc0
            connector, syn = sim.FromListConnector(conns), sim.StaticSynapse()
        else:
            connector = sim.FixedTotalNumberConnector(n)
            syn = sim.StaticSynapse(weight=RD("normal_clipped", mu=mean, sigma=sd, low=lo, high=hi),
                                    delay=RD("normal_clipped", mu=dmean, sigma=dsd, low=0.1, high=np.inf))
        sim.Projection(pre, post, connector, syn, receptor_type="excitatory" if exc else "inhibitory")
    script = time.perf_counter() - t0 - drawing
    t0 = time.perf_counter()
    sim.run(0.1)   # the first run builds the network (and makes one step)
    build, cpu = time.perf_counter() - t0, time.process_time() - c0
    st = sim.simulator.state
    synapses = sum(int(p.synapseCount()) for p in st.network.projections())
    t0 = time.perf_counter()
    sim.run(sim_ms - 0.1)
    simulate = time.perf_counter() - t0
    spikes = sum(len(s) for p in pops.values() for s in p.get_data().segments[0].spiketrains)
    sim.end()
    return {"script_s": script, "build_s": build, "total_build_s": script + build, "build_cpu_s": cpu,
            "lists_drawn_s": drawing, "synapses": synapses,
            "simulate_s": simulate, "spikes": spikes}


def truncated(rng, mu, sd, lo, hi, n):
    """normal_clipped: N(mu, sd) redrawn outside [lo, hi]."""
    x = rng.normal(mu, sd, n)
    bad = np.flatnonzero((x < lo) | (x > hi))
    while bad.size:
        x[bad] = rng.normal(mu, sd, bad.size)
        bad = bad[(x[bad] < lo) | (x[bad] > hi)]
    return x


def main():
    mode, scale = sys.argv[1], float(sys.argv[2])
    sim_ms = float(sys.argv[3]) if len(sys.argv) > 3 else 100.0
    threads = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    repeats = int(sys.argv[5]) if len(sys.argv) > 5 else 1   # later ones in a warm JVM (classes loaded, code compiled)
    for rep in range(repeats):
        if mode in ("yaml", "yaml-poisson"):
            out = yaml_run(scale, sim_ms, threads, mode == "yaml-poisson")
        else:
            out = pynn_run(scale, sim_ms, threads, mode == "arrays")
        print(json.dumps({"mode": mode, "scale": scale, "sim_ms": sim_ms, "threads": threads, "run": rep + 1,
                          **{k: (round(v, 3) if isinstance(v, float) else v) for k, v in out.items()}}), flush=True)


if __name__ == "__main__":
    main()
