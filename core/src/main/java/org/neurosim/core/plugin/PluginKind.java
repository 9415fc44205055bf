package org.neurosim.core.plugin;

import java.util.List;
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
 * A kind of plugin: the factory interface its plugins implement, the words messages use for it, and its key in
 * {@code neurosim plugins --json}. The built-in kinds are below; a plugin module may declare a kind of its own with
 * {@link PluginBinders#declare} and fill it like any other.
 *
 * @param label   singular, for messages: "neuron model"
 * @param plural  for messages: "neuron models"
 * @param jsonKey the listing's key: "neuron_models"
 * @param type    the factory interface
 */
public record PluginKind<F extends PluginFactory<?, ?>>(String label, String plural, String jsonKey, Class<F> type) {
    public static final PluginKind<NeuronModel> NEURON_MODEL =
            new PluginKind<>("neuron model", "neuron models", "neuron_models", NeuronModel.class);
    public static final PluginKind<SpikeSourceModel> SPIKE_SOURCE =
            new PluginKind<>("spike source", "spike sources", "spike_sources", SpikeSourceModel.class);
    public static final PluginKind<Integrator> INTEGRATOR =
            new PluginKind<>("integrator", "integrators", "integrators", Integrator.class);
    public static final PluginKind<SynapticKernel> KERNEL =
            new PluginKind<>("synaptic kernel", "synaptic kernels", "kernels", SynapticKernel.class);
    public static final PluginKind<ActivationFunction> ACTIVATION =
            new PluginKind<>("activation function", "activation functions", "activations", ActivationFunction.class);
    public static final PluginKind<ConnectionRule> CONNECTION_RULE =
            new PluginKind<>("connection rule", "connection rules", "connection_rules", ConnectionRule.class);
    public static final PluginKind<Stimulus> STIMULUS =
            new PluginKind<>("stimulus", "stimuli", "stimuli", Stimulus.class);
    public static final PluginKind<PlasticityRule> PLASTICITY_RULE =
            new PluginKind<>("plasticity rule", "plasticity rules", "plasticity_rules", PlasticityRule.class);
    public static final PluginKind<OutputFormat> OUTPUT_FORMAT =
            new PluginKind<>("output format", "output formats", "output_formats", OutputFormat.class);

    /** Every kind core defines, in the order listings show them. */
    public static final List<PluginKind<?>> BUILT_IN = List.of(NEURON_MODEL, SPIKE_SOURCE, INTEGRATOR, KERNEL,
            ACTIVATION, CONNECTION_RULE, STIMULUS, PLASTICITY_RULE, OUTPUT_FORMAT);
}
