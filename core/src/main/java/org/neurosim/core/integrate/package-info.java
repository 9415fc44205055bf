/**
 * SPI and built-ins of numerical integration: an {@link org.neurosim.core.integrate.Integrator} makes a
 * {@link org.neurosim.core.integrate.GridStepper} (the engine detects spikes) or a
 * {@link org.neurosim.core.integrate.SpikeLocatingStepper} (it locates them itself) for one population.
 * {@link org.neurosim.core.integrate.PopulationSolver} and {@link org.neurosim.core.integrate.SingleNeuron} are the
 * engine's side, usable from Java for one population or one neuron. Plugin writers may rely on: steppers are
 * called with disjoint index ranges from several threads, and the drive is constant over the step.
 */
package org.neurosim.core.integrate;
