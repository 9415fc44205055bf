package org.neurosim.core.model;

import java.util.Arrays;

/**
 * The synaptic arrivals of one step for a range of targets, in no particular order: arrival k reaches neuron
 * {@link #target}(k) at {@link #offset}(k) seconds after the start of the step with weight {@link #weight}(k), through
 * current input {@link #input}(k) (an index into the inputs the model was bound to), or as a jump of the membrane when
 * that index is {@link #JUMP}. Parallel growable arrays: no object per arrival.
 */
public final class Arrivals {
    /** Input index of a delta synapse: the weight is added to the membrane itself. */
    public static final int JUMP = -1;

    private int[] target = new int[16];
    private int[] input = new int[16];
    private double[] offset = new double[16];
    private double[] weight = new double[16];
    private int count;

    public void add(int neuron, double offsetInStep, double w, int inputIndex) {
        if (count == target.length) {
            int n = 2 * count;
            target = Arrays.copyOf(target, n);
            input = Arrays.copyOf(input, n);
            offset = Arrays.copyOf(offset, n);
            weight = Arrays.copyOf(weight, n);
        }
        target[count] = neuron;
        offset[count] = offsetInStep;
        weight[count] = w;
        input[count] = inputIndex;
        count++;
    }

    public int count() { return count; }
    public int target(int k) { return target[k]; }
    public double offset(int k) { return offset[k]; }
    public double weight(int k) { return weight[k]; }
    public int input(int k) { return input[k]; }

    /** The targets as an array, valid at 0 .. count() - 1 (for batched delivery). */
    public int[] targets() { return target; }
    /** The weights as an array, valid at 0 .. count() - 1. */
    public double[] weights() { return weight; }

    public void clear() {
        count = 0;
    }
}
