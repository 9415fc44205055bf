package org.neurosim.synapses;

import org.neurosim.core.plugin.AbstractNeuroSimPlugin;

/** The synapses plugin module: the PSC kernels, the static synapse and the plasticity rules. */
public final class SynapsesPlugin extends AbstractNeuroSimPlugin {
    @Override public String moduleName() { return "synapses"; }

    @Override
    protected void configure() {
        Kernels.ALL.forEach(this::kernel);
        plasticityRule(new StaticSynapse());
        plasticityRule(new org.neurosim.synapses.plasticity.Stdp());
        plasticityRule(new org.neurosim.synapses.plasticity.TsodyksMarkram());
        plasticityRule(new org.neurosim.synapses.plasticity.Bernoulli());
    }
}
