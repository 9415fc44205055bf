package org.neurosim.core.plugin;

/**
 * What a plugin that needs nothing more is told when it is created: the key path of its config block (for error
 * messages, e.g. {@code projections[0].synapse}) and the run's time step in seconds (NaN outside a run).
 */
public record PluginContext(String key, double dt) { }
