#!/usr/bin/python3
"""AdEx (Brette & Gerstner 2005) in Brian2 with the equations of examples/equations/adex.yaml, one neuron per
regime, constant input, numpy target (exact same arithmetic order matters less than the method): prints JSON
{regime: {"method": M, "dt": DT, "spikes": [...]}} for benchmarks/adex.sh and the NeuroSim test that compares.

Usage: /usr/bin/python3 brian2_adex.py METHOD DT_MS DURATION_S
Regimes: 'adapting' is Brette & Gerstner's (2005) cell; 'tonic' and 'bursting' are Naud et al. (2008) Table 1
(tonic spiking; regular bursting).
"""
import json
import sys

from brian2 import (NeuronGroup, SpikeMonitor, run, defaultclock, ms, mV, pF, nS, pA, nA, prefs,
                    start_scope)

REGIMES = {
    "adapting": dict(c_m=281 * pF, g_l=30 * nS, e_l=-70.6 * mV, v_t=-50.4 * mV, delta_t=2 * mV, a=4 * nS,
                     tau_w=144 * ms, b=80.5 * pA, v_r=-70.6 * mV, I=1 * nA),
    "tonic": dict(c_m=200 * pF, g_l=10 * nS, e_l=-70 * mV, v_t=-50 * mV, delta_t=2 * mV, a=2 * nS,
                  tau_w=30 * ms, b=0 * pA, v_r=-58 * mV, I=500 * pA),
    "bursting": dict(c_m=200 * pF, g_l=10 * nS, e_l=-58 * mV, v_t=-50 * mV, delta_t=2 * mV, a=2 * nS,
                     tau_w=120 * ms, b=100 * pA, v_r=-46 * mV, I=210 * pA),
}

EQS = """
dv/dt = (-g_l*(v - e_l) + g_l*delta_t*exp((v - v_t)/delta_t) - w + I)/c_m : volt (unless refractory)
dw/dt = (a*(v - e_l) - w)/tau_w : amp
"""

def main():
    method, dt_ms, duration = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    prefs.codegen.target = "numpy"
    out = {}
    for name, p in REGIMES.items():
        start_scope()
        defaultclock.dt = dt_ms * ms
        ns = dict(p)
        g = NeuronGroup(1, EQS, threshold="v > v_t + 5*delta_t", reset="v = v_r\nw += b", refractory=2 * ms,
                        method=method, namespace=ns)
        g.v = p["e_l"]
        g.w = 0 * pA
        m = SpikeMonitor(g)
        run(duration * 1000 * ms, namespace=ns)
        out[name] = {"method": method, "dt": dt_ms * 1e-3, "spikes": [float(t) for t in m.t_[:]]}
    print(json.dumps(out))

if __name__ == "__main__":
    main()
