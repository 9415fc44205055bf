package org.neurosim.core.integrate;

import org.neurosim.core.model.Drive;
import org.neurosim.core.model.SpikeSink;

/**
 * A stepper that finds threshold crossings inside the step itself (exact solutions, event detection), resets
 * and tracks refractoriness in continuous time.
 */
@FunctionalInterface
public non-sealed interface SpikeLocatingStepper extends Stepper {
    /** @param refractory per neuron: refractory time (s) left, read and updated */
    void advance(double[][] state, Drive drive, double dt, double[] refractory, SpikeSink spikes, int from, int to);
}
