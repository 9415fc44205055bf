package org.neurosim.core.integrate;

import java.util.Optional;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.Stochastic;
import org.neurosim.core.plugin.PluginFactory;

/**
 * A numerical integrator plugin: makes the {@link Stepper} that advances a whole population by one step dt.
 * Register one with {@code integrator(...)} in a {@link org.neurosim.core.plugin.AbstractNeuroSimPlugin}.
 */
public interface Integrator extends PluginFactory<IntegratorContext, Stepper> {
    /** The integrators of stochastic equations there are, for messages: what to use instead. */
    String STOCHASTIC = "euler-maruyama (additive noise; milstein and a stochastic heun for multiplicative noise "
            + "are not there yet)";

    /** Global order of accuracy p: error ~ dt^p; 0 for an exact propagator. */
    int order();

    /**
     * True for an integrator of stochastic equations, which steps {@link Stochastic} models (white noise); the
     * others are refused such models by {@link #refusal}.
     */
    default boolean integratesNoise() {
        return false;
    }

    /** Why this integrator cannot step the given model, or empty when it can. */
    default Optional<String> unsupportedReason(NeuronDynamics dynamics) {
        return Optional.empty();
    }

    /**
     * What callers ask before stepping a model: a deterministic integrator refuses a model with white noise (in one
     * line naming those that can); otherwise {@link #unsupportedReason}.
     */
    default Optional<String> refusal(NeuronDynamics dynamics) {
        if (dynamics instanceof Stochastic s && !integratesNoise()) {
            return Optional.of("its equations have white noise (" + String.join(", ", s.noiseSources()) + "), which "
                    + name() + " does not integrate; use " + STOCHASTIC);
        }
        return unsupportedReason(dynamics);
    }
}
