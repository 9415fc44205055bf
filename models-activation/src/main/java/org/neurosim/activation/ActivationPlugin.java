package org.neurosim.activation;

import com.google.inject.multibindings.MapBinder;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.plugin.AbstractNeuroSimPlugin;

/** The models-activation plugin module: the activation functions and the {@code rate} neuron model. */
public final class ActivationPlugin extends AbstractNeuroSimPlugin {
    @Override public String moduleName() { return "models-activation"; }

    @Override
    protected void configure() {
        Activations.COURSE.forEach(this::activation);
        activation(Activations.LINEAR);
        activation(new LifRateActivation());
        // the rate neuron looks activation functions up by name, so Guice constructs it with the registry
        MapBinder.newMapBinder(binder(), String.class, NeuronModel.class).addBinding("rate").to(RateNeuron.class);
    }
}
