package org.neurosim.core.model;

import java.util.Map;
import java.util.Set;
import org.neurosim.core.plugin.PluginFactory;

/**
 * A neuron-model plugin: a name, the parameters it declares, and a factory for its dynamics for one population.
 * Register one with {@code neuronModel(new MyModel())} in an
 * {@link org.neurosim.core.plugin.AbstractNeuroSimPlugin}.
 *
 * <p>A model may instead be defined by text in the population block ({@code model: equations} with its
 * {@code equations}, {@code threshold}, {@code reset} and {@code refractory} keys): it names those keys in
 * {@link #definitionKeys()} and {@link #define} turns their text into the concrete model, whose
 * {@link #parameters()} are then the ones the definition declares.
 */
public interface NeuronModel extends PluginFactory<PopulationContext, NeuronDynamics> {
    /** Population keys, beyond the standard ones, whose text defines this model; empty for a model in code. */
    default Set<String> definitionKeys() {
        return Set.of();
    }

    /**
     * The model as the population's definition keys make it.
     *
     * @param definition the text of each {@link #definitionKeys() definition key} given (absent keys are missing)
     * @param keyPath    the population's key path, for error messages ({@code populations.adex})
     */
    default NeuronModel define(Map<String, String> definition, String keyPath) {
        return this;
    }
}
