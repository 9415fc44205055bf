"""Brunel (2000) model A in Brian2, as examples/brunel2000.yaml states it: 10,000 excitatory and 2,500 inhibitory
LIF neurons with delta synapses (J = 0.1 mV, -g J), in-degrees 1000 / 250, delay 1.5 ms, and external Poisson input
PoissonInput(C_E = 1000 synapses at eta * 10 Hz). Usage:
python3 brian2_brunel.py G ETA DURATION_S TARGET OUT_DIR [openmp_threads]   (TARGET: numpy | cython | cpp_standalone)
Prints the mean rate, the mean ISI CV and the run time.
"""
import os, sys, time
g = float(sys.argv[1]); eta = float(sys.argv[2]); dur = float(sys.argv[3]); target = sys.argv[4]; out = sys.argv[5]
threads = int(sys.argv[6]) if len(sys.argv) > 6 else 1
t0 = time.perf_counter()
from brian2 import *
import numpy as np
if target == 'cpp_standalone':
    set_device('cpp_standalone', directory=os.path.join(out, f'brian_brunel_g{g}_eta{eta}_t{threads}'), build_on_run=True)
    prefs.devices.cpp_standalone.openmp_threads = threads
else:
    prefs.codegen.target = target
defaultclock.dt = 0.1 * ms
seed(1)
NE, NI = 10000, 2500
CE, CI = 1000, 250
J = 0.1 * mV; tau = 20 * ms; theta = 20 * mV; Vr = 10 * mV; D = 1.5 * ms
nu_thr = theta / (J * CE * tau)
P = NeuronGroup(NE + NI, 'dv/dt = -v/tau : volt (unless refractory)', threshold='v > theta', reset='v = Vr',
                refractory=2 * ms, method='exact')
P.v = 'rand() * theta'
rng = np.random.default_rng(1)
def in_degree(n_pre, k):   # fixed in-degree: each target draws k distinct sources (no autapses, as NeuroSim)
    pre, post = [], []
    for j in range(NE + NI):
        pre.append(rng.choice(n_pre, size=k, replace=False))
        post.append(np.full(k, j))
    return np.concatenate(pre), np.concatenate(post)
Ce = Synapses(P[:NE], P, on_pre='v += J', delay=D)
i, j = in_degree(NE, CE)
Ce.connect(i=i, j=j)
Ci = Synapses(P[NE:], P, on_pre='v += -g * J', delay=D)
i, j = in_degree(NI, CI)
Ci.connect(i=i, j=j)
ext = PoissonInput(P, 'v', CE, eta * nu_thr, weight=J)
# Brunel's neurons ignore their input while refractory (as NEST's iaf_psc_delta and NeuroSim's lif do); Brian2's
# synapses and PoissonInput would still add to v, so v is set back to V_r at the end of every refractory step
P.run_regularly('v = int(not_refractory) * v + (1 - int(not_refractory)) * Vr', when='end')
mon = SpikeMonitor(P)
t1 = time.perf_counter()
run(dur * second)
t2 = time.perf_counter()
n = mon.num_spikes
trains = mon.spike_trains()
cvs = []
for k in range(NE + NI):
    ts = np.asarray(trains[k] / second)
    if len(ts) > 2:
        isi = np.diff(ts)
        cvs.append(isi.std() / isi.mean())
print(f'peer=brian2 target={target} threads={threads} g={g} eta={eta} duration={dur} run_s={t2 - t1:.2f} '
      f'wall_s={t2 - t0:.2f} rate_hz={n / (NE + NI) / dur:.3f} cv_isi={np.mean(cvs):.3f}')
