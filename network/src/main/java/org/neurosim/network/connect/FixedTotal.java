package org.neurosim.network.connect;

import java.util.List;
import java.util.SplittableRandom;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.connect.ConnectionContext;
import org.neurosim.core.connect.ConnectionRule;
import org.neurosim.core.connect.Connections;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;

/**
 * {@code total: N}: N synapses, the source and the target of each drawn uniformly and independently (NEST's
 * fixed_total_number, as the published microcircuit uses it with multapses allowed). An excluded autapse is
 * redrawn; without multapses a pair drawn twice is redrawn, which needs N at most the number of allowed pairs.
 * With multapses, the expected number of pairs drawn more than once is about N^2 / (2 S T) for N &lt;&lt; S T.
 */
public final class FixedTotal implements ConnectionRule {
    @Override public String name() { return "total"; }
    @Override public String description() { return "N synapses with uniformly drawn sources and targets"; }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("total", null, 0, Connections.MAX, "N, synapses in the projection"));
    }

    @Override
    public Connections create(ConnectionContext c, Parameters p) {
        int n = p.getInt("total");
        long pairs = (long) c.sources() * c.targets() - (c.samePopulation() && !c.autapses() ? c.sources() : 0);
        if (n > 0 && pairs <= 0) throw new InvalidInputException(c.key() + ": total " + n + " with no allowed pair");
        if (!c.multapses() && n > pairs) {
            throw new InvalidInputException(c.key() + ": total " + n + " exceeds the " + pairs
                    + " distinct pairs; allow multapses or lower it");
        }
        SplittableRandom random = c.random();
        int[] src = new int[n], tgt = new int[n];
        LongSet seen = c.multapses() ? null : new LongSet(n);
        for (int k = 0; k < n; k++) {
            int s, t;
            do {
                s = random.nextInt(c.sources());
                t = random.nextInt(c.targets());
            } while (!c.allowed(s, t) || (seen != null && !seen.add((long) s * c.targets() + t)));
            src[k] = s;
            tgt[k] = t;
        }
        return Connections.fromPairs(c.sources(), src, tgt, n);
    }

    /** An open-addressing set of non-negative longs (no boxing), for pairs already drawn. */
    private static final class LongSet {
        private final long[] slots;
        private final int mask;

        LongSet(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, 2L * expected)) - 1) << 1;
            slots = new long[cap];
            java.util.Arrays.fill(slots, -1);
            mask = cap - 1;
        }

        boolean add(long v) {
            int h = (int) ((v * 0x9E3779B97F4A7C15L) >>> 33) & mask;
            while (slots[h] != -1) {
                if (slots[h] == v) return false;
                h = (h + 1) & mask;
            }
            slots[h] = v;
            return true;
        }
    }
}
