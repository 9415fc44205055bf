/**
 * SPI of neuron models. A {@link org.neurosim.core.model.NeuronModel} plugin makes
 * {@link org.neurosim.core.model.NeuronDynamics} for one population from a
 * {@link org.neurosim.core.model.PopulationContext}. Plugin writers may rely on: state is SI and laid out as
 * {@code state[variable][neuron]}; {@link org.neurosim.core.model.Drive} is filled before every step; every method
 * that takes {@code from, to} may run concurrently on disjoint ranges; the context's size and dt never change during
 * a run. The engine that steps populations lives in the network module and is not part of this SPI.
 */
package org.neurosim.core.model;
