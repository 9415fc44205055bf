package org.neurosim.core.synapse;

import org.neurosim.core.plugin.PluginContext;
import org.neurosim.core.plugin.PluginFactory;

/**
 * A synaptic-kernel plugin: the post-synaptic current h(t) a spike produces, e.g. the gamma family
 * h(t) = kappa t^n exp(-t/tau_s) for t >= 0 with kappa = 1 / (n! tau_s^(n+1)) (area 1).
 * The kernel it creates is normalised to unit area; configs name it as {@code synapse: {kernel: exponential}}.
 */
public interface SynapticKernel extends PluginFactory<PluginContext, Kernel> { }
