package org.neurosim.core.model;

/**
 * When a neuron spikes and what follows. Two rules, both of which see every change of the membrane, including a
 * jump from a delta synapse or a Poisson input between two steps:
 * <ul>
 *   <li>Crossing (the built-in models' rule): an upward crossing of {@code threshold} by state variable
 *   {@code membrane} is a spike. Grid integrators time it by linear interpolation inside the step (a jump that
 *   lifts the membrane over the threshold is a spike at the jump's time), exact and adaptive ones locate it.</li>
 *   <li>Condition (Brian2's rule, {@link #condition()} non-null; models typed as equations): after each update of a
 *   neuron that is not refractory, and after any jump it receives, the condition is tested, and a neuron for which
 *   it holds spikes, whether or not it was below the threshold before.</li>
 * </ul>
 * After a spike {@code reset} is applied, and the neuron is refractory: for {@code refractoryPeriod} or, when
 * {@link #refractoryCondition()} is non-null, until that condition no longer holds at the start of a step (Brian2's
 * {@code refractory: v > -40*mV}). With {@code clamp} the membrane is held while refractory.
 *
 * <p>The threshold and the refractory period may differ between neurons ({@link #perNeuron}, for a model whose
 * parameters are given per neuron): read them with {@link #threshold(int)} and {@link #refractoryPeriod(int)}; the
 * scalars {@link #threshold()} and {@link #refractoryPeriod()} are then neuron 0's. The reset is per neuron already
 * (it is told the neuron's index).
 *
 * @param membrane            index of the membrane potential among the state variables, or -1 for no spikes
 * @param threshold           the membrane value whose upward crossing is a spike (SI)
 * @param refractoryPeriod    seconds (grid integrators count it in whole steps)
 * @param clamp               hold the membrane during the refractory period
 * @param reset               applied to neuron i at its spike
 * @param condition           Brian2's threshold condition, tested as a level; null for the crossing rule
 * @param refractoryCondition refractory while this holds (instead of {@code refractoryPeriod}); null for a time
 * @param thresholds          each neuron's threshold, or null when {@code threshold} is every neuron's
 * @param refractoryPeriods   each neuron's refractory period, or null when {@code refractoryPeriod} is every neuron's
 */
public record SpikeRule(int membrane, double threshold, double refractoryPeriod, boolean clamp, Reset reset,
                        Condition condition, Condition refractoryCondition, double[] thresholds,
                        double[] refractoryPeriods) {
    /** No spikes: rate neurons. */
    public static final SpikeRule NONE = new SpikeRule(-1, Double.POSITIVE_INFINITY, 0, false, Reset.NOTHING);

    /** The state change at a spike, e.g. V = v_reset; u += d. */
    @FunctionalInterface
    public interface Reset {
        Reset NOTHING = (state, i) -> { };

        void apply(double[][] state, int neuron);
    }

    /** A condition on neuron i's state, e.g. v > -50 mV. */
    @FunctionalInterface
    public interface Condition {
        boolean holds(double[][] state, int neuron);
    }

    public SpikeRule {
        if (!(refractoryPeriod >= 0)) throw new IllegalArgumentException("refractory period must be >= 0");
        if (Double.isNaN(threshold)) throw new IllegalArgumentException("threshold is NaN");
        if (refractoryCondition != null && condition == null) {
            throw new IllegalArgumentException("a refractory condition needs a threshold condition");
        }
        if (thresholds != null) {
            for (double x : thresholds) if (Double.isNaN(x)) throw new IllegalArgumentException("threshold is NaN");
        }
        if (refractoryPeriods != null) {
            for (double x : refractoryPeriods) {
                if (!(x >= 0)) throw new IllegalArgumentException("refractory period must be >= 0");
            }
        }
    }

    /** A rule with one threshold and refractory period for every neuron. */
    public SpikeRule(int membrane, double threshold, double refractoryPeriod, boolean clamp, Reset reset,
                     Condition condition, Condition refractoryCondition) {
        this(membrane, threshold, refractoryPeriod, clamp, reset, condition, refractoryCondition, null, null);
    }

    /** The crossing rule. */
    public SpikeRule(int membrane, double threshold, double refractoryPeriod, boolean clamp, Reset reset) {
        this(membrane, threshold, refractoryPeriod, clamp, reset, null, null);
    }

    /**
     * This rule with a threshold and a refractory period per neuron (the arrays are kept, not copied: they must not
     * change); either may be null, which keeps this rule's one value for every neuron. The scalars become neuron 0's.
     */
    public SpikeRule perNeuron(double[] thresholds, double[] refractoryPeriods) {
        return new SpikeRule(membrane, thresholds == null ? threshold : thresholds[0],
                refractoryPeriods == null ? refractoryPeriod : refractoryPeriods[0], clamp, reset, condition,
                refractoryCondition, thresholds, refractoryPeriods);
    }

    /** Neuron i's threshold. */
    public double threshold(int neuron) {
        return thresholds == null ? threshold : thresholds[neuron];
    }

    /** Neuron i's refractory period (s). */
    public double refractoryPeriod(int neuron) {
        return refractoryPeriods == null ? refractoryPeriod : refractoryPeriods[neuron];
    }

    /** True when every neuron has the one threshold and refractory period. */
    public boolean uniform() {
        return thresholds == null && refractoryPeriods == null;
    }

    /** A threshold on variable 0 with no reset and no refractoriness (HH: the spike is the upstroke itself). */
    public static SpikeRule threshold(double threshold) {
        return new SpikeRule(0, threshold, 0, false, Reset.NOTHING);
    }

    public boolean spikes() {
        return membrane >= 0;
    }

    /** True for Brian2's rule: the condition tested as a level after every update and jump. */
    public boolean isCondition() {
        return condition != null;
    }
}
