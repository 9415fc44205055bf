package org.neurosim.core.integrate;

import org.neurosim.core.model.Drive;

/**
 * Advances the state of neurons {@code from..to} by one step dt. The drive holds its values at the step's start; a
 * stage at time s into the step moves the conductance there with {@link Drive#conductanceAt} (a one-stage method
 * takes its mean, {@link Drive#meanConductance}); the rest of the drive is held over the step.
 */
@FunctionalInterface
public non-sealed interface GridStepper extends Stepper {
    void step(double[][] state, Drive drive, double dt, int from, int to);
}
