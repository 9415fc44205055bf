package org.neurosim.core.model;

/**
 * A model whose steady firing rate under constant input has a closed form (LIF: G(v_in)). Where the model's
 * parameters differ between neurons, so does the rate: {@link #analyticRate(int, double)} gives each neuron's, and
 * {@link #analyticRate(double)} refuses to give one for the population.
 */
public interface AnalyticRate {
    /**
     * The steady firing rate (Hz) for a constant {@link Drive#current} of {@code input}, the same for every neuron.
     *
     * @throws IllegalStateException when the model's parameters, and so the rate, differ between neurons
     */
    double analyticRate(double input);

    /** Neuron i's steady firing rate (Hz) for a constant input; by default the population's. */
    default double analyticRate(int neuron, double input) {
        return analyticRate(input);
    }
}
