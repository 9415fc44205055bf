package org.neurosim.core.activation;

import org.neurosim.core.plugin.PluginContext;
import org.neurosim.core.plugin.PluginFactory;

/**
 * An activation-function plugin s(z) for rate neurons: logistic, tanh, ReLU, the LIF rate curve...; its
 * {@code description()} gives the formula, e.g. {@code s(z) = 1 / (1 + exp(-z))}.
 */
public interface ActivationFunction extends PluginFactory<PluginContext, Activation> { }
