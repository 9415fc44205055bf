package org.neurosim.core.model;

import java.util.Arrays;

/** The spikes of one step: parallel growable arrays of neuron index and offset inside the step (no objects). */
public final class SpikeBuffer implements SpikeSink {
    private int[] neurons = new int[64];
    private double[] offsets = new double[64];
    private int count;

    @Override
    public void spike(int neuron, double offsetInStep) {
        if (count == neurons.length) {
            neurons = Arrays.copyOf(neurons, 2 * count);
            offsets = Arrays.copyOf(offsets, 2 * count);
        }
        neurons[count] = neuron;
        offsets[count] = offsetInStep;
        count++;
    }

    public int count() { return count; }
    /** The neuron of spike k. */
    public int neuron(int k) { return neurons[k]; }
    /** The time of spike k after the start of its step (s). */
    public double offset(int k) { return offsets[k]; }

    public void clear() {
        count = 0;
    }

    public void addAll(SpikeBuffer other) {
        for (int k = 0; k < other.count; k++) spike(other.neurons[k], other.offsets[k]);
    }
}
