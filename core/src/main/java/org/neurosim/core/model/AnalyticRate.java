package org.neurosim.core.model;

/** A model whose steady firing rate under constant input has a closed form (LIF: G(v_in)). */
public interface AnalyticRate {
    /** The steady firing rate (Hz) for a constant {@link Drive#current} of {@code input}. */
    double analyticRate(double input);
}
