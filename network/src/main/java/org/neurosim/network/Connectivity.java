package org.neurosim.network;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.neurosim.core.InvalidInputException;

/**
 * Connection rules producing compressed sparse rows by source: {@code rowStart[j]..rowStart[j+1]} index the
 * targets of source j, each row sorted. Random rules draw from the given generator only, so a seed fixes the
 * network.
 */
final class Connectivity {
    final int[] rowStart;
    final int[] targets;

    private Connectivity(int[] rowStart, int[] targets) {
        this.rowStart = rowStart;
        this.targets = targets;
    }

    int count() {
        return targets.length;
    }

    /** Each pair independently with probability p; rows drawn by geometric skipping (cost ~ synapses, not pairs). */
    static Connectivity probability(int sources, int targetCount, double p, boolean autapses, boolean samePopulation,
                                    SplittableRandom random, String key) {
        IntList t = new IntList(Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8, (long) (sources * (double) targetCount * p * 1.05) + 16)));
        int[] rowStart = new int[sources + 1];
        double logQ = Math.log1p(-p);
        for (int j = 0; j < sources; j++) {
            if (p >= 1) {
                for (int i = 0; i < targetCount; i++) if (autapses || !samePopulation || i != j) t.add(i, key);
            } else if (p > 0) {
                int i = -1;
                while (true) {
                    double u = random.nextDouble();
                    long skip = (long) Math.floor(Math.log1p(-u) / logQ);
                    long next = i + 1 + skip;
                    if (next >= targetCount) break;
                    i = (int) next;
                    if (autapses || !samePopulation || i != j) t.add(i, key);
                }
            }
            rowStart[j + 1] = t.size;
        }
        return new Connectivity(rowStart, t.toArray());
    }

    static Connectivity all(int sources, int targetCount, boolean autapses, boolean samePopulation, String key) {
        return probability(sources, targetCount, 1.0, autapses, samePopulation, null, key);
    }

    static Connectivity oneToOne(int sources, int targetCount, String key) {
        if (sources != targetCount) {
            throw new InvalidInputException(key + ": one_to_one needs populations of equal size, got " + sources
                    + " sources and " + targetCount + " targets");
        }
        int[] rowStart = new int[sources + 1];
        int[] targets = new int[sources];
        for (int j = 0; j < sources; j++) {
            rowStart[j + 1] = j + 1;
            targets[j] = j;
        }
        return new Connectivity(rowStart, targets);
    }

    /** Each target receives exactly k distinct sources chosen uniformly (Floyd's sampling). */
    static Connectivity inDegree(int sources, int targetCount, int k, boolean autapses, boolean samePopulation,
                                 SplittableRandom random, String key) {
        int available = (autapses || !samePopulation) ? sources : sources - 1;
        if (k > available) {
            throw new InvalidInputException(key + ": in_degree " + k + " exceeds the " + available
                    + " available sources");
        }
        long total = (long) k * targetCount;
        if (total > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException(key + ": " + total + " synapses in one projection; at most "
                    + (Integer.MAX_VALUE - 8) + " are supported");
        }
        int[] src = new int[(int) total];
        int[] count = new int[sources];
        int[] stamp = new int[Math.max(available, 1)];   // stamp[c] == i + 1: candidate c already chosen for target i
        int[] pick = new int[k];
        for (int i = 0; i < targetCount; i++) {
            int n = 0;
            // Floyd's algorithm over the available sources, skipping i itself when autapses are excluded
            for (int r = available - k; r < available; r++) {
                int c = random.nextInt(r + 1);
                int candidate = stamp[c] == i + 1 ? r : c;
                stamp[candidate] = i + 1;
                pick[n++] = candidate;
            }
            for (int q = 0; q < k; q++) {
                int s = pick[q];
                if (!(autapses || !samePopulation) && s >= i) s++;
                src[i * k + q] = s;
                count[s]++;
            }
        }
        int[] rowStart = new int[sources + 1];
        for (int j = 0; j < sources; j++) rowStart[j + 1] = rowStart[j] + count[j];
        int[] fill = Arrays.copyOf(rowStart, sources);
        int[] targets = new int[(int) total];
        for (int i = 0; i < targetCount; i++) {
            for (int q = 0; q < k; q++) targets[fill[src[i * k + q]]++] = i;   // targets come out sorted per row
        }
        return new Connectivity(rowStart, targets);
    }

    /** The nonzero entries of a dense matrix W (rows = targets, columns = sources), with their weights. */
    static Connectivity fromMatrix(double[][] w, int sources, float[][] weightsOut) {
        int[] rowStart = new int[sources + 1];
        int n = 0;
        for (int j = 0; j < sources; j++) {
            for (double[] row : w) if (row[j] != 0) n++;
            rowStart[j + 1] = n;
        }
        int[] targets = new int[n];
        float[] weights = new float[n];
        int k = 0;
        for (int j = 0; j < sources; j++) {
            for (int i = 0; i < w.length; i++) {
                if (w[i][j] != 0) {
                    targets[k] = i;
                    weights[k++] = (float) w[i][j];
                }
            }
        }
        weightsOut[0] = weights;
        return new Connectivity(rowStart, targets);
    }

    /** The dense matrix of this connectivity with the given weights (rows = targets). */
    double[][] toMatrix(int targetCount, float[] weights, double weight) {
        double[][] m = new double[targetCount][rowStart.length - 1];
        for (int j = 0; j + 1 < rowStart.length; j++) {
            for (int s = rowStart[j]; s < rowStart[j + 1]; s++) {
                m[targets[s]][j] += weights == null ? weight : weights[s];
            }
        }
        return m;
    }

    /** A growable int array. */
    static final class IntList {
        int[] a;
        int size;

        IntList(int capacity) {
            a = new int[capacity];
        }

        void add(int v, String key) {
            if (size == a.length) {
                if (a.length >= Integer.MAX_VALUE - 8) {
                    throw new InvalidInputException(key + ": more than " + (Integer.MAX_VALUE - 8)
                            + " synapses in one projection are not supported");
                }
                a = Arrays.copyOf(a, (int) Math.min(Integer.MAX_VALUE - 8, 2L * a.length));
            }
            a[size++] = v;
        }

        int[] toArray() {
            return size == a.length ? a : Arrays.copyOf(a, size);
        }
    }
}
