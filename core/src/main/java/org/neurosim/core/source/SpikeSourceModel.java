package org.neurosim.core.source;

import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.plugin.PluginFactory;

/**
 * A spike-source plugin: a population that only emits spikes, used as {@code model: NAME} like a neuron model
 * (e.g. {@code poisson}: independent Poisson trains at {@code rate}). {@code create} checks its data against the
 * population's size and dt.
 */
public interface SpikeSourceModel extends PluginFactory<PopulationContext, SpikeSource> { }
