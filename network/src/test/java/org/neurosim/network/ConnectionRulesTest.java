package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurosim.core.connect.ConnectionContext;
import org.neurosim.core.connect.Connections;
import org.neurosim.core.param.Parameters;
import org.neurosim.network.connect.FixedDegree;
import org.neurosim.network.connect.FixedTotal;
import org.neurosim.network.engine.SparseProjection;

/** The rules of the second round (../shared/spec/config.md, "Additions"): out_degree, total, the flags. */
class ConnectionRulesTest {
    static Connections rule(org.neurosim.core.connect.ConnectionRule r, int k, int sources, int targets,
                            boolean same, boolean autapses, boolean multapses, long seed) {
        ConnectionContext c = new ConnectionContext("c", sources, targets, same, autapses, multapses,
                new SplittableRandom(seed));
        return r.create(c, Parameters.resolve(r.parameters(), java.util.Map.of(r.name(), String.valueOf(k)), "c"));
    }

    @Test
    void outDegreeGivesEachSourceExactlyKDistinctTargetsAndNoAutapse() {
        Connections c = rule(new FixedDegree.Out(), 17, 300, 300, true, false, false, 5);
        assertThat(c.count()).isEqualTo(300 * 17);
        for (int j = 0; j < 300; j++) {
            assertThat(c.rowStart()[j + 1] - c.rowStart()[j]).isEqualTo(17);
            Set<Integer> seen = new HashSet<>();
            for (int s = c.rowStart()[j]; s < c.rowStart()[j + 1]; s++) {
                assertThat(c.targets()[s]).isNotEqualTo(j).isBetween(0, 299);
                assertThat(seen.add(c.targets()[s])).isTrue();
                if (s > c.rowStart()[j]) assertThat(c.targets()[s]).isGreaterThan(c.targets()[s - 1]);
            }
        }
    }

    @Test
    void inDegreeWithMultapsesStillGivesExactlyK() {
        // with multapses the K are drawn with replacement: K = 30 of 40 sources repeats some (birthday problem)
        Connections c = rule(new FixedDegree(), 30, 40, 200, false, false, true, 9);
        int[] in = new int[200];
        for (int t : c.targets()) in[t]++;
        assertThat(in).containsOnly(30);
        assertThatThrownBy(() -> rule(new FixedDegree(), 41, 40, 200, false, false, false, 9))
                .hasMessageContaining("c: in_degree 41 exceeds the 40 available sources");
    }

    @Test
    void totalDrawsExactlyNAndRepeatsPairsAtTheBirthdayRate() {
        // N = 5000 synapses over M = 100 x 100 pairs drawn uniformly with replacement: the expected number of distinct
        // pairs is M (1 - (1 - 1/M)^N) = 3935.0, with variance M e^-l (1 - (1 + l) e^-l) = 547 (l = N/M = 0.5,
        // occupancy of M bins), so the repeats lie within 5 sd (117) of 1065.0
        Connections c = rule(new FixedTotal(), 5000, 100, 100, false, false, true, 3);
        assertThat(c.count()).isEqualTo(5000);
        double expectedDistinct = 10_000 * (1 - Math.pow(1 - 1e-4, 5000));
        assertThat((double) distinctPairs(c)).isBetween(expectedDistinct - 117, expectedDistinct + 117);
        // without multapses every pair is distinct, and N above the pair count is refused
        Connections once = rule(new FixedTotal(), 5000, 100, 100, false, false, false, 3);
        assertThat(distinctPairs(once)).isEqualTo(5000);
        assertThatThrownBy(() -> rule(new FixedTotal(), 10_001, 100, 100, false, false, false, 3))
                .hasMessageContaining("exceeds the 10000 distinct pairs");
        // within one population and no autapses, i -> i never occurs
        Connections noSelf = rule(new FixedTotal(), 3000, 60, 60, true, false, true, 4);
        for (int j = 0; j < 60; j++) {
            for (int s = noSelf.rowStart()[j]; s < noSelf.rowStart()[j + 1]; s++) {
                assertThat(noSelf.targets()[s]).isNotEqualTo(j);
            }
        }
    }

    static int distinctPairs(Connections c) {
        Set<Long> pairs = new HashSet<>();
        for (int j = 0; j < c.sources(); j++) {
            for (int s = c.rowStart()[j]; s < c.rowStart()[j + 1]; s++) pairs.add((long) j * 1_000_000 + c.targets()[s]);
        }
        return pairs.size();
    }

    @Test
    void configFormsShortLongAndFlags() {
        String net = """
                duration: 1 ms
                populations:
                  a: {model: lif, size: 50}
                  b: {model: lif, size: 80}
                projections:
                  - {from: a, to: b, connect: {total: 1234, multapses: true}, weight: 0.1}
                  - {from: a, to: a, connect: {rule: out_degree, out_degree: 7}, weight: 0.1}
                  - {from: b, to: b, connect: {all: true, autapses: true}, weight: 0.1}
                  - {from: b, to: b, connect: {all: true}, weight: 0.1}
                """;
        Network n = Nets.build(net);
        assertThat(n.projections()).extracting(p -> p.synapseCount())
                .containsExactly(1234L, 50L * 7, 80L * 80, 80L * 79);   // autapses: false by default within one population
        SparseProjection outDegree = (SparseProjection) n.engineProjections().get(1);
        for (int j = 0; j < 50; j++) {
            for (int s = outDegree.rowStart()[j]; s < outDegree.rowStart()[j + 1]; s++) {
                assertThat(outDegree.targets()[s]).isNotEqualTo(j);
            }
        }
    }

    @Test
    void misspeltRuleParameterOrUnknownRuleNamesTheKnownOnes() {
        String base = "duration: 1 ms\npopulations:\n  a: {model: lif, size: 5}\nprojections:\n  - {from: a, to: a, weight: 0.1, connect: ";
        assertThatThrownBy(() -> Nets.build(base + "{rule: total, totl: 5}}\n"))
                .hasMessage("projections[0].connect.totl: unknown parameter (did you mean 'total'?); known parameters: total");
        assertThatThrownBy(() -> Nets.build(base + "{rule: ring}}\n"))
                .hasMessageStartingWith("projections[0].connect.rule: unknown connection rule 'ring'; known connection "
                        + "rules: all, in_degree, one_to_one, out_degree, probability, total, weights");
        assertThatThrownBy(() -> Nets.build(base + "{out_degre: 3}}\n"))
                .hasMessageStartingWith("projections[0].connect.out_degre: unknown key (did you mean 'out_degree'?); expected one of all, in_degree");
    }
}
