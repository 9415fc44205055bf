package org.neurosim.core.integrate;

import java.util.List;
import java.util.Optional;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;

/**
 * A numerical integrator plugin: advances the state of a whole population by one step dt.
 * Register one with {@code integrator(...)} in a {@link org.neurosim.core.plugin.AbstractNeuroSimPlugin}.
 */
public interface Integrator {
    /** The name configs use: {@code integrator: rk4}. */
    String name();

    String description();

    /** Global order of accuracy p: error ~ dt^p; 0 for an exact propagator. */
    int order();

    default List<ParameterSpec> parameters() {
        return List.of();
    }

    /** Why this integrator cannot step the given model, or empty when it can. */
    default Optional<String> unsupportedReason(NeuronDynamics dynamics) {
        return Optional.empty();
    }

    /** A stepper for a population of {@code size} neurons of this model; it owns its scratch arrays. */
    Stepper bind(NeuronDynamics dynamics, int size, Parameters parameters);
}
