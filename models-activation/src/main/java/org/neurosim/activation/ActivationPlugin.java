package org.neurosim.activation;

import org.neurosim.core.plugin.AbstractNeuroSimPlugin;
import org.neurosim.core.plugin.PluginBinders;
import org.neurosim.core.plugin.PluginKind;

/** The models-activation plugin module: the activation functions and the {@code rate} neuron model. */
public final class ActivationPlugin extends AbstractNeuroSimPlugin {
    @Override public String moduleName() { return "models-activation"; }

    @Override
    protected void configure() {
        Activations.COURSE.forEach(this::activation);
        activation(Activations.LINEAR);
        // the rate neuron looks activation functions up by name, so Guice constructs it with the registry
        PluginBinders.register(binder(), PluginKind.NEURON_MODEL, "rate", RateNeuron.class);
    }
}
