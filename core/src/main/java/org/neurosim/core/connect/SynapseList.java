package org.neurosim.core.connect;

import java.util.function.IntFunction;
import org.neurosim.core.InvalidInputException;

/**
 * Synapses given one by one as parallel arrays: synapse k runs from neuron {@code sources[k]} of the source population
 * to neuron {@code targets[k]} of the target population, with weight {@code weights[k]} and delay {@code delays[k]}
 * when those are given (null: the projection's {@code weight} or {@code delay} applies, as for any rule). The synapses
 * come in any order; a pair given twice is two synapses (a multapse). Weights and delays are numbers in the units
 * the projection names ({@link #toConnections}), so that one array crosses from NumPy, a CSV file or Java code as it
 * is.
 *
 * <p>A config names a list registered with the loader as {@code connect: {arrays: KEY}} (see
 * {@code NetworkLoader.build(tree, baseDir, registry, arrays)}); {@code connect: {list: FILE.csv}} reads one from a
 * file.
 */
public final class SynapseList {
    private final int[] sources;
    private final int[] targets;
    private final double[] weights;
    private final double[] delays;

    /**
     * @param weights one per synapse, or null
     * @param delays  one per synapse, or null
     */
    public SynapseList(int[] sources, int[] targets, double[] weights, double[] delays) {
        if (sources == null || targets == null) throw new IllegalArgumentException("sources and targets are required");
        int n = sources.length;
        if (targets.length != n || (weights != null && weights.length != n) || (delays != null && delays.length != n)) {
            throw new IllegalArgumentException("sources, targets, weights and delays must have one entry per synapse: "
                    + n + " sources, " + targets.length + " targets, " + (weights == null ? "no" : weights.length)
                    + " weights, " + (delays == null ? "no" : delays.length) + " delays");
        }
        this.sources = sources;
        this.targets = targets;
        this.weights = weights;
        this.delays = delays;
    }

    public int count() { return sources.length; }
    public int[] sources() { return sources; }
    public int[] targets() { return targets; }
    /** The weights, or null. */
    public double[] weights() { return weights; }
    /** The delays, or null. */
    public double[] delays() { return delays; }

    /** Bytes held by the arrays. */
    public long bytes() {
        return 8L * count() + (weights == null ? 0 : 8L * count()) + (delays == null ? 0 : 8L * count());
    }

    /**
     * These synapses as compressed rows by source, each row sorted by target (a pair given more than once keeps the
     * given order), with each weight times {@code weightUnit} and each delay times {@code delayUnit} (into SI).
     * Every index must lie in its population and every weight and delay be finite, a delay also at least 0; the
     * first synapse that is not names itself through {@code where} ("projections[3].connect.arrays: synapse 17").
     * Two stable counting sorts, by target then by source: linear in the synapses.
     */
    public Connections toConnections(int sourceCount, int targetCount, double weightUnit, double delayUnit,
                                     IntFunction<String> where) {
        int n = count();
        for (int k = 0; k < n; k++) {
            int s = sources[k], t = targets[k];
            if (s < 0 || s >= sourceCount) {
                throw new InvalidInputException(where.apply(k) + ": source " + s + " is not a neuron of the source "
                        + "population (0 to " + (sourceCount - 1) + ")");
            }
            if (t < 0 || t >= targetCount) {
                throw new InvalidInputException(where.apply(k) + ": target " + t + " is not a neuron of the target "
                        + "population (0 to " + (targetCount - 1) + ")");
            }
            if (weights != null && !Double.isFinite(weights[k])) {
                throw new InvalidInputException(where.apply(k) + ": expected a finite weight, got " + weights[k]);
            }
            if (delays != null && !(delays[k] >= 0 && delays[k] < Double.POSITIVE_INFINITY)) {
                throw new InvalidInputException(where.apply(k) + ": expected a finite delay >= 0, got " + delays[k]);
            }
        }
        int[] byTarget = new int[n];
        {
            int[] fill = new int[targetCount + 1];
            for (int k = 0; k < n; k++) fill[targets[k] + 1]++;
            for (int t = 0; t < targetCount; t++) fill[t + 1] += fill[t];
            for (int k = 0; k < n; k++) byTarget[fill[targets[k]]++] = k;
        }
        int[] rowStart = new int[sourceCount + 1];
        for (int k = 0; k < n; k++) rowStart[sources[k] + 1]++;
        for (int j = 0; j < sourceCount; j++) rowStart[j + 1] += rowStart[j];
        int[] fill = java.util.Arrays.copyOf(rowStart, sourceCount);
        int[] tg = new int[n];
        double[] w = weights == null ? null : new double[n];
        double[] d = delays == null ? null : new double[n];
        for (int q = 0; q < n; q++) {
            int k = byTarget[q];
            int at = fill[sources[k]]++;
            tg[at] = targets[k];
            if (w != null) w[at] = weights[k] * weightUnit;
            if (d != null) d[at] = delays[k] * delayUnit;
        }
        return new Connections(rowStart, tg, w, d);
    }
}
