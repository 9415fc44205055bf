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
        int n = count + other.count;
        if (n > neurons.length) {
            int size = Math.max(n, 2 * neurons.length);
            neurons = Arrays.copyOf(neurons, size);
            offsets = Arrays.copyOf(offsets, size);
        }
        System.arraycopy(other.neurons, 0, neurons, count, other.count);
        System.arraycopy(other.offsets, 0, offsets, count, other.count);
        count = n;
    }

    /** Sorts the spikes by offset, stably (equal offsets keep their order); a merge sort, no boxing. */
    public void sortByOffset() {
        boolean sorted = true;
        for (int k = 1; k < count && sorted; k++) sorted = offsets[k - 1] <= offsets[k];
        if (sorted) return;
        int[] n2 = new int[count];
        double[] o2 = new double[count];
        int[] na = neurons, nb = n2;
        double[] oa = offsets, ob = o2;
        for (int width = 1; width < count; width *= 2) {
            for (int lo = 0; lo < count; lo += 2 * width) {
                int mid = Math.min(lo + width, count), hi = Math.min(lo + 2 * width, count), i = lo, j = mid;
                for (int k = lo; k < hi; k++) {
                    if (i < mid && (j >= hi || oa[i] <= oa[j])) {
                        nb[k] = na[i];
                        ob[k] = oa[i++];
                    } else {
                        nb[k] = na[j];
                        ob[k] = oa[j++];
                    }
                }
            }
            int[] tn = na; na = nb; nb = tn;
            double[] to = oa; oa = ob; ob = to;
        }
        if (na != neurons) {
            System.arraycopy(na, 0, neurons, 0, count);
            System.arraycopy(oa, 0, offsets, 0, count);
        }
    }

    /** Writes the buffered spikes (a checkpoint of spikes in flight). */
    public void save(org.neurosim.core.checkpoint.StateWriter out) {
        out.ints(neurons, 0, count).doubles(offsets, 0, count);
    }

    /** Replaces the contents with what {@link #save} wrote. */
    public void restore(org.neurosim.core.checkpoint.StateReader in, String what) {
        int[] n = in.ints(what);
        double[] o = in.doubles(what);
        if (n.length != o.length) throw in.mismatch(what + ": " + n.length + " neurons but " + o.length + " times");
        clear();
        for (int k = 0; k < n.length; k++) spike(n[k], o[k]);
    }
}
