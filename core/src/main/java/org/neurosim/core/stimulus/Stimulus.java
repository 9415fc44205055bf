package org.neurosim.core.stimulus;

import org.neurosim.core.plugin.PluginFactory;

/**
 * A stimulus plugin: what drives a population's {@code input} (or a Poisson source's {@code rate}), e.g.
 * {@code sine}: I(t) = offset + amplitude sin(2 pi frequency t + phase). Used in a config as
 * {@code input: {NAME: {its parameters}}} or {@code input: {kind: NAME, its parameters}}. Parameters declared with
 * {@link org.neurosim.core.param.ParameterSpec#input} take the dimension of what is driven.
 */
public interface Stimulus extends PluginFactory<StimulusContext, Signal> { }
