package org.neurosim.lif;

/**
 * The LIF membrane's closed forms under an input held constant, v_inf = v_rest + r I (r = 1 for a voltage input, or
 * R = tau_m / C_m for a current): the one place that says when the threshold is reached. With synaptic currents the
 * membrane follows {@link LifSynapses}' propagator between events, and its crossing is found by root finding there;
 * once every synaptic mode is 0 it is this again.
 */
final class LifPropagator {
    private LifPropagator() { }

    /**
     * The time V takes to rise from {@code v} to {@code vTh}: s* = tau_m ln((v_inf - V) / (v_inf - v_th)), for
     * v_inf &gt; v_th and V &lt; v_th (the inverse of V(s) = v_inf + (V - v_inf) e^(-s/tau_m)).
     */
    static double timeToThreshold(double tauM, double v, double vInf, double vTh) {
        return tauM * Math.log((vInf - v) / (vInf - vTh));
    }
}
