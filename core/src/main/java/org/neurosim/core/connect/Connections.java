package org.neurosim.core.connect;

import java.util.Arrays;
import org.neurosim.core.InvalidInputException;

/**
 * A rule's result as compressed sparse rows by source: the targets of source j are
 * {@code targets[rowStart[j] .. rowStart[j+1])}, each row sorted ascending (a multapse repeats a target). A rule
 * that also fixes the weights (an explicit matrix) gives one per synapse in {@code weights}, in the units of its
 * input; otherwise {@code weights} is null and the projection's {@code weight} applies. A rule that fixes the delays
 * too (an explicit list of synapses) gives one per synapse in {@code delays}, in seconds; otherwise the projection's
 * {@code delay} applies.
 */
public final class Connections {
    /** At most this many synapses in one projection (int indices). */
    public static final int MAX = Integer.MAX_VALUE - 8;

    private final int[] rowStart;
    private final int[] targets;
    private final double[] weights;
    private final double[] delays;

    public Connections(int[] rowStart, int[] targets, double[] weights) {
        this(rowStart, targets, weights, null);
    }

    /** With a delay per synapse (seconds) when {@code delays} is not null. */
    public Connections(int[] rowStart, int[] targets, double[] weights, double[] delays) {
        if (rowStart.length == 0 || rowStart[0] != 0 || rowStart[rowStart.length - 1] != targets.length) {
            throw new IllegalArgumentException("rowStart must run from 0 to targets.length");
        }
        if (weights != null && weights.length != targets.length) {
            throw new IllegalArgumentException("one weight per synapse expected");
        }
        if (delays != null && delays.length != targets.length) {
            throw new IllegalArgumentException("one delay per synapse expected");
        }
        this.rowStart = rowStart;
        this.targets = targets;
        this.weights = weights;
        this.delays = delays;
    }

    public int[] rowStart() { return rowStart; }
    public int[] targets() { return targets; }
    /** Per-synapse weights, or null. */
    public double[] weights() { return weights; }
    /** Per-synapse delays in seconds, or null. */
    public double[] delays() { return delays; }
    public int count() { return targets.length; }
    public int sources() { return rowStart.length - 1; }

    /**
     * Connections from (source, target) pairs in any order: counted per source, then placed, and each row sorted
     * (a counting sort, linear in the number of synapses).
     */
    public static Connections fromPairs(int sources, int[] pairSources, int[] pairTargets, int count) {
        int[] rowStart = new int[sources + 1];
        for (int k = 0; k < count; k++) rowStart[pairSources[k] + 1]++;
        for (int j = 0; j < sources; j++) rowStart[j + 1] += rowStart[j];
        int[] fill = Arrays.copyOf(rowStart, sources);
        int[] targets = new int[count];
        for (int k = 0; k < count; k++) targets[fill[pairSources[k]]++] = pairTargets[k];
        for (int j = 0; j < sources; j++) Arrays.sort(targets, rowStart[j], rowStart[j + 1]);
        return new Connections(rowStart, targets, null);
    }

    /**
     * The dense matrix W (rows = targets) of these connections, for a rate projection: each synapse adds its own
     * weight times {@code unit} when the rule gave weights, else {@code weights[s]} (per synapse) or {@code weight}.
     */
    public double[][] toDense(int targetCount, float[] perSynapse, double weight, double unit) {
        double[][] m = new double[targetCount][sources()];
        for (int j = 0; j < sources(); j++) {
            for (int s = rowStart[j]; s < rowStart[j + 1]; s++) {
                m[targets[s]][j] += weights != null ? weights[s] * unit : perSynapse == null ? weight : perSynapse[s];
            }
        }
        return m;
    }

    /** Fails naming the key when a projection would hold more synapses than an int can index. */
    public static int checkedCount(long count, String key) {
        if (count > MAX) {
            throw new InvalidInputException(key + ": " + count + " synapses in one projection; at most " + MAX
                    + " are supported");
        }
        return (int) count;
    }
}
