package org.neurosim.core.model;

import org.neurosim.core.units.Dimension;

/** A state variable of a neuron model: its name in configs and outputs ({@code v}, {@code n}) and dimension. */
public record StateVariable(String name, Dimension dimension) { }
