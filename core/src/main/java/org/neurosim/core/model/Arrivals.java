package org.neurosim.core.model;

import java.util.Arrays;

/**
 * The synaptic arrivals of one step for a range of targets, in two forms, neither with an object per arrival:
 * <ul>
 *   <li><b>rows</b>: one presynaptic spike's synapses onto the range, referenced in place in the projection's arrays
 *       (targets {@code rowTargets(r)[rowFrom(r) .. rowTo(r))}, weights {@code rowWeights(r)[k]} or one
 *       {@link #rowWeight}), all at one time {@link #rowOffset} after the step's start and through one input, with
 *       the membrane response and filter gain of a unit arrival at that time computed once for the spike
 *       ({@link ExactWithSynapses#arrivalGains}). Nothing is copied per synapse: the model reads each row once.</li>
 *   <li><b>single arrivals</b> (as Poisson events per neuron): arrival k reaches {@link #target}(k) at
 *       {@link #offset}(k) with weight {@link #weight}(k) through input {@link #input}(k).</li>
 * </ul>
 * An input index points into the inputs the model was bound to; {@link #JUMP} is a delta synapse (the weight is added
 * to the membrane itself). A model that must follow a few neurons event by event marks them ({@link #want}) and
 * {@link #select}s their arrivals, which it then reads grouped by neuron in arrival order ({@link #first},
 * {@link #end}, {@link #selectedOffset}, ...).
 */
public final class Arrivals {
    /** Input index of a delta synapse: the weight is added to the membrane itself. */
    public static final int JUMP = -1;

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
    private double[] rowWeight = new double[16], rowOffset = new double[16], rowResponse = new double[16],
            rowGain = new double[16];
    private int rows, rowSynapses;      // rowSynapses: the rows' lengths summed
    private int[] flat = new int[16];   // every row's targets in row order, written by the reader of the rows

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

    /**
     * Appends a single arrival (targets[k], offset, weights[k], input) for every k in from..to: one presynaptic
     * spike's synapses with weights in double precision (what a plastic synapse transmits), copied because a row
     * references float weights ({@link #addRow}).
     */
    public void addEach(int[] targets, int from, int to, double[] weights, double offsetInStep, int inputIndex) {
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
     * {@code response} and {@code gain} are what an arrival of weight 1 at that time adds to the membrane and to the
     * input's filter state by the step's end ({@link ExactWithSynapses#arrivalGains}).
     */
    public void addRow(int[] targets, int from, int to, float[] weights, double w, double offsetInStep,
                       int inputIndex, double response, double gain) {
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
        rowResponse[r] = response;
        rowGain[r] = gain;
        rowSynapses += to - from;
    }

    /**
     * An array of at least the rows' total length for the one pass that reads every row ({@code delivery}) to write
     * each row's targets into, in row order, so that {@link #select} reads them from there (in cache) instead of
     * from the projections' arrays a second time.
     */
    public int[] flatTargets() {
        if (flat.length < rowSynapses) flat = new int[Math.max(rowSynapses, 2 * flat.length)];
        return flat;
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
        rowResponse = Arrays.copyOf(rowResponse, size);
        rowGain = Arrays.copyOf(rowGain, size);
    }

    /** True when the step has no arrival of either form. */
    public boolean isEmpty() { return count == 0 && rows == 0; }

    public int count() { return count; }
    public int target(int k) { return target[k]; }
    public double offset(int k) { return offset[k]; }
    public double weight(int k) { return weight[k]; }
    public int input(int k) { return input[k]; }

    public int rows() { return rows; }
    public int[] rowTargets(int r) { return rowTargets[r]; }
    /** Row r's weights, or null when {@link #rowWeight} applies to all its synapses. */
    public float[] rowWeights(int r) { return rowWeights[r]; }
    public double rowWeight(int r) { return rowWeight[r]; }
    public int rowFrom(int r) { return rowFrom[r]; }
    public int rowTo(int r) { return rowTo[r]; }
    public int rowInput(int r) { return rowInput[r]; }
    public double rowOffset(int r) { return rowOffset[r]; }
    public double rowResponse(int r) { return rowResponse[r]; }
    public double rowGain(int r) { return rowGain[r]; }

    public void clear() {
        count = 0;
        Arrays.fill(rowTargets, 0, rows, null);   // let the arrays go when a projection is dropped
        Arrays.fill(rowWeights, 0, rows, null);
        rows = 0;
        rowSynapses = 0;
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
     * by target. Each neuron's arrivals keep their arrival order, which is the same at any number of chunks.
     * {@code flatFilled}: the rows' targets are in {@link #flatTargets} (read there, sequentially), else they are read
     * in the projections' arrays.
     */
    public void select(boolean flatFilled) {
        selected = 0;
        if (wantedCount == 0) return;
        long[] bits = wanted;
        int base = wantedBase;
        for (int r = 0, p = 0; r < rows; r++) {
            int[] tg = flatFilled ? flat : rowTargets[r];
            int from = rowFrom[r], n = rowTo[r] - from, shift = flatFilled ? p - from : 0;
            for (int k = from + shift, end = from + shift + n; k < end; k++) {
                int b = tg[k] - base;
                if ((bits[b >>> 6] & (1L << (b & 63))) != 0) {
                    float[] ws = rowWeights[r];
                    take(tg[k], rowOffset[r], ws == null ? rowWeight[r] : ws[k - shift], rowInput[r]);
                }
            }
            p += n;
        }
        for (int k = 0; k < count; k++) {
            int b = target[k] - base;
            if ((bits[b >>> 6] & (1L << (b & 63))) != 0) take(target[k], offset[k], weight[k], input[k]);
        }
        sortSelectedByTarget();
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
    public int first(int neuron) {
        int lo = 0, hi = selected;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sTarget[mid] < neuron) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** After {@link #select}: one past neuron i's last selected arrival. */
    public int end(int neuron) {
        int p = first(neuron);
        while (p < selected && sTarget[p] == neuron) p++;
        return p;
    }

    public double selectedOffset(int p) { return sOffset[p]; }
    public double selectedWeight(int p) { return sWeight[p]; }
    public int selectedInput(int p) { return sInput[p]; }
}
