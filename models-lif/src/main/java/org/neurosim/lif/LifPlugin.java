package org.neurosim.lif;

import org.neurosim.core.plugin.AbstractNeuroSimPlugin;

/** The models-lif plugin module: the {@code lif} and {@code lif-cond} neuron models and the LIF rate curve as the {@code lif-rate} activation. */
public final class LifPlugin extends AbstractNeuroSimPlugin {
    @Override public String moduleName() { return "models-lif"; }

    @Override
    protected void configure() {
        neuronModel(new LeakyIntegrateAndFire());
        neuronModel(new ConductanceLif());
        activation(new LifRateActivation());
    }
}
