package org.neurosim.core.synapse;

/**
 * A post-synaptic current kernel with fixed parameters: its closed form, normalised to unit area, and an exact
 * online filter that computes the convolution of a spike train with it.
 */
public interface Kernel {
    /** h(t), normalised so that its integral over t >= 0 is 1; 0 for t < 0. */
    double value(double t);

    /** The time of h's maximum. */
    double peakTime();

    /** h(peakTime()): dividing by it gives the peak normalisation. */
    default double peakValue() {
        return value(peakTime());
    }

    /** True for the delta kernel: a spike acts as an instant jump of the target, not a current. */
    default boolean isInstant() {
        return false;
    }

    /**
     * An exact filter over {@code size} targets advancing by dt: after {@link SynapticFilter#advance} and the
     * spikes of a step, its output equals scale * sum_k w_k h(t - t_k) at the step's end.
     */
    SynapticFilter newFilter(int size, double dt, double scale);
}
