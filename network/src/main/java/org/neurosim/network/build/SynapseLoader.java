package org.neurosim.network.build;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.model.ExactWithSynapses;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.SpikeRule;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginContext;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.core.synapse.Kernel;
import org.neurosim.core.synapse.Normalization;
import org.neurosim.core.synapse.PlasticityRule;
import org.neurosim.core.synapse.SynapticKernel;
import org.neurosim.core.units.Dimension;
import org.neurosim.network.config.Cfg;
import org.neurosim.network.engine.NeuronPopulation;
import org.neurosim.network.engine.Population;

/**
 * A projection's {@code synapse} block: the kernel and its parameters, the normalisation, a reversal potential
 * for conductance synapses, the initial filter state, and the synapse model ({@code plasticity}).
 */
final class SynapseLoader {
    /** Keys of the block that are not kernel parameters. */
    static final Set<String> OWN_KEYS = Set.of("kernel", "normalize", "reversal", "init", "plasticity");

    /** The parsed block; {@code groupKey} names the filter it shares with others onto the same target. */
    record Block(Kernel kernel, Normalization norm, boolean conductance, double reversal, String groupKey) {
        boolean instant() {
            return kernel.isInstant();
        }
    }

    /**
     * The synapse model with its parameters (static when the block names none); {@code dendritic}: the plasticity
     * block's {@code delays: dendritic} (the rule hears postsynaptic spikes through the projection's delay, NEST's
     * convention) rather than the default {@code axonal}.
     */
    record Model(String key, PlasticityRule rule, Parameters parameters, boolean dendritic) { }

    private SynapseLoader() { }

    /** The synapse block, or null when the projection has none. */
    static Block load(Cfg syn, Population source, NeuronPopulation target, LoadContext ctx) {
        if (!syn.present()) return null;
        if (!source.spiking()) {
            throw syn.error("a projection from the rate population '" + source.name
                    + "' acts directly through W y and takes no synapse block");
        }
        NeuronDynamics td = target.dynamics;
        String kernelName = syn.get("kernel").required().text();
        SynapticKernel sk = ctx.registry.get(PluginKind.KERNEL, kernelName, syn.get("kernel").path);
        Map<String, String> kp = new LinkedHashMap<>();
        for (Map.Entry<String, Cfg> e : syn.entries().entrySet()) {
            if (!OWN_KEYS.contains(e.getKey())) kp.put(e.getKey(), e.getValue().text());
        }
        Kernel kernel;
        try {
            kernel = sk.create(new PluginContext(syn.path, ctx.dt), Parameters.resolve(sk.parameters(), kp, syn.path));
        } catch (InvalidInputException ex) {
            throw ex.getMessage().startsWith(syn.path) ? ex : ex.under(syn.path);
        }
        Normalization norm = syn.has("normalize")
                ? Normalization.parse(syn.get("normalize").text(), syn.get("normalize").path) : Normalization.AREA;
        boolean conductance = syn.has("reversal");
        if (!kernel.isInstant()) {   // a jump acts on the membrane itself; a kernel's output on the model's input
            java.util.Optional<String> why = td.refusesSynapses(conductance);
            if (why.isPresent()) {
                throw syn.get(conductance ? "reversal" : "kernel").error("population '" + target.name + "' ("
                        + target.model + ") cannot take " + (conductance ? "conductance" : "current") + " synapses: "
                        + why.get());
            }
        }
        double reversal = conductance ? reversal(syn.get("reversal"), target) : 0;
        String key = target.name + "|" + kernelName + "|" + kp + "|" + norm + "|" + (conductance ? reversal : "current");
        return new Block(kernel, norm, conductance, reversal, key);
    }

    /** The plasticity rule of a synapse without {@code plasticity}: the static synapse (the synapses module's plugin). */
    static final String STATIC = "static";

    /** The reversal potential of conductance synapses, onto a target whose membrane and input can take them. */
    private static double reversal(Cfg rev, NeuronPopulation target) {
        NeuronDynamics td = target.dynamics;
        double reversal = rev.quantity(Dimension.VOLTAGE);
        SpikeRule rule = td.spikeRule();
        if (!rule.spikes() || !td.stateVariables().get(rule.membrane()).dimension().equals(Dimension.VOLTAGE)) {
            throw rev.error("conductance-based synapses need a target whose membrane potential is a voltage; "
                    + "population '" + target.name + "' (" + target.model + ") has none");
        }
        if (td instanceof ExactWithSynapses) {   // a linear, current-based model: g (E - V) is not its input
            throw rev.error("population '" + target.name + "' (" + target.model + ") is current-based; "
                    + "conductance synapses need a conductance-based model such as lif-cond, hh or hh-traub");
        }
        Dimension in = td.inputDimension();   // a voltage input: conductances relative to the leak (lif-cond)
        if (!in.equals(Dimension.CURRENT) && !in.equals(Dimension.CURRENT_DENSITY) && !in.equals(Dimension.VOLTAGE)) {
            throw rev.error("conductance-based synapses need a target whose input is a current; " + target.model
                    + " takes " + td.inputDimension().describe());
        }
        return reversal;
    }

    /** {@code synapse.plasticity: {rule: NAME, its parameters}}, or the static synapse. */
    static Model model(Cfg syn, LoadContext ctx) {
        Cfg pl = syn.get("plasticity");
        if (!pl.present()) {
            PlasticityRule rule = ctx.registry.get(PluginKind.PLASTICITY_RULE, STATIC, null);
            return new Model(syn.path, rule, Parameters.defaults(rule.parameters()), false);
        }
        if (!pl.isMap()) throw pl.error("expected {rule: NAME, its parameters}");
        Cfg ruleCfg = pl.get("rule").required();
        PlasticityRule rule = ctx.registry.get(PluginKind.PLASTICITY_RULE, ruleCfg.text(), ruleCfg.path);
        Map<String, Object> given = ctx.given(pl);
        given.remove("rule");
        boolean dendritic = false;
        if (pl.has("delays")) {
            given.remove("delays");
            String d = pl.get("delays").text();
            if (!d.equals("axonal") && !d.equals("dendritic")) {
                throw pl.get("delays").error("expected axonal (the default: the rule hears a presynaptic spike after "
                        + "the delay, a postsynaptic one at once) or dendritic (NEST's stdp_synapse), got '" + d + "'");
            }
            dendritic = d.equals("dendritic");
        }
        return new Model(pl.path, rule, Parameters.resolve(rule.parameters(), given, pl.path), dendritic);
    }
}
