package org.neurosim.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurosim.core.connect.ConnectionContext;
import org.neurosim.core.connect.ConnectionRule;
import org.neurosim.core.connect.Connections;
import org.neurosim.core.param.Parameters;

/**
 * What every connection-rule plugin must do, as tests its own test class inherits: targets inside the target
 * population, rows in order, no autapse within one population unless allowed, the same connections for the same
 * seed (runs are reproducible at any thread count).
 */
public abstract class ConnectionRuleContract {
    protected abstract ConnectionRule rule();

    /** The rule's parameters for the tests. */
    protected abstract Map<String, String> parameters();

    /** Sources and targets of the test projection (one population of 60 by default). */
    protected int sources() {
        return 60;
    }

    protected int targets() {
        return 60;
    }

    protected Connections connect(long seed, boolean autapses) {
        ConnectionRule r = rule();
        return r.create(new ConnectionContext("connect", sources(), targets(), sources() == targets(), autapses, false,
                new SplittableRandom(seed)), Parameters.resolve(r.parameters(), parameters(), "connect"));
    }

    @Test
    void targetsAreInsideThePopulationAndRowsInOrder() {
        Connections c = connect(1, false);
        int[] start = c.rowStart();
        assertThat(start).hasSize(sources() + 1);
        assertThat(start[0]).isZero();
        for (int j = 0; j < sources(); j++) assertThat(start[j + 1]).isGreaterThanOrEqualTo(start[j]);
        assertThat(start[sources()]).isEqualTo(c.count());
        for (int t : c.targets()) assertThat(t).isBetween(0, targets() - 1);
    }

    @Test
    void noAutapsesUnlessAllowed() {
        if (sources() != targets()) return;
        Connections c = connect(1, false);
        for (int j = 0; j < sources(); j++) {
            for (int s = c.rowStart()[j]; s < c.rowStart()[j + 1]; s++) {
                assertThat(c.targets()[s]).as("source " + j + " onto itself").isNotEqualTo(j);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameConnections() {
        Connections a = connect(7, false), b = connect(7, false);
        assertThat(b.rowStart()).isEqualTo(a.rowStart());
        assertThat(b.targets()).isEqualTo(a.targets());
    }
}
