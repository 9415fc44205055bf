package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bernoulli rule (stochastic transmission, NEST's bernoulli_synapse) through the engine: the share of arrivals
 * that reach the targets, and the same spikes at any thread count, over two runs in a row and across a checkpoint.
 */
class BernoulliNetworkTest {
    @TempDir Path tmp;

    static final int SPIKES = 200, TARGETS = 50;

    /**
     * One source spiking every 5 ms from 2.5 ms (200 spikes) onto 50 silent targets through exponential PSCs of
     * 2 ms (a weight of 0.5 ms is the PSC's area) with p = 0.3 (the rule's config as a user writes it), on each
     * delivery path: arrivals known at the step's start (exact), the filter's ring (exact-grid), the network's filter
     * (rk4). Between arrivals i_syn only decays; a transmitted arrival makes it jump up. Counting the jumps of each target's recorded i_syn gives the
     * transmissions: 10,000 independent trials with p = 0.3, a binomial count whose fraction has standard error
     * sqrt(0.3 0.7 / 10,000) = 0.0046; it must be within 5 of them (0.023) of 0.3. Each spike also reaches
     * different targets (the trials are per synapse, not per spike).
     */
    @ParameterizedTest
    @ValueSource(strings = {"exact", "exact-grid", "rk4"})
    void aShareOfPOfTheArrivalsIsTransmitted(String integrator) {
        String times = IntStream.range(0, SPIKES).mapToObj(k -> (2.5 + 5 * k) + " ms").collect(Collectors.joining(", "));
        Network net = Nets.build("""
                dt: 0.1 ms
                duration: 1001 ms
                seed: 3
                integrator: %s
                populations:
                  pre: {model: spike-times, size: 1, times: [[%s]]}
                  post: {model: lif, size: %d, params: {tau_m: 20 ms, v_th: 1e9}}
                projections:
                  - from: pre
                    to: post
                    connect: {all: true}
                    weight: 0.5 ms
                    delay: 1 ms
                    synapse: {kernel: exponential, tau: 2 ms, plasticity: {rule: bernoulli, p: 0.3}}
                record: {state: [{population: post, variables: [i_syn], neurons: all}]}
                """.formatted(integrator, times, TARGETS));
        List<double[]> rows = Nets.run(net).recorder().traceRows();
        assertThat(rows.get(0)).hasSize(TARGETS + 1);
        int transmitted = 0;
        int[] perSpike = new int[SPIKES];
        for (int n = 1; n < rows.size(); n++) {
            for (int i = 1; i <= TARGETS; i++) {
                if (rows.get(n)[i] > rows.get(n - 1)[i]) {
                    transmitted++;
                    int k = (int) Math.floor((rows.get(n)[0] - 2.5e-3) / 5e-3);   // the spike that arrived here
                    perSpike[k]++;
                }
            }
        }
        double trials = SPIKES * TARGETS, p = 0.3;
        assertThat(transmitted / trials).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / trials)));
        for (int k = 0; k < SPIKES; k++) {   // binomial(50, 0.3): 0 or 50 with probability 1.8e-8 or 7e-27
            assertThat(perSpike[k]).as("targets reached by spike %d", k).isBetween(1, TARGETS - 1);
        }
    }

    /**
     * A recurrent network with stochastic excitatory synapses (ContinuedRunTest's, the second projection made
     * {@code bernoulli}, p = 0.3): its transmissions are drawn per synapse on the threads that own the targets.
     */
    static String recurrent(String integrator, int threads, String duration) {
        String net = ContinuedRunTest.NET.replace("threads: 2\n", "threads: " + threads + "\nintegrator: " + integrator + "\n")
                .replace("weight: 0.4 mV, delay: 1.5 ms}",
                        "weight: 1.2 mV, delay: 1.5 ms,\n     synapse: {kernel: exponential, tau: 2 ms, normalize: peak, "
                        + "plasticity: {rule: bernoulli, p: 0.3}}}")
                .replace("DURATION", duration);
        assertThat(net).contains("rule: bernoulli").contains("threads: " + threads);
        return net;
    }

    static List<String> spikes(String yaml) {
        Network net = Nets.build(yaml);
        return Nets.spikes(ReproducibilityTest.runSplit(net), net);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exact", "exact-grid"})
    void theSameSpikesAtOneTwoAndThreeThreads(String integrator) {
        List<String> one = spikes(recurrent(integrator, 1, "80 ms"));
        assertThat(one).hasSizeGreaterThan(500);
        assertThat(spikes(recurrent(integrator, 2, "80 ms"))).isEqualTo(one);
        assertThat(spikes(recurrent(integrator, 3, "80 ms"))).isEqualTo(one);
        // the draws matter: every spike transmitted gives other spikes
        assertThat(spikes(recurrent(integrator, 1, "80 ms").replace("p: 0.3", "p: 1"))).isNotEqualTo(one);
    }

    /**
     * Two runs of 40 ms give the spikes of one of 80 ms; so does a network rebuilt from the first's state (at another
     * thread count), which continues from its clock.
     */
    @Test
    void twoRunsInARowAndAContinuedNetworkEqualOneRun() {
        List<String> all = spikes(recurrent("exact", 2, "80 ms"));
        Network twice = Nets.build(recurrent("exact", 2, "40 ms"));
        List<String> joined = new ArrayList<>(Nets.spikes(Nets.run(twice), twice));
        joined.addAll(Nets.spikes(Nets.run(twice), twice));
        assertThat(joined).isEqualTo(all);

        Network first = Nets.build(recurrent("exact", 2, "40 ms"));
        List<String> handed = new ArrayList<>(Nets.spikes(Nets.run(first), first));
        Network second = Nets.build(recurrent("exact", 1, "80 ms"));
        second.continueFrom(first);
        handed.addAll(Nets.spikes(new Simulation(second).runSteps(400), second));
        assertThat(handed).isEqualTo(all);
    }

    @Test
    void aResumedCheckpointWritesTheFilesOfTheUninterruptedRun() throws java.io.IOException {
        String text = CheckpointTest.config(recurrent("exact-grid", 2, "60 ms"), List.of(), 2);
        Path whole = tmp.resolve("whole"), split = tmp.resolve("split");
        new Simulation(CheckpointTest.build(text)).run(whole, null, () -> false, 0);
        AtomicLong polls = new AtomicLong();
        Simulation.Result stopped = new Simulation(CheckpointTest.build(text)).checkpoints(0, text)
                .run(split, null, () -> polls.incrementAndGet() > 277, 0);
        assertThat(stopped.complete()).isFalse();
        new Simulation(CheckpointTest.build(text)).checkpoints(0, text).resume(split, null, () -> false, 0);
        CheckpointTest.assertSameOutputs(whole, split);
    }

    @Test
    void aBadPIsRefusedWithOneLineNamingTheKey() {
        String yaml = """
                dt: 0.1 ms
                duration: 1 ms
                populations:
                  pre: {model: spike-times, size: 1, times: [[0.5 ms]]}
                  post: {model: lif, size: 1}
                projections:
                  - {from: pre, to: post, connect: {all: true}, weight: 0.5, delay: 1 ms,
                     synapse: {kernel: exponential, tau: 2 ms, normalize: peak, plasticity: {rule: bernoulli, P}}}
                """;
        assertThatThrownBy(() -> Nets.build(yaml.replace("P", "p: 1.3")))
                .hasMessage("projections[0].synapse.plasticity.p: expected a probability 0 <= p <= 1, got '1.3'");
        assertThatThrownBy(() -> Nets.build(yaml.replace(", P", "")))
                .hasMessageStartingWith("projections[0].synapse.plasticity.p: required").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Nets.build(yaml.replace("P", "q: 0.3")))
                .hasMessageStartingWith("projections[0].synapse.plasticity.q: unknown parameter")
                .hasMessageNotContaining("\n");
    }
}
