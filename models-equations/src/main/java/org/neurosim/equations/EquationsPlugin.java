package org.neurosim.equations;

import org.neurosim.core.plugin.AbstractNeuroSimPlugin;

/** The models-equations plugin module: {@code model: equations}. */
public final class EquationsPlugin extends AbstractNeuroSimPlugin {
    @Override public String moduleName() { return "models-equations"; }

    @Override
    protected void configure() {
        neuronModel(new EquationsModel());
    }
}
