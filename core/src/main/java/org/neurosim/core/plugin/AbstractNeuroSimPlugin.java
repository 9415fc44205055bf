package org.neurosim.core.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.neurosim.core.activation.ActivationFunction;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.synapse.SynapticKernel;

/**
 * Base class of plugin modules. {@code configure()} calls {@link #neuronModel}, {@link #integrator},
 * {@link #kernel} or {@link #activation} once per implementation; each is keyed by its {@code name()}.
 */
public abstract class AbstractNeuroSimPlugin extends AbstractModule implements NeuroSimPlugin {
    protected final void neuronModel(NeuronModel model) {
        MapBinder.newMapBinder(binder(), String.class, NeuronModel.class).addBinding(model.name()).toInstance(model);
    }

    protected final void integrator(Integrator integrator) {
        MapBinder.newMapBinder(binder(), String.class, Integrator.class)
                .addBinding(integrator.name()).toInstance(integrator);
    }

    protected final void kernel(SynapticKernel kernel) {
        MapBinder.newMapBinder(binder(), String.class, SynapticKernel.class)
                .addBinding(kernel.name()).toInstance(kernel);
    }

    protected final void activation(ActivationFunction activation) {
        MapBinder.newMapBinder(binder(), String.class, ActivationFunction.class)
                .addBinding(activation.name()).toInstance(activation);
    }

    /** Declares the four registries so that an injector has them even when no plugin fills one. */
    static void declareRegistries(com.google.inject.Binder binder) {
        MapBinder.newMapBinder(binder, String.class, NeuronModel.class);
        MapBinder.newMapBinder(binder, String.class, Integrator.class);
        MapBinder.newMapBinder(binder, String.class, SynapticKernel.class);
        MapBinder.newMapBinder(binder, String.class, ActivationFunction.class);
    }
}
