package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosim.network.engine.SparseProjection;

/** Brian2's connect with a condition and a probability expression (../shared/spec/config.md, third round). */
class ConnectExpressionTest {
    static final String NET = """
            dt: 0.1 ms
            duration: 1 ms
            seed: %d
            threads: %d
            populations:
              a: {model: lif, size: %d, positions: {x: "i*10*um"}}
            projections:
              - {from: a, to: a, connect: %s, weight: 0.1, synapse: {kernel: delta}}
            """;

    static Network net(String connect, int size, long seed, int threads) {
        return Nets.build(NET.formatted(seed, threads, size, connect));
    }

    /** The synapses as sorted "source target" pairs (with repeats). */
    static List<Long> pairs(Network net) {
        SparseProjection pr = (SparseProjection) net.engineProjections().get(0);
        int[] s = pr.sources(), t = pr.targets();
        List<Long> out = new ArrayList<>();
        for (int k = 0; k < pr.synapseCount(); k++) out.add(s[k] * 1_000_000L + t[k]);
        out.sort(null);
        return out;
    }

    @Test
    void iNotJGivesEveryPairButTheAutapses() {
        List<Long> p = pairs(net("{condition: \"i != j\", autapses: true}", 30, 1, 1));
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) for (int j = 0; j < 30; j++) if (i != j) expected.add(i * 1_000_000L + j);
        assertThat(p).isEqualTo(expected);
    }

    @Test
    void aBandConditionGivesExactlyTheBand() {
        List<Long> p = pairs(net("{condition: \"abs(i - j) <= 2\", autapses: true}", 40, 1, 1));
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) for (int j = 0; j < 40; j++) if (Math.abs(i - j) <= 2) expected.add(i * 1_000_000L + j);
        assertThat(p).isEqualTo(expected);
    }

    @Test
    void nMakesThatManySynapsesPerAcceptedPair() {
        List<Long> p = pairs(net("{condition: \"j == i + 1\", n: 3}", 10, 1, 1));
        // j == i + 1: nine pairs, three synapses each
        assertThat(p).hasSize(27);
        for (int k = 0; k < 27; k++) {
            long pair = p.get(k);
            assertThat(pair % 1_000_000L).isEqualTo(pair / 1_000_000L + 1);
            assertThat(p.get(k - k % 3)).isEqualTo(pair);
        }
    }

    @Test
    void aDistanceDependentProbabilityGivesTheClosedFormCountAtEachDistance() {
        // neurons on a line 10 um apart (positions: {x: "i*10*um"}, y = z = 0): p(d) = 0.8 exp(-d^2 / (2 (100 um)^2)), d = |i - j| * 10 um; the pairs at
        // distance index m >= 1 number 2 (N - m), so the count there is Binomial(2 (N - m), p) and lies within 5 SE
        int n = 400;
        List<Long> p = pairs(net("{probability: \"0.8*exp(-((x_pre - x_post)**2 + (y_pre - y_post)**2)/(2*(100*um)**2))\"}", n, 7, 1));
        int[] count = new int[n];
        for (long pair : p) count[(int) Math.abs(pair / 1_000_000L - pair % 1_000_000L)]++;
        assertThat(count[0]).isZero();   // no autapses by default
        for (int m = 1; m < 60; m++) {
            double d = m * 10e-6;
            double prob = 0.8 * Math.exp(-d * d / (2 * 1e-4 * 1e-4));
            double pairsAt = 2.0 * (n - m);
            double mean = pairsAt * prob, se = Math.sqrt(pairsAt * prob * (1 - prob));
            assertThat((double) count[m]).as("distance %d", m).isBetween(mean - 5 * se - 1e-9, mean + 5 * se + 1e-9);
        }
    }

    @Test
    void theSameSynapsesAtOneAndTwoThreadsAndForARepeatedSeed() {
        String c = "{condition: \"i != j\", probability: \"0.3*exp(-abs(i - j)/50)\"}";
        List<Long> one = pairs(net(c, 200, 11, 1));
        assertThat(one).isNotEmpty();
        assertThat(pairs(net(c, 200, 11, 2))).isEqualTo(one);
        assertThat(pairs(net(c, 200, 11, 1))).isEqualTo(one);
        assertThat(pairs(net(c, 200, 12, 1))).isNotEqualTo(one);
    }

    @Test
    void positionsAreLengthsPerNeuronFromConstantsListsDistributionsAndExpressions() {
        String yaml = """
                dt: 0.1 ms
                duration: 1 ms
                seed: 4
                populations:
                  a: {model: lif, size: 3, positions: {x: [0 um, 5 um, 7 um], y: "uniform(0 um, 1 um)", z: 2 um}}
                  b: {model: lif, size: 3}
                projections:
                  - {from: a, to: b, connect: {condition: "x_pre == 5*um and z_pre > 1*um"}, weight: 0.1,
                     synapse: {kernel: delta}}
                """;
        assertThatThrownBy(() -> Nets.build(yaml)).hasMessageContaining("projections[0].connect.condition");
        List<Long> p = pairs(Nets.build(yaml.replace("x_pre == 5*um and z_pre > 1*um", "x_pre == 5*um")));
        assertThat(p).containsExactly(1_000_000L, 1_000_001L, 1_000_002L);
        List<Long> q = pairs(Nets.build(yaml.replace("x_pre == 5*um and z_pre > 1*um", "z_pre - 1*um > x_post")));
        assertThat(q).hasSize(9);   // b has no positions: its x is 0
        List<Long> y = pairs(Nets.build(yaml.replace("x_pre == 5*um and z_pre > 1*um", "y_pre < 0.5*um")));
        assertThat(y.size() % 3).isZero();
        assertThatThrownBy(() -> Nets.build(yaml.replace("z: 2 um", "z: 2 mV")))
                .hasMessageStartingWith("populations.a.positions.z: ");
        assertThatThrownBy(() -> Nets.build(yaml.replace("z: 2 um", "w: 2 um")))
                .hasMessageStartingWith("populations.a.positions.w: unknown key");
        assertThatThrownBy(() -> Nets.build(yaml.replace("z: 2 um", "z: \"i*ms\"")))
                .hasMessageStartingWith("populations.a.positions.z: expected a length");
    }

    @Test
    void aPlainNumberKeepsTheProbabilityRule() {
        List<Long> rule = pairs(net("{probability: 0.1}", 100, 3, 1));
        assertThat(rule.size()).isBetween(600, 1400);
    }

    @Test
    void unitErrorsAndUnknownNamesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> net("{probability: \"0.1*exp(-i*10*um)\"}", 10, 1, 1))
                .hasMessageStartingWith("projections[0].connect.probability: exp(...) takes a bare number");
        assertThatThrownBy(() -> net("{probability: \"i*10*um\"}", 10, 1, 1))
                .hasMessageStartingWith("projections[0].connect.probability: expected a bare number");
        assertThatThrownBy(() -> net("{condition: \"i*mV < j\"}", 10, 1, 1))
                .hasMessageStartingWith("projections[0].connect.condition: '<' of a voltage and a bare number");
        assertThatThrownBy(() -> net("{condition: \"i + j\"}", 10, 1, 1))
                .hasMessageStartingWith("projections[0].connect.condition: expected a condition");
        assertThatThrownBy(() -> net("{condition: \"k != j\"}", 10, 1, 1))
                .hasMessageStartingWith("projections[0].connect.condition: unknown name 'k'");
        assertThatThrownBy(() -> net("{condition: \"i != j\", p: 0.1}", 10, 1, 1))
                .hasMessageStartingWith("projections[0].connect.p: unknown key");
        assertThatThrownBy(() -> net("{probability: \"1.5 + 0*i\"}", 10, 1, 1))
                .hasMessageContaining("expected a probability from 0 to 1");
    }
}
