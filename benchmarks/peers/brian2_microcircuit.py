"""Potjans & Diesmann (2014) cortical microcircuit in Brian2, as org.neurosim.network.models.Microcircuit makes it for
NeuroSim (NEST example parameters; fixed total numbers with multapses; in-degree compensation below scale 1).
Usage: python3 brian2_microcircuit.py SCALE DURATION_S TARGET OUT_DIR [openmp_threads] [build-only]
Prints per-population rates over the time after 0.5 s (or after a fifth of the run if shorter) and the run time.
With build-only (cpp_standalone) it writes and compiles the project without running it: at full scale Python holds
14 GB after generating the synapses, and the binary needs 20 GB more, which this 24 GB machine cannot give both at once;
time the binary alone then (benchmarks/microcircuit.sh) and read its rates with --rates DIR.
"""
import os, sys, time
N_FULL = [20683, 5834, 21915, 5479, 4850, 1065, 14395, 2948]   # L23E, L23I, L4E, L4I, L5E, L5I, L6E, L6I
if sys.argv[1] == '--rates':   # rates of a finished binary run, from its results folder (Brian2's raw arrays)
    import glob, numpy as np
    scale, dur = float(sys.argv[3]), float(sys.argv[4])
    out = []
    for k in range(8):
        f = glob.glob(os.path.join(sys.argv[2], 'results', '_array_spikemonitor%s_count_*' % ('' if k == 0 else f'_{k}')))[0]
        out.append(np.fromfile(f, dtype=np.int32).sum() / (int(N_FULL[k] * scale) * dur))
    print('rates_whole_run=' + ','.join(f'{x:.3f}' for x in out), end=' ')
    cvs = []   # mean over neurons with 2 or more intervals of the ISI CV (sd over mean, sd with 1/n), as NeuroSim's
    for k in range(8):
        suffix = '' if k == 0 else f'_{k}'
        i = np.fromfile(glob.glob(os.path.join(sys.argv[2], 'results', f'_dynamic_array_spikemonitor{suffix}_i_*'))[0], dtype=np.int32)
        t = np.fromfile(glob.glob(os.path.join(sys.argv[2], 'results', f'_dynamic_array_spikemonitor{suffix}_t_*'))[0], dtype=np.float64)
        order = np.lexsort((t, i))
        i, t = i[order], t[order]
        cv = []
        for n in np.unique(i):
            isi = np.diff(t[i == n])
            if len(isi) >= 2:
                cv.append(isi.std() / isi.mean())
        cvs.append(np.mean(cv) if cv else float('nan'))
    print('cv_whole_run=' + ','.join(f'{x:.3f}' for x in cvs))
    sys.exit(0)
scale = float(sys.argv[1]); dur = float(sys.argv[2]); target = sys.argv[3]; out = sys.argv[4]
threads = int(sys.argv[5]) if len(sys.argv) > 5 else 1
build_only = len(sys.argv) > 6 and sys.argv[6] == 'build-only'
t0 = time.perf_counter()
from brian2 import *
import numpy as np
if target == 'cpp_standalone':
    set_device('cpp_standalone', directory=os.path.join(out, f'brian_microcircuit_{scale}_t{threads}'), build_on_run=not build_only)
    prefs.devices.cpp_standalone.openmp_threads = threads
    # make -j without a limit starts a compiler per code object at once (220 here): 10 GB beside Python's 14 GB
    prefs.devices.cpp_standalone.extra_make_args_unix = ['-j2']
else:
    prefs.codegen.target = target
defaultclock.dt = 0.1 * ms
seed(55)
rng = np.random.default_rng(55)
names = ['L23E', 'L23I', 'L4E', 'L4I', 'L5E', 'L5I', 'L6E', 'L6I']
n_full = np.array(N_FULL)
rates_full = np.array([0.971, 2.868, 4.746, 5.396, 8.142, 9.078, 0.991, 7.523])
p = np.array([[0.1009, 0.1689, 0.0437, 0.0818, 0.0323, 0., 0.0076, 0.],
              [0.1346, 0.1371, 0.0316, 0.0515, 0.0755, 0., 0.0042, 0.],
              [0.0077, 0.0059, 0.0497, 0.135, 0.0067, 0.0003, 0.0453, 0.],
              [0.0691, 0.0029, 0.0794, 0.1597, 0.0033, 0., 0.1057, 0.],
              [0.1004, 0.0622, 0.0505, 0.0057, 0.0831, 0.3726, 0.0204, 0.],
              [0.0548, 0.0269, 0.0257, 0.0022, 0.06, 0.3158, 0.0086, 0.],
              [0.0156, 0.0066, 0.0211, 0.0166, 0.0572, 0.0197, 0.0396, 0.2252],
              [0.0364, 0.001, 0.0034, 0.0005, 0.0277, 0.008, 0.0658, 0.1443]])
k_ext = np.array([1600, 1500, 2100, 1900, 2000, 1900, 2900, 2100])
C_m = 250.; tau_m = 10.; tau_s = 0.5   # pF, ms
r = tau_m / tau_s
w = 0.15 / (1 / C_m * tau_m * tau_s / (tau_s - tau_m) * (r ** (-tau_m / (tau_m - tau_s)) - r ** (-tau_s / (tau_m - tau_s))))  # pA
sq = np.sqrt(scale)
n = (n_full * scale).astype(int)
def weight(i, j):
    base = w if j % 2 == 0 else -4 * w
    return 2 * base if (i == 0 and j == 2) else base
eqs = '''dv/dt = -(v - E_L) / tau_m_ + (I + I_dc) / C : volt (unless refractory)
         dI/dt = -I / tau_s_ : amp
         I_dc : amp'''
groups = []
for i in range(8):
    g = NeuronGroup(n[i], eqs, threshold='v > -50*mV', reset='v = -65*mV', refractory=2 * ms, method='exact',
                    namespace={'E_L': -65 * mV, 'tau_m_': tau_m * ms, 'tau_s_': tau_s * ms, 'C': C_m * pF})
    g.v = 'clip(-58*mV + 10*mV*randn(), -1*volt, 1*volt)'
    dc = 0.0
    if scale < 1:
        s = w * k_ext[i] * 8
        for j in range(8):
            prod = float(n_full[i]) * n_full[j]
            full = 0 if p[i][j] == 0 else np.log(1 - p[i][j]) / np.log((prod - 1) / prod)
            s += weight(i, j) * full / n_full[i] * rates_full[j]
        dc = 1e-3 * tau_s * (1 - sq) * s   # pA
    g.I_dc = dc * pA
    groups.append(g)
syns = []
for j in range(8):
    for i in range(8):
        prod = float(n_full[i]) * n_full[j]
        full = 0 if p[i][j] == 0 else np.log(1 - p[i][j]) / np.log((prod - 1) / prod)
        total = int(round(full / n_full[i] * scale * n[i]))
        if total == 0:
            continue
        S = Synapses(groups[j], groups[i], 'wt : amp', on_pre='I_post += wt')
        S.connect(i=rng.integers(0, n[j], total, dtype=np.int32), j=rng.integers(0, n[i], total, dtype=np.int32))
        wm = weight(i, j) / sq
        ws = rng.normal(wm, abs(wm) * 0.1, total)
        ws = np.maximum(ws, 0) if j % 2 == 0 else np.minimum(ws, 0)
        S.wt = ws * pA
        dm = 1.5 if j % 2 == 0 else 0.75
        S.delay = np.maximum(rng.normal(dm, dm * 0.5, total), 0.1) * ms
        syns.append(S)
ext = [PoissonInput(groups[i], 'I', int(round(k_ext[i] * scale)), 8 * Hz, weight=w / sq * pA) for i in range(8)]
mons = [SpikeMonitor(g) for g in groups]
net = Network(groups, syns, ext, mons)   # explicit: run()'s magic network does not see objects held in lists
t1 = time.perf_counter()
net.run(dur * second)
if build_only:
    device.build(directory=os.path.join(out, f'brian_microcircuit_{scale}_t{threads}'), compile=True, run=False)
    print(f'peer=brian2 built {os.path.join(out, f"brian_microcircuit_{scale}_t{threads}")} in {time.perf_counter() - t0:.1f} s')
    sys.exit(0)
t2 = time.perf_counter()
start = 0.5 if dur > 1 else dur / 5
rates = []
for k, m in enumerate(mons):
    ts = np.asarray(m.t / second)
    rates.append((ts >= start).sum() / (n[k] * (dur - start)))
print(f'peer=brian2 target={target} threads={threads} scale={scale} duration={dur} run_s={t2 - t1:.2f} '
      f'wall_s={t2 - t0:.2f} synapses={sum(len(s) for s in syns)} rates=' + ','.join(f'{x:.3f}' for x in rates))
