package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.neurosim.core.connect.ConnectionContext;
import org.neurosim.core.connect.ConnectionRule;
import org.neurosim.core.connect.Connections;
import org.neurosim.core.param.DataValue;
import org.neurosim.core.param.Parameters;
import org.neurosim.network.connect.ExplicitWeights;
import org.neurosim.network.connect.FixedDegree;
import org.neurosim.network.connect.OneToOne;
import org.neurosim.network.connect.Probability;

/** The connection rules of ../shared/spec/config.md. */
class ConnectivityTest {
    static int[] inDegrees(Connections c, int targets) {
        int[] d = new int[targets];
        for (int t : c.targets()) d[t]++;
        return d;
    }

    /** The rule with its main parameter, on a projection of the given sizes. */
    static Connections connect(ConnectionRule rule, Object value, int sources, int targets, boolean autapses,
                               boolean same, SplittableRandom random, String key) {
        ConnectionContext c = new ConnectionContext(key, sources, targets, same, autapses, false, random);
        return rule.create(c, Parameters.resolve(rule.parameters(), Map.of(rule.name(), value), key));
    }

    @Test
    void allConnectsEveryPairAndCanExcludeAutapses() {
        assertThat(connect(new Probability.All(), "true", 30, 20, true, false, null, "c").count()).isEqualTo(600);
        Connections noSelf = connect(new Probability.All(), "true", 30, 30, false, true, null, "c");
        assertThat(noSelf.count()).isEqualTo(30 * 29);
        for (int j = 0; j < 30; j++) {
            for (int s = noSelf.rowStart()[j]; s < noSelf.rowStart()[j + 1]; s++) {
                assertThat(noSelf.targets()[s]).isNotEqualTo(j);
            }
        }
    }

    @Test
    void oneToOne() {
        Connections c = connect(new OneToOne(), "true", 50, 50, true, false, null, "c");
        assertThat(c.count()).isEqualTo(50);
        for (int j = 0; j < 50; j++) assertThat(c.targets()[c.rowStart()[j]]).isEqualTo(j);
        assertThatThrownBy(() -> connect(new OneToOne(), "true", 5, 6, true, false, null, "projections[0].connect"))
                .hasMessageContaining("projections[0].connect").hasMessageContaining("equal size");
    }

    @Test
    void inDegreeGivesEachTargetExactlyKDistinctSources() {
        Connections c = connect(new FixedDegree(), "25", 200, 300, false, true, new SplittableRandom(3), "c");
        assertThat(c.count()).isEqualTo(300 * 25);
        assertThat(inDegrees(c, 300)).containsOnly(25);
        Set<Long> pairs = new HashSet<>();
        for (int j = 0; j < 200; j++) {
            for (int s = c.rowStart()[j]; s < c.rowStart()[j + 1]; s++) {
                assertThat(c.targets()[s]).isNotEqualTo(j);   // no autapses
                assertThat(pairs.add((long) j * 1000 + c.targets()[s])).isTrue();   // no duplicates
            }
        }
    }

    @Test
    void probabilityGivesBinomialCountsAndInDegrees() {
        int n = 2000, m = 1500;
        double p = 0.05;
        Connections c = connect(new Probability(), "0.05", n, m, true, false, new SplittableRandom(11), "c");
        // total ~ Binomial(n m, p): mean 150,000, sd 377; 5 sd bounds
        double mean = n * (double) m * p, sd = Math.sqrt(mean * (1 - p));
        assertThat((double) c.count()).isBetween(mean - 5 * sd, mean + 5 * sd);
        // each in-degree ~ Binomial(n, p): mean 100, variance 95
        SummaryStatistics s = new SummaryStatistics();
        for (int d : inDegrees(c, m)) s.addValue(d);
        BinomialDistribution b = new BinomialDistribution(n, p);
        assertThat(s.getMean()).isBetween(b.getNumericalMean() - 5 * Math.sqrt(b.getNumericalVariance() / m),
                b.getNumericalMean() + 5 * Math.sqrt(b.getNumericalVariance() / m));
        // the sample variance of 1500 binomial in-degrees lies within 20% of n p (1 - p)
        assertThat(s.getVariance()).isBetween(0.8 * b.getNumericalVariance(), 1.2 * b.getNumericalVariance());
        // rows are sorted and in range
        for (int j = 0; j < n; j++) {
            for (int k = c.rowStart()[j] + 1; k < c.rowStart()[j + 1]; k++) {
                assertThat(c.targets()[k]).isGreaterThan(c.targets()[k - 1]);
            }
        }
    }

    @Test
    void probabilityZeroAndOne() {
        assertThat(connect(new Probability(), "0", 100, 100, true, false, new SplittableRandom(1), "c").count()).isZero();
        assertThat(connect(new Probability(), "1", 100, 100, true, false, new SplittableRandom(1), "c").count())
                .isEqualTo(10_000);
    }

    @Test
    void explicitMatrixKeepsItsNonzeroEntries() {
        double[][] w = {{0, 2, 0}, {1, 0, -3}};
        java.util.List<Object> rows = java.util.List.of(java.util.List.of("0", "2", "0"), java.util.List.of("1", "0", "-3"));
        Connections c = connect(new ExplicitWeights(), new DataValue(rows, "c.weights", null), 3, 2, true, false,
                null, "c");
        assertThat(c.count()).isEqualTo(3);
        assertThat(c.toDense(2, null, 0, 1.0)).isDeepEqualTo(w);
    }
}
