package org.neurosim.core.integrate;

/**
 * What an {@link Integrator} makes for one population: either a {@link GridStepper}, which advances the state by
 * dt and leaves spike detection to the engine, or a {@link SpikeLocatingStepper}, which finds threshold crossings
 * inside the step itself. Steppers write only rows from..to of their scratch arrays, so disjoint ranges may run on
 * different threads.
 */
public sealed interface Stepper permits GridStepper, SpikeLocatingStepper { }
