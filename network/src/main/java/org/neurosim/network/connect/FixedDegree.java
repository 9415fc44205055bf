package org.neurosim.network.connect;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.connect.ConnectionContext;
import org.neurosim.core.connect.ConnectionRule;
import org.neurosim.core.connect.Connections;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;

/**
 * {@code in_degree: K}: each target receives exactly K sources; {@code out_degree: K} (the class {@link Out}):
 * each source reaches exactly K targets (NEST's fixed_indegree and fixed_outdegree). The K are distinct, drawn
 * uniformly by Floyd's algorithm, unless multapses are allowed: then they are K independent uniform draws. An
 * excluded autapse is removed from the candidates, not redrawn.
 */
public final class FixedDegree implements ConnectionRule {
    @Override public String name() { return "in_degree"; }
    @Override public String description() { return "each target receives exactly K sources"; }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("in_degree", null, 0, Integer.MAX_VALUE, "K, sources per target"));
    }

    @Override
    public Connections create(ConnectionContext c, Parameters p) {
        int k = p.getInt("in_degree");
        // src[i * k + q] is a source of target i: count per source, then place (targets come out sorted)
        int[] src = draw(c, c.targets(), c.sources(), k, "in_degree");
        int sources = c.sources();
        int[] rowStart = new int[sources + 1];
        for (int s : src) rowStart[s + 1]++;
        for (int j = 0; j < sources; j++) rowStart[j + 1] += rowStart[j];
        int[] fill = Arrays.copyOf(rowStart, sources);
        int[] targets = new int[src.length];
        for (int i = 0; i < c.targets(); i++) {
            for (int q = 0; q < k; q++) targets[fill[src[i * k + q]]++] = i;
        }
        return new Connections(rowStart, targets, null);
    }

    /** {@code out_degree: K}: each source reaches exactly K targets. */
    public static final class Out implements ConnectionRule {
        @Override public String name() { return "out_degree"; }
        @Override public String description() { return "each source reaches exactly K targets"; }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.integer("out_degree", null, 0, Integer.MAX_VALUE, "K, targets per source"));
        }

        @Override
        public Connections create(ConnectionContext c, Parameters p) {
            int k = p.getInt("out_degree");
            int[] tgt = draw(c, c.sources(), c.targets(), k, "out_degree");
            int[] rowStart = new int[c.sources() + 1];
            for (int j = 0; j < c.sources(); j++) {
                rowStart[j + 1] = (j + 1) * k;
                Arrays.sort(tgt, j * k, (j + 1) * k);
            }
            return new Connections(rowStart, tgt, null);
        }
    }

    /**
     * For each of {@code owners} neurons, k partners among {@code candidates}: out[o * k + q]. The neuron o
     * itself is skipped (its index shifted past) when autapses are excluded within one population.
     */
    static int[] draw(ConnectionContext c, int owners, int candidates, int k, String rule) {
        boolean self = !c.autapses() && c.samePopulation();
        int available = self ? candidates - 1 : candidates;
        if (k > available && !c.multapses()) {
            throw new InvalidInputException(c.key() + ": " + rule + " " + k + " exceeds the " + available + " available "
                    + (rule.equals("in_degree") ? "sources" : "targets") + "; allow multapses or lower it");
        }
        if (k > 0 && available <= 0) {
            throw new InvalidInputException(c.key() + ": " + rule + " " + k + " with no available partner");
        }
        int total = Connections.checkedCount((long) k * owners, c.key());
        SplittableRandom random = c.random();
        int[] out = new int[total];
        int[] stamp = new int[Math.max(available, 1)];   // stamp[x] == o + 1: candidate x already chosen for o
        int[] pick = new int[k];
        for (int o = 0; o < owners; o++) {
            if (c.multapses()) {
                for (int q = 0; q < k; q++) pick[q] = random.nextInt(available);
            } else {
                int n = 0;
                // Floyd's algorithm over the available candidates
                for (int r = available - k; r < available; r++) {
                    int x = random.nextInt(r + 1);
                    int candidate = stamp[x] == o + 1 ? r : x;
                    stamp[candidate] = o + 1;
                    pick[n++] = candidate;
                }
            }
            for (int q = 0; q < k; q++) {
                int s = pick[q];
                if (self && s >= o) s++;
                out[o * k + q] = s;
            }
        }
        return out;
    }
}
