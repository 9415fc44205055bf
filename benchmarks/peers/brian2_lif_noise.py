#!/usr/bin/python3
"""LIF with white noise in Brian2 (2.5.1, numpy target, method euler: Euler-Maruyama for additive noise), the
network of NoiseTest.aLifWithNoiseFiresAtBrian2sRate: 4000 neurons, 2 s. Prints the mean rate, its standard error
(from the per-neuron counts) and the spike count; the test keeps the numbers.

Usage: /usr/bin/python3 brian2_lif_noise.py
"""
import numpy as np
from brian2 import (NeuronGroup, SpikeMonitor, run, defaultclock, seed, prefs, ms, mV, second, pA, Mohm)

prefs.codegen.target = 'numpy'
defaultclock.dt = 0.1 * ms
seed(4)
N = 4000
T = 2 * second
tau = 10 * ms
v_rest = -60 * mV
sigma = 4 * mV
R = 100 * Mohm
I = 90 * pA
G = NeuronGroup(N, 'dv/dt = (v_rest - v + R*I)/tau + sigma*sqrt(2/tau)*xi : volt (unless refractory)',
                threshold='v > -50*mV', reset='v = -60*mV', refractory=2 * ms, method='euler')
G.v = v_rest
M = SpikeMonitor(G)
run(T)
counts = np.array(M.count)
print("rate_hz %.6f se_hz %.6f spikes %d" % (counts.mean() / float(T), counts.std(ddof=1) / np.sqrt(N) / float(T),
                                             counts.sum()))
