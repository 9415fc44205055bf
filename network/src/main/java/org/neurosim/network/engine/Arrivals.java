package org.neurosim.network.engine;

import java.util.Arrays;
import org.neurosim.core.model.InputEvents;

/**
 * The engine's side of {@link InputEvents}: one step's synaptic arrivals for one chunk of a population, written by the
 * deliveries and Poisson inputs at the step's start (or, for late arrivals, at the end of the step before the model
 * takes them), with no object per arrival. Rows are referenced in place in the projections' arrays: nothing is copied
 * per synapse. A chunk's arrivals are written by one thread.
 */
final class Arrivals implements InputEvents {
    // Over 300 lines: the two forms of one step's events and the per-neuron selection over both;
    // half of it is one-line accessors of the InputEvents view.
    // single arrivals
    private int[] target = new int[16];
    private int[] input = new int[16];
    private double[] offset = new double[16];
    private double[] weight = new double[16];
    private int count;

    // rows
    private int[][] rowTargets = new int[16][];
    private float[][] rowWeights = new float[16][];
    private int[] rowFrom = new int[16], rowTo = new int[16], rowInput = new int[16];
    private double[] rowWeight = new double[16], rowOffset = new double[16];
    private int rows;

    void add(int neuron, double offsetInStep, double w, int inputIndex) {
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
    void addNonZero(int from, int to, double[] w, double offsetInStep, int inputIndex) {
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

    /**
     * Appends a single arrival (targets[k], offset, weights[k], input) for every k in from..to: one presynaptic
     * spike's synapses with weights in double precision (what a plastic synapse transmits), copied because a row
     * references float weights ({@link #addRow}).
     */
    void addEach(int[] targets, int from, int to, double[] weights, double offsetInStep, int inputIndex) {
        reserve(to - from);
        int c = count;
        for (int k = from; k < to; k++, c++) {
            target[c] = targets[k];
            offset[c] = offsetInStep;
            weight[c] = weights[k];
            input[c] = inputIndex;
        }
        count = c;
    }

    /** Makes room for n more single arrivals. */
    private void reserve(int n) {
        if (count + n <= target.length) return;
        int size = Math.max(count + n, 2 * target.length);
        target = Arrays.copyOf(target, size);
        input = Arrays.copyOf(input, size);
        offset = Arrays.copyOf(offset, size);
        weight = Arrays.copyOf(weight, size);
    }

    /**
     * Adds one presynaptic spike's arrivals at targets[from..to) with stored weights[k] (or {@code w} when null), all at
     * {@code offsetInStep} through one input, by reference: the arrays must not change until the step is over.
     */
    void addRow(int[] targets, int from, int to, float[] weights, double w, double offsetInStep, int inputIndex) {
        if (from >= to) return;
        if (rows == rowFrom.length) growRows();
        int r = rows++;
        rowTargets[r] = targets;
        rowWeights[r] = weights;
        rowFrom[r] = from;
        rowTo[r] = to;
        rowInput[r] = inputIndex;
        rowWeight[r] = w;
        rowOffset[r] = offsetInStep;
    }

    private void growRows() {
        int size = 2 * rowFrom.length;
        rowTargets = Arrays.copyOf(rowTargets, size);
        rowWeights = Arrays.copyOf(rowWeights, size);
        rowFrom = Arrays.copyOf(rowFrom, size);
        rowTo = Arrays.copyOf(rowTo, size);
        rowInput = Arrays.copyOf(rowInput, size);
        rowWeight = Arrays.copyOf(rowWeight, size);
        rowOffset = Arrays.copyOf(rowOffset, size);
    }

    /** True when the step has no arrival of either form. */
    @Override public boolean isEmpty() { return count == 0 && rows == 0; }

    @Override public int count() { return count; }
    @Override public int target(int k) { return target[k]; }
    @Override public double offset(int k) { return offset[k]; }
    @Override public double weight(int k) { return weight[k]; }
    @Override public int input(int k) { return input[k]; }

    @Override public int rows() { return rows; }
    @Override public int[] rowTargets(int r) { return rowTargets[r]; }
    /** Row r's weights, or null when {@link #rowWeight} applies to all its synapses. */
    @Override public float[] rowWeights(int r) { return rowWeights[r]; }
    @Override public double rowWeight(int r) { return rowWeight[r]; }
    @Override public int rowFrom(int r) { return rowFrom[r]; }
    @Override public int rowTo(int r) { return rowTo[r]; }
    @Override public int rowInput(int r) { return rowInput[r]; }
    @Override public double rowOffset(int r) { return rowOffset[r]; }

    void clear() {
        count = 0;
        Arrays.fill(rowTargets, 0, rows, null);   // let the arrays go when a projection is dropped
        Arrays.fill(rowWeights, 0, rows, null);
        rows = 0;
        clearSelection();
    }

    // the arrivals of the neurons wanted, gathered by select(): sorted by target, arrival order kept within one
    private long[] wanted = new long[1];
    private int wantedBase, wantedCount;
    private int[] wantedList = new int[16];
    private int[] sTarget = new int[16], sInput = new int[16];
    private double[] sOffset = new double[16], sWeight = new double[16];
    private int selected;

    /**
     * Marks neuron i (in from..to, the range the arrivals are for) as one whose own arrivals {@link #select} gathers.
     */
    @Override
    public void want(int neuron, int from, int to) {
        if (wantedCount == 0) {
            int words = ((to - from) >>> 6) + 1;
            if (wanted.length < words) wanted = new long[words];
            wantedBase = from;
        }
        int b = neuron - wantedBase;
        long mask = 1L << (b & 63);
        if ((wanted[b >>> 6] & mask) != 0) return;
        wanted[b >>> 6] |= mask;
        if (wantedCount == wantedList.length) wantedList = Arrays.copyOf(wantedList, 2 * wantedCount);
        wantedList[wantedCount++] = neuron;
    }

    /**
     * Gathers the arrivals of the neurons marked by {@link #want}: one pass over every row's targets with a bit test
     * (the bits of a chunk stay in the first-level cache), rows in order, then the single arrivals; then a stable sort
     * by target, and each neuron's arrivals by time, equal times in arrival order (the same at any number of chunks).
     */
    @Override
    public void select() {
        selected = 0;
        if (wantedCount == 0) return;
        long[] bits = wanted;
        int base = wantedBase;
        for (int r = 0; r < rows; r++) {
            int[] tg = rowTargets[r];
            float[] ws = rowWeights[r];
            for (int k = rowFrom[r], end = rowTo[r]; k < end; k++) {
                int b = tg[k] - base;
                if ((bits[b >>> 6] & (1L << (b & 63))) != 0) take(tg[k], rowOffset[r], ws == null ? rowWeight[r] : ws[k], rowInput[r]);
            }
        }
        for (int k = 0; k < count; k++) {
            int b = target[k] - base;
            if ((bits[b >>> 6] & (1L << (b & 63))) != 0) take(target[k], offset[k], weight[k], input[k]);
        }
        sortSelectedByTarget();
        for (int p = 0; p < selected; ) {   // each neuron's arrivals by time: few per neuron, so insertion
            int q = p + 1;
            while (q < selected && sTarget[q] == sTarget[p]) q++;
            sortByTime(p, q);
            p = q;
        }
    }

    /** Stable insertion sort of selected positions from..to by offset. */
    private void sortByTime(int from, int to) {
        for (int k = from + 1; k < to; k++) {
            int in = sInput[k];
            double at = sOffset[k], w = sWeight[k];
            int p = k;
            while (p > from && sOffset[p - 1] > at) {
                sInput[p] = sInput[p - 1];
                sOffset[p] = sOffset[p - 1];
                sWeight[p] = sWeight[p - 1];
                p--;
            }
            sInput[p] = in;
            sOffset[p] = at;
            sWeight[p] = w;
        }
    }

    private void take(int neuron, double at, double w, int in) {
        if (selected == sTarget.length) {
            int size = 2 * selected;
            sTarget = Arrays.copyOf(sTarget, size);
            sInput = Arrays.copyOf(sInput, size);
            sOffset = Arrays.copyOf(sOffset, size);
            sWeight = Arrays.copyOf(sWeight, size);
        }
        sTarget[selected] = neuron;
        sOffset[selected] = at;
        sWeight[selected] = w;
        sInput[selected] = in;
        selected++;
    }

    /**
     * Stable sort of the selected arrivals by target: insertion for a few, else a counting sort by the target's rank
     * among the wanted neurons (a step that redoes many neurons, as a network driven near threshold by jumps does,
     * selects thousands: linear in them, where insertion would be quadratic).
     */
    private void sortSelectedByTarget() {
        if (selected <= 32) {
            insertionSortSelected();
            return;
        }
        int w = wantedCount;
        if (ranks.length < w + 1) ranks = new int[Math.max(w + 1, 2 * ranks.length)];
        int[] sortedWanted = Arrays.copyOf(wantedList, w);
        Arrays.sort(sortedWanted);
        if (rankOf.length < selected) rankOf = new int[Math.max(selected, 2 * rankOf.length)];
        Arrays.fill(ranks, 0, w + 1, 0);
        for (int k = 0; k < selected; k++) {
            int rank = Arrays.binarySearch(sortedWanted, sTarget[k]);
            rankOf[k] = rank;
            ranks[rank + 1]++;
        }
        for (int q = 0; q < w; q++) ranks[q + 1] += ranks[q];
        int[] t2 = new int[selected], i2 = new int[selected];
        double[] o2 = new double[selected], w2 = new double[selected];
        for (int k = 0; k < selected; k++) {
            int p = ranks[rankOf[k]]++;
            t2[p] = sTarget[k];
            i2[p] = sInput[k];
            o2[p] = sOffset[k];
            w2[p] = sWeight[k];
        }
        System.arraycopy(t2, 0, sTarget, 0, selected);
        System.arraycopy(i2, 0, sInput, 0, selected);
        System.arraycopy(o2, 0, sOffset, 0, selected);
        System.arraycopy(w2, 0, sWeight, 0, selected);
    }

    private int[] ranks = new int[16], rankOf = new int[16];

    private void insertionSortSelected() {
        for (int k = 1; k < selected; k++) {
            int t = sTarget[k], in = sInput[k];
            double at = sOffset[k], w = sWeight[k];
            int p = k;
            while (p > 0 && sTarget[p - 1] > t) {
                sTarget[p] = sTarget[p - 1];
                sInput[p] = sInput[p - 1];
                sOffset[p] = sOffset[p - 1];
                sWeight[p] = sWeight[p - 1];
                p--;
            }
            sTarget[p] = t;
            sInput[p] = in;
            sOffset[p] = at;
            sWeight[p] = w;
        }
    }

    private void clearSelection() {
        for (int k = 0; k < wantedCount; k++) {
            int b = wantedList[k] - wantedBase;
            wanted[b >>> 6] = 0;
        }
        wantedCount = 0;
        selected = 0;
    }

    /** After {@link #select}: the position of neuron i's first selected arrival (i must have been wanted). */
    @Override
    public int first(int neuron) {
        int lo = 0, hi = selected;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sTarget[mid] < neuron) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** After {@link #select}: one past neuron i's last selected arrival. */
    @Override
    public int end(int neuron) {
        int p = first(neuron);
        while (p < selected && sTarget[p] == neuron) p++;
        return p;
    }

    @Override public double selectedOffset(int p) { return sOffset[p]; }
    @Override public double selectedWeight(int p) { return sWeight[p]; }
    @Override public int selectedInput(int p) { return sInput[p]; }
}
