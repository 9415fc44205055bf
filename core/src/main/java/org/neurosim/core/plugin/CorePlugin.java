package org.neurosim.core.plugin;

import org.neurosim.core.synapse.StaticSynapse;

/** Core's own plugin: the static synapse. */
public final class CorePlugin extends AbstractNeuroSimPlugin {
    @Override
    public String moduleName() {
        return "core";
    }

    @Override
    protected void configure() {
        plasticityRule(new StaticSynapse());
    }
}
