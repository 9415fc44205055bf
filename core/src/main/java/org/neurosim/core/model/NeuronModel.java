package org.neurosim.core.model;

import org.neurosim.core.plugin.PluginFactory;

/**
 * A neuron-model plugin: a name, the parameters it declares, and a factory for its dynamics for one population.
 * Register one with {@code neuronModel(new MyModel())} in an
 * {@link org.neurosim.core.plugin.AbstractNeuroSimPlugin}.
 */
public interface NeuronModel extends PluginFactory<PopulationContext, NeuronDynamics> { }
