package org.neurosim.core.integrate;

import org.neurosim.core.model.NeuronDynamics;

/** What an integrator binds to: the model's dynamics, the population size (for scratch arrays) and the step. */
public record IntegratorContext(String key, NeuronDynamics dynamics, int size, double dt) { }
