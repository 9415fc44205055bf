package org.neurosim.network;

import java.util.Arrays;
import org.neurosim.core.model.SpikeSink;

/** The spikes of one step: parallel growable arrays of neuron index and offset inside the step (no objects). */
public final class SpikeBuffer implements SpikeSink {
    int[] neurons = new int[64];
    double[] offsets = new double[64];
    int count;

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

    void clear() {
        count = 0;
    }

    void addAll(SpikeBuffer other) {
        for (int k = 0; k < other.count; k++) spike(other.neurons[k], other.offsets[k]);
    }
}
