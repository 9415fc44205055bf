package org.neurosim.core.integrate;

import java.util.Optional;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.plugin.PluginFactory;

/**
 * A numerical integrator plugin: makes the {@link Stepper} that advances a whole population by one step dt.
 * Register one with {@code integrator(...)} in a {@link org.neurosim.core.plugin.AbstractNeuroSimPlugin}.
 */
public interface Integrator extends PluginFactory<IntegratorContext, Stepper> {
    /** Global order of accuracy p: error ~ dt^p; 0 for an exact propagator. */
    int order();

    /** Why this integrator cannot step the given model, or empty when it can. */
    default Optional<String> unsupportedReason(NeuronDynamics dynamics) {
        return Optional.empty();
    }
}
