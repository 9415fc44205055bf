package org.neurosim.core.connect;

import org.neurosim.core.plugin.PluginFactory;

/**
 * A connection-rule plugin: which source neurons connect to which targets, e.g. {@code probability} (each pair
 * independently with probability p), {@code total} (N synapses with source and target drawn uniformly, NEST's
 * fixed_total_number). Used in a config as {@code connect: {NAME: value}} when the rule's main parameter has the
 * rule's name, or {@code connect: {rule: NAME, its parameters}}.
 */
public interface ConnectionRule extends PluginFactory<ConnectionContext, Connections> { }
