package org.neurosim.core.integrate;

import org.neurosim.core.model.Drive;

/** Advances the state of neurons {@code from..to} by one step dt with the drive held constant over the step. */
@FunctionalInterface
public non-sealed interface GridStepper extends Stepper {
    void step(double[][] state, Drive drive, double dt, int from, int to);
}
