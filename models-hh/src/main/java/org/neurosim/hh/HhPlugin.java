package org.neurosim.hh;

import org.neurosim.core.plugin.AbstractNeuroSimPlugin;

/** The models-hh plugin module: {@code hh} and {@code hh-traub}. */
public final class HhPlugin extends AbstractNeuroSimPlugin {
    @Override public String moduleName() { return "models-hh"; }

    @Override
    protected void configure() {
        neuronModel(new HodgkinHuxley());
        neuronModel(new TraubMiles());
    }
}
