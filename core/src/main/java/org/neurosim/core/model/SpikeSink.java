package org.neurosim.core.model;

/** Receives the spikes of one step: neuron index and the time of the spike after the start of the step. */
@FunctionalInterface
public interface SpikeSink {
    void spike(int neuron, double offsetInStep);
}
