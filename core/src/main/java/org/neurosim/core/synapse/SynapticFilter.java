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

    /**
     * Adds one spike to the targets {@code targets[from..to)}, each with weight {@code weights[k]} (or
     * {@code weight} when {@code weights} is null): the hot loop of spike delivery, which filters override to
     * compute the spike's decay once for all its targets.
     */
    default void addSpikes(int[] targets, int from, int to, float[] weights, double weight, double sinceArrival) {
        for (int k = from; k < to; k++) {
            addSpike(targets[k], weights == null ? weight : weights[k], sinceArrival);
        }
    }

    /**
     * Adds spikes of one arrival time to targets {@code targets[from..to)} with weights {@code weights[k]}: the
     * delivery of a neuron that integrates its synapses, which filters override to compute the decay once.
     */
    default void addSpikes(int[] targets, double[] weights, int from, int to, double sinceArrival) {
        for (int k = from; k < to; k++) addSpike(targets[k], weights[k], sinceArrival);
    }

    /**
     * Adds a spike of weight {@code weights[i]} to every target i in from..to (0 adds nothing), arriving now (as
     * per-neuron Poisson events at the step's start): a loop without a branch per target, which filters override.
     */
    default void addToEach(double[] weights, int from, int to) {
        for (int i = from; i < to; i++) {
            if (weights[i] != 0) addSpike(i, weights[i], 0);
        }
    }

    /** Sets the output of one target (an initial condition), as left by a single past impulse. */
    void set(int target, double value);

    /** Filter output per target (weighted, scaled): the same array every call, kept current by every method. */
    double[] output();

    /**
     * For a first-order filter whose {@link #advance} is just {@code output[i] *= f}, that factor f; NaN for any
     * other filter. A network then folds the decay into the pass that reads the output to build the drive,
     * instead of a separate pass over the targets (the result is the same, bit for bit).
     */
    default double pointwiseDecay() {
        return Double.NaN;
    }

    /**
     * The arrays that hold this filter's whole state (the output included when it is not computed from the others),
     * which a checkpoint saves and restores in place. A filter that does not list them cannot be checkpointed: the
     * default says so.
     */
    default java.util.List<double[]> stateArrays() {
        throw new UnsupportedOperationException("the synaptic filter " + getClass().getName()
                + " does not list its state arrays (SynapticFilter.stateArrays), so it cannot be checkpointed");
    }
}
