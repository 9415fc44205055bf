package org.neurosim.synapses.plasticity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.checkpoint.StateReader;
import org.neurosim.core.checkpoint.StateWriter;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.synapse.SynapseContext;
import org.neurosim.core.synapse.SynapseDynamics;
import org.neurosim.core.units.Dimension;

/**
 * The bernoulli rule through the synapse SPI: the fraction of spikes transmitted is p within binomial bounds, trials
 * are independent across synapses and spikes, the edges are exact, and the outcome of a trial depends on nothing but
 * (seed, synapse, time): not on how a row is split, nor on the instance (a rebuilt or restored network's).
 */
class BernoulliTest {
    static final int SYNAPSES = 1000, SPIKES = 200;
    static final double WEIGHT = 0.7;

    /** One source onto n targets, one row, the single weight WEIGHT. */
    static SynapseContext row(int n, long seed) {
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) targets[i] = i;
        return new SynapseContext("synapse.plasticity", 1e-4, 1, n, new int[] {0, n}, null, targets, null, WEIGHT,
                Dimension.DIMENSIONLESS, seed);
    }

    static SynapseDynamics make(SynapseContext c, String p) {
        Map<String, Object> given = new HashMap<>();
        if (p != null) given.put("p", p);
        return new Bernoulli().create(c, Parameters.resolve(new Bernoulli().parameters(), given, c.key()));
    }

    /** Spike k of the train: every 5 ms from 2.5 ms, as the engine passes it (step start plus offset). */
    static double time(int k) {
        return (25 + 50 * k) * 1e-4 + 0.3e-4;
    }

    /** transmitted[k][s]: whether spike k was transmitted by synapse s (checking that it transmits w or 0). */
    static boolean[][] trials(SynapseDynamics d) {
        boolean[][] out = new boolean[SPIKES][SYNAPSES];
        double[] eff = new double[SYNAPSES];
        for (int k = 0; k < SPIKES; k++) {
            d.transmit(0, 0, SYNAPSES, time(k), eff);
            for (int s = 0; s < SYNAPSES; s++) {
                assertThat(eff[s]).isIn(0.0, WEIGHT);
                out[k][s] = eff[s] != 0;
            }
        }
        return out;
    }

    /**
     * n = 200 spikes x 1000 synapses = 200,000 independent trials with success probability p: the count is
     * binomial(n, p), so the fraction has mean p and standard error sqrt(p (1 - p) / n), 0.0011 at p = 0.5. The
     * fraction must be within 5 standard errors of p (a correct generator fails that with probability 5.7e-7).
     * Independence, the part a hash could get wrong: pairs of neighbouring synapses at the same spike (s, s + 1),
     * and of one synapse at consecutive spikes (k, k + 1), are both transmitted with probability p^2 (199,800 and
     * 199,000 pairs; standard error sqrt(p^2 (1 - p^2) / pairs)), also within 5 standard errors; and each synapse's
     * count over its 200 spikes is binomial(200, p), whose variance 200 p (1 - p) the synapses' sample variance
     * must match to within 5 of its standard errors (for 1000 samples, about sigma^2 sqrt(2 / 999)).
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.3, 0.5, 0.9})
    void theFractionTransmittedIsPWithinBinomialBounds(double p) {
        boolean[][] t = trials(make(row(SYNAPSES, 42), Double.toString(p)));
        long hits = 0, neighbours = 0, consecutive = 0;
        double[] perSynapse = new double[SYNAPSES];
        for (int k = 0; k < SPIKES; k++) {
            for (int s = 0; s < SYNAPSES; s++) {
                if (!t[k][s]) continue;
                hits++;
                perSynapse[s]++;
                if (s + 1 < SYNAPSES && t[k][s + 1]) neighbours++;
                if (k + 1 < SPIKES && t[k + 1][s]) consecutive++;
            }
        }
        double n = (double) SPIKES * SYNAPSES;
        assertThat(hits / n).as("fraction transmitted").isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / n)));
        double p2 = p * p, nb = SPIKES * (SYNAPSES - 1.0), cs = (SPIKES - 1.0) * SYNAPSES;
        assertThat(neighbours / nb).as("both of s, s + 1").isCloseTo(p2, within(5 * Math.sqrt(p2 * (1 - p2) / nb)));
        assertThat(consecutive / cs).as("both of spike k, k + 1").isCloseTo(p2, within(5 * Math.sqrt(p2 * (1 - p2) / cs)));
        double mean = 0, var = 0;
        for (double c : perSynapse) mean += c / SYNAPSES;
        for (double c : perSynapse) var += (c - mean) * (c - mean) / (SYNAPSES - 1);
        double sigma2 = SPIKES * p * (1 - p);
        assertThat(var).as("variance of the per-synapse counts").isCloseTo(sigma2,
                within(5 * sigma2 * Math.sqrt(2.0 / (SYNAPSES - 1))));
    }

    @Test
    void pZeroNeverTransmitsAndPOneAlways() {
        for (boolean[] spike : trials(make(row(SYNAPSES, 7), "0"))) {
            for (boolean b : spike) assertThat(b).isFalse();
        }
        for (boolean[] spike : trials(make(row(SYNAPSES, 7), "1"))) {
            for (boolean b : spike) assertThat(b).isTrue();
        }
    }

    /** Per-synapse weights (a float array) are what a transmitted spike carries. */
    @Test
    void aTransmittedSpikeCarriesItsSynapsesWeight() {
        float[] w = {0.25f, -0.5f, 1.5f};
        SynapseContext c = new SynapseContext("synapse.plasticity", 1e-4, 1, 3, new int[] {0, 3}, null,
                new int[] {0, 1, 2}, w, 0, Dimension.DIMENSIONLESS, 3);
        SynapseDynamics d = make(c, "1");
        double[] eff = new double[3];
        d.transmit(0, 0, 3, 0.001, eff);
        assertThat(eff).containsExactly(0.25, -0.5, 1.5);
        assertThat(d.weight(1)).isEqualTo(-0.5);
        assertThat(d.variables()).containsExactly("w");
        assertThat(d.value(0, 2)).isEqualTo(1.5);
        assertThat(d.learns()).isFalse();
        assertThat(d.isStatic()).isFalse();
    }

    /**
     * What the engine's threads do: a row split at chunk boundaries, its pieces transmitted in any order (here
     * backwards, in pieces of 137), by another instance (a network built anew, or restored from a checkpoint): the
     * same synapses transmit. Another seed gives other outcomes.
     */
    @Test
    void theOutcomeDependsOnlyOnSeedSynapseAndTime() {
        boolean[][] whole = trials(make(row(SYNAPSES, 42), "0.5"));
        SynapseDynamics other = make(row(SYNAPSES, 42), "0.5");
        double[] eff = new double[SYNAPSES];
        int differ = 0;
        for (int k = SPIKES - 1; k >= 0; k--) {
            for (int to = SYNAPSES; to > 0; to -= 137) {
                other.transmit(0, Math.max(0, to - 137), to, time(k), eff);
            }
            for (int s = 0; s < SYNAPSES; s++) assertThat(eff[s] != 0).isEqualTo(whole[k][s]);
        }
        boolean[][] reseeded = trials(make(row(SYNAPSES, 43), "0.5"));
        for (int k = 0; k < SPIKES; k++) for (int s = 0; s < SYNAPSES; s++) if (reseeded[k][s] != whole[k][s]) differ++;
        assertThat(differ / (double) (SPIKES * SYNAPSES)).isCloseTo(0.5, within(0.01));
        assertThat(Bernoulli.uniform(42, 17, time(3)) < 0.5).isEqualTo(whole[3][17]);
    }

    /** No state: the checkpoint section is empty, and a restored synapse draws as the saved one would have. */
    @Test
    void itSavesAnEmptySectionAndRestores() {
        SynapseDynamics d = make(row(4, 5), "0.5");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter out = new StateWriter(bytes);
        d.save(out);
        out.finish();
        SynapseDynamics e = make(row(4, 5), "0.5");
        e.restore(StateReader.of(bytes.toByteArray(), "test"));
        double[] a = new double[4], b = new double[4];
        d.transmit(0, 0, 4, 0.0123, a);
        e.transmit(0, 0, 4, 0.0123, b);
        assertThat(b).containsExactly(a);
    }

    @Test
    void aBadPIsRefusedWithOneLineNamingTheKey() {
        for (String bad : new String[] {"1.5", "-0.1", "1.0000001"}) {
            assertThat(catchThrowable(() -> make(row(2, 1), bad))).isInstanceOf(InvalidInputException.class)
                    .hasMessage("synapse.plasticity.p: expected a probability 0 <= p <= 1, got '" + bad + "'");
        }
        assertThat(catchThrowable(() -> make(row(2, 1), null))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("synapse.plasticity.p: required").hasMessageNotContaining("\n");
        assertThat(catchThrowable(() -> make(row(2, 1), "0.5 ms"))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("synapse.plasticity.p: ").hasMessageNotContaining("\n");
    }
}
