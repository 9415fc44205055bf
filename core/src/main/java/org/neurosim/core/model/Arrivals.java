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
        if (count == target.length) reserve(1);
        target[count] = neuron;
        offset[count] = offsetInStep;
        weight[count] = w;
        input[count] = inputIndex;
        count++;
    }

    /**
     * Appends an arrival (i, offset, w[i], input) for every i in from..to with w[i] != 0, the count kept in a local
     * (a chunk's arrivals are written by one thread, but two chunks' Arrivals may share a cache line).
     */
    public void addNonZero(int from, int to, double[] w, double offsetInStep, int inputIndex) {
        reserve(to - from);
        int c = count;
        int[] tg = target, ip = input;
        double[] of = offset, wt = weight;
        for (int i = from; i < to; i++) {
            double x = w[i];
            if (x != 0) {
                tg[c] = i;
                of[c] = offsetInStep;
                wt[c] = x;
                ip[c] = inputIndex;
                c++;
            }
        }
        count = c;
    }

    /** Makes room for n more arrivals, so a caller adding a whole row can write without a check per arrival. */
    public void reserve(int n) {
        if (count + n <= target.length) return;
        int size = Math.max(count + n, 2 * target.length);
        target = Arrays.copyOf(target, size);
        input = Arrays.copyOf(input, size);
        offset = Arrays.copyOf(offset, size);
        weight = Arrays.copyOf(weight, size);
    }

    /**
     * Adds the arrivals of one presynaptic spike to targets[from..to) with weights[k] (or {@code w} when null), all
     * at one time through one input: the bulk form of {@link #add}.
     */
    public void addRow(int[] targets, int from, int to, float[] weights, double w, double offsetInStep,
                       int inputIndex) {
        int n = to - from;
        reserve(n);
        int c = count;
        System.arraycopy(targets, from, target, c, n);
        Arrays.fill(offset, c, c + n, offsetInStep);
        Arrays.fill(input, c, c + n, inputIndex);
        if (weights == null) {
            Arrays.fill(weight, c, c + n, w);
        } else {
            for (int k = 0; k < n; k++) weight[c + k] = weights[from + k];
        }
        count = c + n;
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
        indexed = false;
    }

    // the arrivals grouped by target (a counting sort over the targets' range), built on demand once per step
    private int[] byTarget = new int[16], start = new int[1];
    private int base;
    private boolean indexed;

    /**
     * Groups the arrivals by target, for targets in from..to (every arrival's target must lie there): afterwards
     * {@link #first} and {@link #end} give each target's run in {@link #at}. Linear in arrivals plus targets; kept
     * until the next {@link #clear}.
     */
    public void indexByTarget(int from, int to) {
        if (indexed) return;
        int n = to - from;
        if (start.length < n + 1) start = new int[n + 1];
        else Arrays.fill(start, 0, n + 1, 0);
        for (int k = 0; k < count; k++) start[target[k] - from + 1]++;
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        if (byTarget.length < count) byTarget = new int[Math.max(count, 2 * byTarget.length)];
        int[] fill = Arrays.copyOf(start, n);
        for (int k = 0; k < count; k++) byTarget[fill[target[k] - from]++] = k;
        base = from;
        indexed = true;
    }

    /** After {@link #indexByTarget}: the position of neuron i's first arrival in {@link #at}. */
    public int first(int neuron) { return start[neuron - base]; }
    /** After {@link #indexByTarget}: one past neuron i's last arrival. */
    public int end(int neuron) { return start[neuron - base + 1]; }
    /** After {@link #indexByTarget}: the arrival index at position p (arrivals of one target in arrival order). */
    public int at(int p) { return byTarget[p]; }
}
