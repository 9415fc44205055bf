package org.neurosim.core.plugin;

import com.google.inject.Module;

/**
 * A plugin module: a Guice module that adds neuron models, integrators, kernels or activation functions to the
 * MapBinder registries, listed in {@code META-INF/services/org.neurosim.core.plugin.NeuroSimPlugin}. Extend
 * {@link AbstractNeuroSimPlugin}. Modules only bind: no I/O, no conditionals.
 */
public interface NeuroSimPlugin extends Module {
    /** The module's name as shown by {@code neurosim plugins}; defaults to the jar or folder it was loaded from. */
    default String moduleName() {
        return PluginRegistry.locationOf(getClass());
    }
}
