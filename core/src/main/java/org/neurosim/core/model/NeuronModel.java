package org.neurosim.core.model;

import java.util.List;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;

/**
 * A neuron-model plugin: a name, the parameters it declares, and a factory for its dynamics.
 * Register one with {@code PluginBindings.neuronModels(binder()).addBinding(name).toInstance(model)}.
 */
public interface NeuronModel {
    /** The name configs use: {@code model: hh}. */
    String name();

    /** One line for {@code neurosim plugins}. */
    String description();

    List<ParameterSpec> parameters();

    /** The equations of this model with the given (validated) parameters. */
    NeuronDynamics create(Parameters parameters);
}
