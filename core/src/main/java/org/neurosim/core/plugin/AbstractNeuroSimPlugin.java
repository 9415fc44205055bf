package org.neurosim.core.plugin;

import com.google.inject.AbstractModule;
import org.neurosim.core.activation.ActivationFunction;
import org.neurosim.core.connect.ConnectionRule;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.output.OutputFormat;
import org.neurosim.core.source.SpikeSourceModel;
import org.neurosim.core.stimulus.Stimulus;
import org.neurosim.core.synapse.PlasticityRule;
import org.neurosim.core.synapse.SynapticKernel;

/**
 * Base class of plugin modules. {@code configure()} calls one method per implementation, e.g.
 * {@code neuronModel(new MyModel())}; each is keyed by its {@code name()}. A new kind of plugin:
 * {@link #declare} it, then {@link #register} its plugins.
 */
public abstract class AbstractNeuroSimPlugin extends AbstractModule implements NeuroSimPlugin {
    protected final void neuronModel(NeuronModel model) { register(PluginKind.NEURON_MODEL, model); }
    protected final void spikeSource(SpikeSourceModel source) { register(PluginKind.SPIKE_SOURCE, source); }
    protected final void integrator(Integrator integrator) { register(PluginKind.INTEGRATOR, integrator); }
    protected final void kernel(SynapticKernel kernel) { register(PluginKind.KERNEL, kernel); }
    protected final void activation(ActivationFunction activation) { register(PluginKind.ACTIVATION, activation); }
    protected final void connectionRule(ConnectionRule rule) { register(PluginKind.CONNECTION_RULE, rule); }
    protected final void stimulus(Stimulus stimulus) { register(PluginKind.STIMULUS, stimulus); }
    protected final void plasticityRule(PlasticityRule rule) { register(PluginKind.PLASTICITY_RULE, rule); }
    protected final void outputFormat(OutputFormat format) { register(PluginKind.OUTPUT_FORMAT, format); }

    protected final <F extends PluginFactory<?, ?>> void register(PluginKind<F> kind, F plugin) {
        PluginBinders.register(binder(), kind, plugin);
    }

    protected final void declare(PluginKind<?> kind) {
        PluginBinders.declare(binder(), kind);
    }
}
