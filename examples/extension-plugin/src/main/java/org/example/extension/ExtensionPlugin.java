package org.example.extension;

import org.neurosim.core.plugin.AbstractNeuroSimPlugin;

/**
 * The plugin module: one line per ingredient. Listed in META-INF/services/org.neurosim.core.plugin.NeuroSimPlugin.
 */
public final class ExtensionPlugin extends AbstractNeuroSimPlugin {
    @Override
    protected void configure() {
        connectionRule(new RingRule());
        stimulus(new ChirpStimulus());
        outputFormat(new JsonLinesSpikes());
    }
}
