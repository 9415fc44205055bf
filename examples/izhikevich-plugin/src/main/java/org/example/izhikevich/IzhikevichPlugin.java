package org.example.izhikevich;

import org.neurosim.core.plugin.AbstractNeuroSimPlugin;

/** The plugin module: one line per model. Listed in META-INF/services/org.neurosim.core.plugin.NeuroSimPlugin. */
public final class IzhikevichPlugin extends AbstractNeuroSimPlugin {
    @Override
    protected void configure() {
        neuronModel(new Izhikevich());
    }
}
