"""Brian2's nearest thing to a checkpoint: store() of the CUBA network (Brette et al. 2007, benchmark 2, as
../shared/peers/brian2_cuba.py builds it) to a file after DURATION_S, in runtime mode (store/restore do not exist in
cpp_standalone). Usage: python3 brian2_store.py DURATION_S OUT_FILE
Prints: peer=brian2 store_s=... bytes=... (the time of one store() call and the size of the file it wrote).
"""
import os, sys, time
dur = float(sys.argv[1]); out = sys.argv[2]
from brian2 import *
prefs.codegen.target = 'cython'
defaultclock.dt = 0.1*ms
seed(1)
N = 4000
taum = 20*ms; taue = 5*ms; taui = 10*ms
Vt = -50*mV; Vr = -60*mV; El = -49*mV
eqs = '''
dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : volt
dgi/dt = -gi/taui : volt
'''
P = NeuronGroup(N, eqs, threshold='v>Vt', reset='v = Vr', refractory=5*ms, method='exact')
P.v = 'Vr + rand() * (Vt - Vr)'
we = (60*0.27/10)*mV
wi = (-20*4.5/10)*mV
Ce = Synapses(P, P, on_pre='ge += we')
Ci = Synapses(P, P, on_pre='gi += wi')
Ne = int(N*0.8)
Ce.connect(f'i<{Ne}', p=0.02)
Ci.connect(f'i>={Ne}', p=0.02)
s_mon = SpikeMonitor(P)
run(dur*second)
if os.path.exists(out):
    os.remove(out)
t0 = time.perf_counter()
store('checkpoint', filename=out)
t1 = time.perf_counter()
print(f'peer=brian2 duration={dur} store_s={t1 - t0:.4f} bytes={os.path.getsize(out)} spikes={s_mon.num_spikes}')
