package org.neurosim.lif;

import org.neurosim.core.model.SpikeSink;

/**
 * Round-off control for LIF neurons under constant input (the case of NEST's precise models): each neuron keeps
 * the state of its last event (the step where its input last changed, or the end of its refractoriness) and is
 * computed from there in closed form, V(t) = v_inf + (V_a - v_inf) exp(-(t - t_a)/tau_m), its threshold crossing at
 * t_a + tau_m ln((v_inf - V_a) / (v_inf - v_th)). Stepping V_(n+1) = v_inf + (V_n - v_inf) exp(-dt/tau_m) instead
 * multiplies the rounding of exp(-dt/tau_m) with every step (3e-11 mV after 5 ms at dt = 2^-13 ms); from the anchor
 * the error stays at a few units of round-off. A neuron whose input or membrane changed since the last step
 * (another input, a jump from a delta synapse, a state set from outside) is anchored afresh at the step's start.
 * Used wherever V between events is the closed form of a constant input: LIF stepped without its synapses (the held
 * drive, single neurons) and a network population with no synaptic current (no synapses, or delta synapses only,
 * whose jumps are events); with current synapses the input changes in every step and the full-step propagator
 * serves. Each neuron's own tau_m, v_rest, v_th, v_reset and tau_ref where they differ ({@link LifParameters}).
 */
final class LifAnchors {
    private final double[] anchorV, anchorInput, anchorOffset, last;
    private final long[] anchorSteps;   // steps since the anchor's step, including the current one

    LifAnchors(int size) {
        anchorV = new double[size];
        anchorInput = new double[size];
        anchorOffset = new double[size];   // the anchor's time inside its step
        last = new double[size];           // the membrane this class left at the end of the last step
        anchorSteps = new long[size];
        java.util.Arrays.fill(anchorInput, Double.NaN);
        java.util.Arrays.fill(last, Double.NaN);
    }

    int size() {
        return last.length;
    }

    /** Forgets neuron i's anchor (it is held at reset): the next step anchors it at that step's start. */
    void forget(int i) {
        last[i] = Double.NaN;
    }

    /**
     * Pass 1 with anchors: every neuron over the step, from its anchor where input and membrane are unchanged, else
     * anchored afresh at the step's start. The choice is made per neuron, so results do not depend on how the
     * population is split over threads; a population whose input changes every step pays a loop that does not
     * vectorise (about 2x the plain pass), which is why the engine gives LIF its synapses in closed form instead.
     */
    void relax(double[] v, double[] in, double vRest, double r, double f, double dt, double tauM, int from, int to) {
        for (int i = from; i < to; i++) {
            double x = in[i], vInf = vRest + r * x, u = v[i];
            if (x == anchorInput[i] && u == last[i]) {
                long k = ++anchorSteps[i];
                u = vInf + (anchorV[i] - vInf) * Math.exp(-(k * dt - anchorOffset[i]) / tauM);
            } else {
                anchorInput[i] = x;
                anchorV[i] = u;
                anchorSteps[i] = 1;
                anchorOffset[i] = 0;
                u = vInf + (u - vInf) * f;
            }
            v[i] = u;
            last[i] = u;
        }
    }

    /**
     * As {@link #relax(double[], double[], double, double, double, double, double, int, int)} with each neuron's own
     * v_rest, scale and tau_m ({@code p} not uniform); {@code ownDecay}: the step is the population's dt, whose
     * exp(-dt/tau_m) p has.
     */
    void relax(double[] v, double[] in, LifParameters p, double dt, boolean ownDecay, int from, int to) {
        double[] rest = p.vRests, r = p.scales, tau = p.tauMs, decay = p.decays;
        for (int i = from; i < to; i++) {
            double tauM = tau[i];
            double x = in[i], vInf = rest[i] + r[i] * x, u = v[i];
            if (x == anchorInput[i] && u == last[i]) {
                long k = ++anchorSteps[i];
                u = vInf + (anchorV[i] - vInf) * Math.exp(-(k * dt - anchorOffset[i]) / tauM);
            } else {
                anchorInput[i] = x;
                anchorV[i] = u;
                anchorSteps[i] = 1;
                anchorOffset[i] = 0;
                u = vInf + (u - vInf) * (ownDecay ? decay[i] : Math.exp(-dt / tauM));
            }
            v[i] = u;
            last[i] = u;
        }
    }

    /**
     * Neuron i through a step with refractoriness or a crossing, from its anchor (valid at the step's start: pass 1
     * made it so): spikes at the closed-form crossing times, reset and the end of refractoriness, which anchors it
     * anew.
     */
    void advanceWithSpikes(double[] v, double x, double vInf, double dt, double[] refractory, SpikeSink spikes, int i,
                           LifParameters p) {
        double e = (anchorSteps[i] - 1) * dt - anchorOffset[i];   // time from the anchor to the step's start
        double vA = anchorV[i], t = 0;
        double tauM = p.tauM(i), tauRef = p.tauRef(i), vTh = p.vTh(i), vReset = p.vReset(i);   // neuron i's
        while (true) {
            if (refractory[i] > 0) {
                if (refractory[i] >= dt - t) {
                    refractory[i] -= dt - t;
                    v[i] = vReset;
                    last[i] = Double.NaN;   // held to the step's end: anchored afresh when it moves again
                    return;
                }
                t += refractory[i];
                refractory[i] = 0;
                vA = anchor(i, x, vReset, t);
                e = -t;
            }
            double vt = t + e == 0 ? vA : vInf + (vA - vInf) * Math.exp(-(t + e) / tauM);
            double crossing;
            if (vt >= vTh && (vA >= vTh || vInf > vTh)) {   // not v_inf = v_th, met by rounding alone
                crossing = t;
            } else if (vInf > vTh) {
                crossing = LifPropagator.timeToThreshold(tauM, vA, vInf, vTh) - e;
            } else {
                crossing = Double.POSITIVE_INFINITY;
            }
            if (crossing > dt) {
                double u = vInf + (vA - vInf) * Math.exp(-(dt + e) / tauM);
                v[i] = u;
                last[i] = u;
                return;
            }
            t = Math.max(t, crossing);
            spikes.spike(i, t);
            refractory[i] = tauRef;
            if (tauRef <= 0) {
                vA = anchor(i, x, vReset, t);
                e = -t;
            }
        }
    }

    private double anchor(int i, double x, double vAnchor, double offset) {
        anchorV[i] = vAnchor;
        anchorInput[i] = x;
        anchorSteps[i] = 1;
        anchorOffset[i] = offset;
        return vAnchor;
    }
}
