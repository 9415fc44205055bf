package org.neurosim.core.model;

/**
 * A model with a closed-form solution for input held constant over a step (LIF between spikes). It advances
 * itself, locating spikes, resets and the end of refractoriness at their exact times inside the step.
 */
public interface ExactlySolvable extends NeuronDynamics {
    /**
     * Advances neurons from..to by dt, reporting spikes with their exact time after the start of the step.
     *
     * @param refractory per neuron: time (s) of refractoriness left; the model reads and updates it
     */
    void advanceExactly(double[][] state, Drive drive, double dt, double[] refractory, SpikeSink spikes,
                        int from, int to);

    /**
     * True when finite input can never make the state NaN or infinite (LIF: V stays between its reset and
     * v_rest + input), so the per-step check for numerical failure can be skipped.
     */
    default boolean boundedForFiniteInput() {
        return false;
    }
}
