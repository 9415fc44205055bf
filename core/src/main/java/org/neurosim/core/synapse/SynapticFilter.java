package org.neurosim.core.synapse;

/**
 * The online form of a kernel: a small linear state per target neuron propagated exactly each step. Per step:
 * {@link #advance} moves every state from t to t + dt, then {@link #addSpike} adds each spike that arrived in
 * (t, t + dt] at its exact time; {@link #output} then holds the filtered, weighted spike trains at t + dt.
 */
public interface SynapticFilter {
    void advance(int from, int to);

    /** Adds a spike of weight w that arrived {@code sinceArrival} seconds before the end of the current step. */
    void addSpike(int target, double weight, double sinceArrival);

    /** Filter output per target (weighted, scaled). */
    double[] output();

    /** Sets every state to zero. */
    void reset();
}
