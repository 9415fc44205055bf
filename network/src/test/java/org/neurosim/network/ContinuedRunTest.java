package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosim.network.engine.SparseProjection;

/**
 * A second run of a network continues the first: time goes on, spikes in flight arrive, random streams continue,
 * plastic weights keep what they learnt. Two runs of 60 ms give exactly the spikes and weights of one run of
 * 120 ms, and each run's summary counts its own spikes over its own time.
 */
class ContinuedRunTest {
    static final String NET = """
            dt: 0.1 ms
            duration: DURATION
            seed: 9
            threads: 2
            populations:
              src: {model: poisson, size: 200, params: {rate: 20 Hz}}
              exc:
                model: lif
                size: 300
                params: {tau_m: 20 ms, tau_ref: 2 ms, v_rest: 0 mV, v_th: 20 mV, v_reset: 10 mV}
                init: {v: "uniform(0 mV, 20 mV)"}
                poisson_input: {rate: 8 kHz, weight: 0.25 mV}
              inh:
                model: lif
                size: 100
                params: {tau_m: 20 ms, tau_ref: 2 ms, v_rest: 0 mV, v_th: 20 mV, v_reset: 10 mV}
                poisson_input: {rate: 8 kHz, weight: 2 mV, synapse: {kernel: exponential, tau: 2 ms, normalize: peak}}
            projections:
              - {from: src, to: [exc, inh], connect: {probability: 0.1}, weight: 1 mV, delay: "uniform(0.5 ms, 5 ms)",
                 synapse: {kernel: exponential, tau: 3 ms, normalize: peak,
                           plasticity: {rule: stdp, w_max: 2 mV, a_plus: 0.05, a_minus: 0.05}}}
              - {from: exc, to: [exc, inh], connect: {probability: 0.05}, weight: 0.4 mV, delay: 1.5 ms}
              - {from: inh, to: exc, connect: {probability: 0.1}, weight: -1 mV, delay: 0.8 ms,
                 synapse: {kernel: exponential, tau: 5 ms, normalize: peak, plasticity: {rule: tsodyks-markram, u: 0.3, tau_rec: 200 ms}}}
            record: {spikes: all}
            """;

    static double[] weights(Network net) {
        SparseProjection p = (SparseProjection) net.engineProjections().get(0);
        double[] w = new double[(int) p.synapseCount()];
        for (int s = 0; s < w.length; s++) w[s] = p.synapse().weight(s);
        return w;
    }

    /** With spikes inside the step, and on the grid (its rings carry the spikes on their way into the second run). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"exact", "exact-grid"})
    void twoRunsInARowEqualOneRunOfTwiceTheLength(String integrator) {
        String net = NET.replace("seed: 9\n", "seed: 9\nintegrator: " + integrator + "\n");
        assertThat(net).contains("integrator: " + integrator);
        Network once = Nets.build(net.replace("DURATION", "120 ms"));
        List<String> all = Nets.spikes(Nets.run(once), once);
        assertThat(all).hasSizeGreaterThan(500);

        Network twice = Nets.build(net.replace("DURATION", "60 ms"));
        Simulation.Result first = Nets.run(twice);
        Simulation.Result second = Nets.run(twice);
        List<String> joined = new ArrayList<>(Nets.spikes(first, twice));
        joined.addAll(Nets.spikes(second, twice));
        assertThat(joined).isEqualTo(all);
        assertThat(weights(twice)).isEqualTo(weights(once));
        assertThat(twice.clock()).isEqualTo(1200);

        // each summary: its own steps, start, spikes and rate
        assertThat(second.summary().get("from_s").asDouble()).isCloseTo(0.06, within(1e-12));
        long secondSpikes = second.summary().get("populations").get("exc").get("spikes").asLong();
        long total = all.stream().filter(s -> s.startsWith("exc ")).count();
        long firstSpikes = first.summary().get("populations").get("exc").get("spikes").asLong();
        assertThat(firstSpikes + secondSpikes).isEqualTo(total);
        assertThat(second.summary().get("populations").get("exc").get("mean_rate_hz").asDouble())
                .isCloseTo(secondSpikes / (300 * 0.06), within(1e-9));
    }

    /** runSteps: runs of any length (30 + 90 + 0 + 1080 steps) of a network built for 60 ms equal one run of 120 ms. */
    @Test
    void runsOfTheirOwnLengthsEqualOneRun() {
        Network once = Nets.build(NET.replace("DURATION", "120 ms"));
        List<String> all = Nets.spikes(Nets.run(once), once);
        Network net = Nets.build(NET.replace("DURATION", "60 ms"));
        List<String> joined = new ArrayList<>();
        for (long n : new long[] {30, 90, 0, 1080}) joined.addAll(Nets.spikes(new Simulation(net).runSteps(n), net));
        assertThat(joined).isEqualTo(all);
        assertThat(net.clock()).isEqualTo(1200);
        assertThat(weights(net)).isEqualTo(weights(once));
    }

    /**
     * Network.continueFrom: a network rebuilt with other values takes over the state of the one that ran, so the run
     * goes on with the new values (PyNN's set() between runs). Reference: one network whose values change at that
     * step by a schedule (a step input, a rate schedule): 60 ms, then 60 ms with the exc input at 0.4 mV and the
     * source at 35 Hz, equal 120 ms with both changing at 60 ms; spikes in flight and learnt weights carry over.
     */
    @Test
    void aRebuiltNetworkWithNewValuesContinuesFromTheStateOfTheOld() {
        String base = NET.replace("DURATION", "60 ms").replace("weight: 0.25 mV}\n",
                "weight: 0.25 mV}\n    input: INPUT\n")
                .replace("params: {rate: 20 Hz}", "params: {rate: RATE}");
        assertThat(base).contains("input: INPUT").contains("rate: RATE");
        Network scheduled = Nets.build(base.replace("duration: 60 ms", "duration: 120 ms")
                .replace("INPUT", "{steps: [{at: 0 ms, value: 0.1 mV}, {at: 60 ms, value: 0.4 mV}]}")
                .replace("RATE", "{steps: [{at: 0 ms, value: 20 Hz}, {at: 60 ms, value: 35 Hz}]}"));
        List<String> all = Nets.spikes(Nets.run(scheduled), scheduled);

        Network before = Nets.build(base.replace("INPUT", "0.1 mV").replace("RATE", "20 Hz"));
        List<String> joined = new ArrayList<>(Nets.spikes(Nets.run(before), before));
        Network after = Nets.build(base.replace("INPUT", "0.4 mV").replace("RATE", "35 Hz"));
        after.continueFrom(before);
        assertThat(after.clock()).isEqualTo(600);
        joined.addAll(Nets.spikes(new Simulation(after).runSteps(600), after));
        assertThat(joined).hasSizeGreaterThan(500).isEqualTo(all);
        assertThat(weights(after)).isEqualTo(weights(scheduled));
    }

    /** A network of another structure cannot take over the state: refused, naming the first difference. */
    @Test
    void aNetworkOfAnotherStructureIsRefused() {
        Network before = Nets.build(NET.replace("DURATION", "10 ms"));
        Nets.run(before);
        Network other = Nets.build(NET.replace("DURATION", "10 ms").replace("size: 100", "size: 101"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.continueFrom(before))
                .isInstanceOf(org.neurosim.core.checkpoint.CheckpointException.class)
                .hasMessageContaining("the network before the change");
    }
}
