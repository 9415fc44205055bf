package org.example.extension;

import java.util.List;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.connect.ConnectionContext;
import org.neurosim.core.connect.ConnectionRule;
import org.neurosim.core.connect.Connections;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;

/**
 * {@code ring}: neurons sit on a ring and each source j reaches the {@code neighbours} nearest targets on either
 * side, j +- 1 .. j +- k (mod N), and itself when autapses are allowed: the classic ring (or "bump attractor")
 * topology. Needs populations of equal size and 2k &lt; N, so every source has exactly 2k targets (2k + 1 with the
 * autapse).
 */
public final class RingRule implements ConnectionRule {
    @Override public String name() { return "ring"; }
    @Override public String description() { return "each neuron to its k nearest neighbours on either side of a ring"; }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("neighbours", "1", 1, 1_000_000, "k, neighbours on each side"));
    }

    @Override
    public Connections create(ConnectionContext c, Parameters p) {
        int k = p.getInt("neighbours");
        int n = c.sources();
        if (c.targets() != n) {
            throw new InvalidInputException(c.key() + ": ring needs populations of equal size, got " + n
                    + " sources and " + c.targets() + " targets");
        }
        if (2 * k >= n) {
            throw new InvalidInputException(c.key() + ".neighbours: expected 2 k below the ring's " + n
                    + " neurons, got k = " + k);
        }
        boolean self = c.autapses() || !c.samePopulation();
        int perRow = 2 * k + (self ? 1 : 0);
        int[] rowStart = new int[n + 1];
        int[] targets = new int[Connections.checkedCount((long) n * perRow, c.key())];
        int s = 0;
        for (int j = 0; j < n; j++) {
            int from = s;
            for (int d = -k; d <= k; d++) {
                if (d != 0 || self) targets[s++] = Math.floorMod(j + d, n);
            }
            java.util.Arrays.sort(targets, from, s);   // rows are sorted by target
            rowStart[j + 1] = s;
        }
        return new Connections(rowStart, targets, null);
    }
}
