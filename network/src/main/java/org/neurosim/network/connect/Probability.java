package org.neurosim.network.connect;

import java.util.List;
import java.util.SplittableRandom;
import org.neurosim.core.connect.ConnectionContext;
import org.neurosim.core.connect.ConnectionRule;
import org.neurosim.core.connect.Connections;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.units.Dimension;

/**
 * {@code probability}: each (source, target) pair independently with probability p (Brian2's
 * {@code connect(p=...)}, NEST's pairwise_bernoulli), so the in-degree is Binomial(sources, p). Rows are drawn by
 * geometric skipping: the gap to the next target is floor(ln(1 - u) / ln(1 - p)), so the cost is proportional to
 * the synapses made, not to the pairs.
 */
public final class Probability implements ConnectionRule {
    @Override public String name() { return "probability"; }
    @Override public String description() { return "each pair independently with probability p"; }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.quantity("probability", Dimension.DIMENSIONLESS, null, "p, from 0 to 1"));
    }

    @Override
    public Connections create(ConnectionContext c, Parameters p) {
        double prob = p.get("probability");
        if (!(prob >= 0 && prob <= 1)) {
            throw new org.neurosim.core.InvalidInputException(c.key() + ".probability: expected a probability from 0 "
                    + "to 1, got " + p.text("probability"));
        }
        return connect(c, prob);
    }

    static Connections connect(ConnectionContext c, double p) {
        SplittableRandom random = c.random();
        int sources = c.sources(), targetCount = c.targets();
        IntList t = new IntList((long) (sources * (double) targetCount * p * 1.05) + 16);
        int[] rowStart = new int[sources + 1];
        double logQ = Math.log1p(-p);
        for (int j = 0; j < sources; j++) {
            if (p >= 1) {
                for (int i = 0; i < targetCount; i++) if (c.allowed(j, i)) t.add(i, c.key());
            } else if (p > 0) {
                int i = -1;
                while (true) {
                    double u = random.nextDouble();
                    long skip = (long) Math.floor(Math.log1p(-u) / logQ);
                    long next = i + 1 + skip;
                    if (next >= targetCount) break;
                    i = (int) next;
                    if (c.allowed(j, i)) t.add(i, c.key());
                }
            }
            rowStart[j + 1] = t.size;
        }
        return new Connections(rowStart, t.toArray(), null);
    }

    /** {@code all}: every pair (probability 1). */
    public static final class All implements ConnectionRule {
        @Override public String name() { return "all"; }
        @Override public String description() { return "every source to every target"; }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.flag("all", "true", "true (the short form {all: true})"));
        }

        @Override
        public Connections create(ConnectionContext c, Parameters p) {
            if (!p.flag("all")) throw new org.neurosim.core.InvalidInputException(c.key() + ".all: expected true");
            return connect(c, 1.0);
        }
    }
}
