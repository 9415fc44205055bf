"""Song, Miller & Abbott (2000) in Brian2: the model of Brian2's STDP example (examples/synapses/STDP.py), one
conductance-based LIF neuron and 1000 Poisson inputs through additive STDP, as examples/song-abbott.yaml states it.
Usage: python3 brian2_song_abbott.py DURATION_S TARGET OUT_DIR [SEED [DT_MS]]   (TARGET: numpy | cython |
cpp_standalone; SEED defaults to 1, DT_MS to 0.1)
Writes OUT_DIR/weights.txt (final w / gmax, one per line) and prints one line with the output rate and run time.
"""
import os, sys, time
dur = float(sys.argv[1]); target = sys.argv[2]; out = sys.argv[3]
run_seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
run_dt = float(sys.argv[5]) if len(sys.argv) > 5 else 0.1
t0 = time.perf_counter()
from brian2 import *
if target == 'cpp_standalone':
    set_device('cpp_standalone', directory=os.path.join(out, 'brian_song_abbott'), build_on_run=True)
else:
    prefs.codegen.target = target
defaultclock.dt = run_dt * ms
seed(run_seed)
N = 1000
taum = 10 * ms; taupre = 20 * ms; taupost = taupre
Ee = 0 * mV; vt = -54 * mV; vr = -60 * mV; El = -74 * mV; taue = 5 * ms
F = 15 * Hz; gmax = .01
dApre = .01
dApost = -dApre * taupre / taupost * 1.05
dApost *= gmax; dApre *= gmax
eqs = '''
dv/dt = (ge * (Ee-v) + El - v) / taum : volt
dge/dt = -ge / taue : 1
'''
inp = PoissonGroup(N, rates=F)
neuron = NeuronGroup(1, eqs, threshold='v>vt', reset='v = vr', method='euler')
neuron.v = vr
S = Synapses(inp, neuron,
             '''w : 1
                dApre/dt = -Apre / taupre : 1 (event-driven)
                dApost/dt = -Apost / taupost : 1 (event-driven)''',
             on_pre='''ge += w
                    Apre += dApre
                    w = clip(w + Apost, 0, gmax)''',
             on_post='''Apost += dApost
                     w = clip(w + Apre, 0, gmax)''')
S.connect()
S.w = 'rand() * gmax'
spikes = SpikeMonitor(neuron)
t1 = time.perf_counter()
run(dur * second)
t2 = time.perf_counter()
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, 'weights.txt'), 'w') as f:
    for w in S.w[:] / gmax:
        f.write(f'{w:.9g}\n')
print(f'peer=brian2 target={target} duration={dur} run_s={t2 - t1:.2f} wall_s={t2 - t0:.2f} '
      f'seed={run_seed} dt_ms={run_dt} rate_hz={spikes.num_spikes / dur:.3f}')
