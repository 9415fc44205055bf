"""CUBA (Brette et al. 2007, benchmark 2; ../shared/peers/brian2_cuba.py) with additive STDP on the excitatory
synapses, as examples/cuba-stdp.yaml states it: traces of 20 ms, a_plus 0.01 and a_minus 0.0105 of w_max = 3.24 mV,
weights starting at 1.62 mV. Usage: python3 brian2_cuba_stdp.py DURATION_S TARGET OUT_DIR [openmp_threads]
"""
import os, sys, time
dur = float(sys.argv[1]); target = sys.argv[2]; out = sys.argv[3]
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 1
t0 = time.perf_counter()
from brian2 import *
if target == 'cpp_standalone':
    set_device('cpp_standalone', directory=os.path.join(out, f'brian_cuba_stdp_t{threads}'), build_on_run=True)
    prefs.devices.cpp_standalone.openmp_threads = threads
else:
    prefs.codegen.target = target
defaultclock.dt = 0.1 * ms
seed(1)
N = 4000
taum = 20 * ms; taue = 5 * ms; taui = 10 * ms
Vt = -50 * mV; Vr = -60 * mV; El = -49 * mV
taupre = taupost = 20 * ms
wmax = 3.24 * mV
dApre = 0.01 * wmax
dApost = -0.0105 * wmax
eqs = '''
dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : volt
dgi/dt = -gi/taui : volt
'''
P = NeuronGroup(N, eqs, threshold='v>Vt', reset='v = Vr', refractory=5 * ms, method='exact')
P.v = 'Vr + rand() * (Vt - Vr)'
Ce = Synapses(P, P, '''w : volt
                       dApre/dt = -Apre / taupre : volt (event-driven)
                       dApost/dt = -Apost / taupost : volt (event-driven)''',
              on_pre='''ge += w
                        Apre += dApre
                        w = clip(w + Apost, 0*mV, wmax)''',
              on_post='''Apost += dApost
                         w = clip(w + Apre, 0*mV, wmax)''')
Ci = Synapses(P, P, on_pre='gi += -9*mV')
Ne = int(N * 0.8)
Ce.connect(f'i<{Ne}', p=0.02)
Ci.connect(f'i>={Ne}', p=0.02)
Ce.w = 1.62 * mV
s_mon = SpikeMonitor(P)
t1 = time.perf_counter()
run(dur * second)
t2 = time.perf_counter()
n = s_mon.num_spikes
print(f'peer=brian2 target={target} threads={threads} N={N} duration={dur} run_s={t2 - t1:.2f} wall_s={t2 - t0:.2f} '
      f'spikes={n} rate_hz={n / N / dur:.2f} mean_w_mV={float(mean(Ce.w[:]) / mV):.4f}')
