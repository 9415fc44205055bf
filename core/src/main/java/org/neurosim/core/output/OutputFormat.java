package org.neurosim.core.output;

import org.neurosim.core.plugin.PluginFactory;

/**
 * An output-format plugin: how a run's spikes, state traces and rates are written (CSV as specified, JSON lines,
 * a binary format...). A config selects formats with {@code record: {formats: [csv, NAME, {format: NAME, its
 * parameters}]}}; {@code csv} is the default.
 */
public interface OutputFormat extends PluginFactory<OutputContext, RunOutput> { }
