package org.neurosim.network.build;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.param.Distribution;

/**
 * Per-synapse delays stored as rows grouped by delay: each source's synapses are reordered (stably, so targets
 * stay sorted within a group) into one row per distinct delay, and a spike is scheduled once per row, not once
 * per synapse. A synapse then costs its target and weight (8 bytes) and a row costs 6 (its first synapse, and
 * its delay in steps as a char: at most 65535 steps), which is below one byte per synapse as soon as a source's
 * synapses outnumber its distinct delays six to one (a row's source is found from {@code sourceRows}) (the microcircuit's hundreds to thousands of synapses per source and projection over ~30
 * delays).
 *
 * <p>Each delay is drawn from the distribution (in storage order, from its own stream), clipped to its bounds,
 * and rounded to whole steps of at least one step (../shared/spec/config.md: "A delay rounds to whole steps and
 * is at least one step"), as NEST and Brian2 do for heterogeneous delays.
 */
final class DelayRows {
    /** Rows: synapses {@code rowStart[r] .. rowStart[r+1])} are delayed {@code rowDelay[r]} steps. */
    final int[] rowStart;
    final char[] rowDelay;
    /** The rows of source j are {@code sourceRows[j] .. sourceRows[j+1])}, in increasing delay. */
    final int[] sourceRows;
    final int maxDelay;

    private DelayRows(int[] rowStart, char[] rowDelay, int[] sourceRows, int maxDelay) {
        this.rowStart = rowStart;
        this.rowDelay = rowDelay;
        this.sourceRows = sourceRows;
        this.maxDelay = maxDelay;
    }

    /** Most delay steps a synapse may have: delays beyond would make every spike wait in a ring of this many slots. */
    static final int MAX_STEPS = Character.MAX_VALUE;

    /**
     * Draws a delay per synapse and regroups {@code targets} (and {@code weights}, when given) in place.
     *
     * @param rowStart the connections' rows by source (CSR)
     */
    static DelayRows group(int[] rowStart, int[] targets, float[] weights, Distribution delay, double dt,
                           SplittableRandom random, String key) {
        return group(rowStart, targets, weights, s -> delay.sample(random), dt, key);
    }

    /**
     * The delay of a synapse in whole steps: {@code delay / dt} rounded, at least one step (a delay below one step,
     * 0 included, is raised to one).
     */
    static long steps(double delay, double dt) {
        return Math.max(1, Math.round(delay / dt));
    }

    /**
     * Regroups {@code targets} (and {@code weights}) in place by the delay of each synapse, {@code delayOf.applyAsDouble(s)}
     * seconds for synapse s, asked once per synapse in storage order (a distribution is drawn in that order).
     */
    static DelayRows group(int[] rowStart, int[] targets, float[] weights,
                           java.util.function.IntToDoubleFunction delayOf, double dt, String key) {
        int sources = rowStart.length - 1;
        int[] sourceRows = new int[sources + 1];
        int maxDelay = 1, widest = 0;
        for (int j = 0; j < sources; j++) widest = Math.max(widest, rowStart[j + 1] - rowStart[j]);
        Sorter sorter = new Sorter(targets, weights, sources, widest);
        int[] steps = sorter.steps;
        for (int j = 0; j < sources; j++) {
            int from = rowStart[j], n = rowStart[j + 1] - from;
            int lo = Integer.MAX_VALUE, hi = 0;
            for (int k = 0; k < n; k++) {
                double d = delayOf.applyAsDouble(from + k);
                if (d != d) throw new InvalidInputException(key + ": the delay distribution gave NaN");
                long s = steps(d, dt);
                if (s > MAX_STEPS) {
                    throw new InvalidInputException(key + ": a drawn delay of " + LoadContext.fmt(d) + " s is more than "
                            + MAX_STEPS + " steps; bound it with delay_max");
                }
                steps[k] = (int) s;
                lo = Math.min(lo, (int) s);
                hi = Math.max(hi, (int) s);
            }
            sourceRows[j] = sorter.rows;
            if (n == 0) continue;
            maxDelay = Math.max(maxDelay, hi);
            sorter.sort(from, n, lo, hi);
        }
        int rows = sorter.rows;
        sourceRows[sources] = rows;
        int[] rs = Arrays.copyOf(sorter.starts, rows + 1);
        rs[rows] = targets.length;
        return new DelayRows(rs, Arrays.copyOf(sorter.delays, rows), sourceRows, maxDelay);
    }

    /** The rows made so far (the start and delay of each) and the scratch of sorting one source's synapses. */
    private static final class Sorter {
        final int[] targets;
        final float[] weights;
        final int[] steps, tScratch;   // steps[k]: the delay of the source's k-th synapse, in steps
        final float[] wScratch;
        int[] starts;
        char[] delays;
        int rows;
        int[] count = new int[64];

        Sorter(int[] targets, float[] weights, int sources, int widest) {
            this.targets = targets;
            this.weights = weights;
            starts = new int[Math.max(16, sources + 1)];
            delays = new char[starts.length];
            steps = new int[widest];
            tScratch = new int[widest];
            wScratch = weights == null ? null : new float[widest];
        }

        /** Sorts synapses from .. from + n - 1 (delays steps[0 .. n - 1], from lo to hi) into a row per delay. */
        void sort(int from, int n, int lo, int hi) {
            // counting sort of the row by delay, stable: targets stay sorted inside each delay group
            int span = hi - lo + 1;
            if (count.length < span + 1) count = new int[Math.max(span + 1, 2 * count.length)];
            Arrays.fill(count, 0, span + 1, 0);
            for (int k = 0; k < n; k++) count[steps[k] - lo + 1]++;
            for (int b = 0; b < span; b++) {
                if (count[b + 1] == 0) {
                    count[b + 1] = count[b];
                    continue;
                }
                if (rows + 1 >= starts.length) {
                    int len = (int) Math.min(Integer.MAX_VALUE - 8, 2L * starts.length);
                    starts = Arrays.copyOf(starts, len);
                    delays = Arrays.copyOf(delays, len);
                }
                starts[rows] = from + count[b];
                delays[rows] = (char) (lo + b);
                rows++;
                count[b + 1] += count[b];
            }
            System.arraycopy(targets, from, tScratch, 0, n);
            if (weights != null) System.arraycopy(weights, from, wScratch, 0, n);
            for (int k = 0; k < n; k++) {
                int at = from + count[steps[k] - lo]++;
                targets[at] = tScratch[k];
                if (weights != null) weights[at] = wScratch[k];
            }
        }
    }

    /** Bytes held for the rows (the synapses' targets and weights not counted). */
    long bytes() {
        return 4L * (rowStart.length + sourceRows.length) + 2L * rowDelay.length;
    }
}
