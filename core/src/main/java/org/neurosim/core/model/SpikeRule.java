package org.neurosim.core.model;

/**
 * When a neuron spikes and what follows: an upward crossing of {@code threshold} by state variable
 * {@code membrane} is a spike (grid integrators time it by linear interpolation inside the step, exact and adaptive
 * ones locate it), then {@code reset} is applied, and for {@code refractoryPeriod} no further spike is counted; with
 * {@code clamp} the membrane is also held at its post-reset value for that time.
 *
 * @param membrane         index of the membrane potential among the state variables, or -1 for no spikes
 * @param threshold        the membrane value whose upward crossing is a spike (SI)
 * @param refractoryPeriod seconds (grid integrators count it in whole steps)
 * @param clamp            hold the membrane during the refractory period
 * @param reset            applied to neuron i at its spike
 */
public record SpikeRule(int membrane, double threshold, double refractoryPeriod, boolean clamp, Reset reset) {
    /** No spikes: rate neurons. */
    public static final SpikeRule NONE = new SpikeRule(-1, Double.POSITIVE_INFINITY, 0, false, Reset.NOTHING);

    /** The state change at a spike, e.g. V = v_reset; u += d. */
    @FunctionalInterface
    public interface Reset {
        Reset NOTHING = (state, i) -> { };

        void apply(double[][] state, int neuron);
    }

    public SpikeRule {
        if (!(refractoryPeriod >= 0)) throw new IllegalArgumentException("refractory period must be >= 0");
        if (Double.isNaN(threshold)) throw new IllegalArgumentException("threshold is NaN");
    }

    /** A threshold on variable 0 with no reset and no refractoriness (HH: the spike is the upstroke itself). */
    public static SpikeRule threshold(double threshold) {
        return new SpikeRule(0, threshold, 0, false, Reset.NOTHING);
    }

    public boolean spikes() {
        return membrane >= 0;
    }
}
