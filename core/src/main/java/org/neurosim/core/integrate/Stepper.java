package org.neurosim.core.integrate;

import org.neurosim.core.model.Drive;

/**
 * Advances the state of neurons {@code from..to} by one step dt with the drive held constant over the step.
 * A stepper that also locates spikes itself implements {@link SpikeLocatingStepper}.
 * Steppers write only rows from..to of their scratch arrays, so disjoint ranges may run on different threads.
 */
public interface Stepper {
    void step(double[][] state, Drive drive, double dt, int from, int to);
}
