package org.neurosim.lif;

import org.neurosim.core.plugin.AbstractNeuroSimPlugin;

/** The models-lif plugin module: the {@code lif} neuron model. */
public final class LifPlugin extends AbstractNeuroSimPlugin {
    @Override public String moduleName() { return "models-lif"; }

    @Override
    protected void configure() {
        neuronModel(new LeakyIntegrateAndFire());
    }
}
