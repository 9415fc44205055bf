package org.neurosim.network;

import org.neurosim.core.plugin.AbstractNeuroSimPlugin;

/** The network module's plugin: the source populations {@code poisson} and {@code spike-times}. */
public final class NetworkPlugin extends AbstractNeuroSimPlugin {
    @Override public String moduleName() { return "network"; }

    @Override
    protected void configure() {
        neuronModel(new PoissonSource());
        neuronModel(new SpikeTimesSource());
    }
}
