/**
 * SPI of numerical integration: an {@link org.neurosim.core.integrate.Integrator} makes a
 * {@link org.neurosim.core.integrate.GridStepper} (the engine detects spikes) or a
 * {@link org.neurosim.core.integrate.SpikeLocatingStepper} (it locates them itself) for one population. The built-in
 * integrators, and the engine's side that steps one population or one neuron with them, are in the
 * {@code neurosim-integrators} module ({@code org.neurosim.integrators}). Plugin writers may rely on: steppers are
 * called with disjoint index ranges from several threads, and the drive is constant over the step.
 */
package org.neurosim.core.integrate;
