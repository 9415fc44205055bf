/**
 * The built-in numerical integrators (euler, heun, rk4, exponential-euler, exact, exact-grid, dormand-prince, and
 * euler-maruyama for equations with white noise),
 * registered by {@link org.neurosim.integrators.IntegratorsPlugin}, and the engine's side of integration:
 * {@link org.neurosim.integrators.PopulationSolver} steps one population and
 * {@link org.neurosim.integrators.SingleNeuron} one neuron, usable from Java. The SPI they implement is
 * core's {@code org.neurosim.core.integrate} ({@link org.neurosim.core.integrate.Integrator},
 * {@link org.neurosim.core.integrate.Stepper}).
 */
package org.neurosim.integrators;
