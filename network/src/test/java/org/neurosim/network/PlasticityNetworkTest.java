package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.engine.SparseProjection;
import org.neurosim.network.output.Recorder;

/** The built-in plasticity rules through the engine: exact event times, and the same weights at any thread count. */
class PlasticityNetworkTest {
    /**
     * Pre spikes at 10.05 and 25.05 ms reach the synapse 1.5 ms later (axonal delay); a kick makes post spike in
     * between. The weight ends at w0 + a_plus w_max e^(-(t_post - 11.55 ms)/tau+) - a_minus w_max
     * e^(-(26.55 ms - t_post)/tau-) (the additive window, Song, Miller & Abbott 2000), with t_post as recorded.
     */
    @Test
    void stdpInANetworkChangesTheWeightByTheWindowAtTheExactTimes() {
        Network net = Nets.build("""
                dt: 0.1 ms
                duration: 40 ms
                populations:
                  pre: {model: spike-times, size: 1, times: [[10.05 ms, 25.05 ms]]}
                  kick: {model: spike-times, size: 1, times: [[15.0371 ms]]}
                  post: {model: lif, size: 1, params: {tau_m: 20 ms, tau_ref: 2 ms}}
                projections:
                  - {from: pre, to: post, connect: {all: true}, weight: 0.5, delay: 1.5 ms,
                     synapse: {kernel: delta, plasticity: {rule: stdp, w_max: 1, a_plus: 0.01, a_minus: 0.012,
                               tau_plus: 16.8 ms, tau_minus: 33.7 ms}}}
                  - {from: kick, to: post, connect: {all: true}, weight: 1.5, delay: 0.2 ms}
                record: {spikes: [post]}
                """);
        Recorder rec = Nets.run(net).recorder();
        assertThat(rec.rasterCount()).isEqualTo(1);
        double tPost = rec.rasterTime(0);
        assertThat(tPost).isCloseTo(15.2371e-3, within(1e-12));   // an exact LIF jumps over threshold at the arrival
        double expected = 0.5 + 0.01 * Math.exp(-(tPost - 11.55e-3) / 16.8e-3)
                - 0.012 * Math.exp(-(26.55e-3 - tPost) / 33.7e-3);
        double w = ((SparseProjection) net.engineProjections().get(0)).synapse().weight(0);
        assertThat(w).isCloseTo(expected, within(1e-12));
        assertThat(expected - 0.5).isCloseTo(-0.000549, within(1e-6));   // by hand: 0.0080290 - 0.0085777
    }

    /**
     * The same pairing with {@code delays: dendritic}, NEST's stdp_synapse convention (the whole delay d dendritic):
     * the rule pairs the presynaptic spike at t_pre with the postsynaptic one at t_post + d, so the lags are
     * t_post + 1.5 ms - 10.05 ms (potentiation) and 25.05 ms - (t_post + 1.5 ms) (depression), not the axonal
     * t_post - 11.55 ms and 26.55 ms - t_post; the spikes themselves arrive as before. Then a checkpoint-style
     * hand-over (Network.continueFrom) half-way, with the postsynaptic spike still queued for the rule, gives the
     * same weight.
     */
    @Test
    void dendriticTimingPairsThePostsynapticSpikeAfterTheDelay() {
        String yaml = """
                dt: 0.1 ms
                duration: DURATION
                populations:
                  pre: {model: spike-times, size: 1, times: [[10.05 ms, 25.05 ms]]}
                  kick: {model: spike-times, size: 1, times: [[15.0371 ms]]}
                  post: {model: lif, size: 1, params: {tau_m: 20 ms, tau_ref: 2 ms}}
                projections:
                  - {from: pre, to: post, connect: {all: true}, weight: 0.5, delay: 1.5 ms,
                     synapse: {kernel: delta, plasticity: {rule: stdp, w_max: 1, a_plus: 0.01, a_minus: 0.012,
                               tau_plus: 16.8 ms, tau_minus: 33.7 ms, delays: dendritic}}}
                  - {from: kick, to: post, connect: {all: true}, weight: 1.5, delay: 0.2 ms}
                record: {spikes: [post]}
                """;
        Network net = Nets.build(yaml.replace("DURATION", "40 ms"));
        Recorder rec = Nets.run(net).recorder();
        assertThat(rec.rasterCount()).isEqualTo(1);
        double tPost = rec.rasterTime(0);
        assertThat(tPost).isCloseTo(15.2371e-3, within(1e-12));   // the spikes travel as before
        double expected = 0.5 + 0.01 * Math.exp(-(tPost + 1.5e-3 - 10.05e-3) / 16.8e-3)
                - 0.012 * Math.exp(-(25.05e-3 - (tPost + 1.5e-3)) / 33.7e-3);
        double w = ((SparseProjection) net.engineProjections().get(0)).synapse().weight(0);
        assertThat(w).isCloseTo(expected, within(1e-12));
        assertThat(expected - 0.5).isCloseTo(0.0067163 - 0.0093768, within(1e-6));   // by hand

        // stopped at 16 ms, the postsynaptic spike still on its way to the rule (due at 18.2371 ms)
        Network first = Nets.build(yaml.replace("DURATION", "16 ms"));
        Nets.run(first);
        Network second = Nets.build(yaml.replace("DURATION", "40 ms"));
        second.continueFrom(first);
        new Simulation(second).runSteps(240);
        assertThat(((SparseProjection) second.engineProjections().get(0)).synapse().weight(0)).isEqualTo(w);
    }

    @Test
    void dendriticTimingIsRefusedWhereItCannotBeHonoured() {
        String yaml = """
                dt: 0.1 ms
                duration: 1 ms
                populations:
                  pre: {model: spike-times, size: 2, times: [[1 ms], [2 ms]]}
                  post: {model: lif, size: 1}
                projections:
                  - {from: pre, to: post, connect: {all: true}, weight: 0.5, delay: DELAY,
                     synapse: {kernel: delta, plasticity: {rule: RULE, RULEPARAMSdelays: CONVENTION}}}
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Nets.build(yaml.replace("DELAY", "\"uniform(1 ms, 3 ms)\"")
                .replace("RULEPARAMS", "w_max: 1, ").replace("RULE", "stdp").replace("CONVENTION", "dendritic")))
                .hasMessageStartingWith("projections[0].synapse.plasticity.delays: dendritic timing needs one delay");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Nets.build(yaml.replace("DELAY", "1 ms")
                .replace("RULEPARAMS", "w_max: 1, ").replace("RULE", "stdp").replace("CONVENTION", "both")))
                .hasMessageStartingWith("projections[0].synapse.plasticity.delays: expected axonal");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Nets.build(yaml.replace("DELAY", "1 ms")
                .replace("RULEPARAMS", "").replace("RULE", "tsodyks-markram").replace("CONVENTION", "dendritic")))
                .hasMessageStartingWith("projections[0].synapse.plasticity.delays: only a rule that learns");
    }

    /**
     * What the PyNN backend reads after a run: every synapse's source, target and current weight in storage order.
     * From a weight matrix (rows = targets) whose pairs have distinct weights, with one pre spike and no post spike:
     * no pair, so every synapse keeps its matrix weight, found at its own (source, target).
     */
    @Test
    void currentWeightsSourcesAndTargetsListEverySynapse() {
        Network net = Nets.build("""
                dt: 0.1 ms
                duration: 5 ms
                populations:
                  pre: {model: spike-times, size: 3, times: [[1 ms], [], []]}
                  post: {model: lif, size: 2, params: {tau_m: 20 ms, tau_ref: 2 ms}}
                projections:
                  - {from: pre, to: post, connect: {weights: [[0.1, 0, 0.3], [0.4, 0.5, 0]]}, weight: 1, delay: 1 ms,
                     synapse: {kernel: delta, plasticity: {rule: stdp, w_max: 1}}}
                """);
        Nets.run(net);
        SparseProjection p = (SparseProjection) net.engineProjections().get(0);
        int[] sources = p.sources(), targets = p.targets();
        double[] w = p.currentWeights();
        assertThat(w).hasSize(4);
        double[][] matrix = {{0.1, 0, 0.3}, {0.4, 0.5, 0}};
        for (int s = 0; s < w.length; s++) {
            assertThat(w[s]).as("synapse %d", s).isCloseTo(matrix[targets[s]][sources[s]], within(1e-7));
        }
    }

    /**
     * Issue 29 item 11: a Tsodyks-Markram synapse transmits NEST's tsodyks2_synapse amplitude A_n = w u_n x_n in
     * double precision on every delivery path (exact: arrivals known at the step's start, or late with delay 0; rk4:
     * the network's filter; exact-grid: the filter's ring). The reference is the recursion of
     * {@link org.neurosim.synapses.plasticity.TsodyksMarkram} (NEST's update, from a synapse at rest) computed here,
     * and the exponential PSC of peak A_n (normalize: peak): i_syn(t) = sum over arrivals t_n <= t of
     * A_n e^(-(t - t_n) / tau), with t_n the next grid point on the grid. A float efficacy was 6.8e-9 off here.
     */
    @ParameterizedTest
    @CsvSource({"exact, 1 ms", "exact, 0 ms", "rk4, 1 ms", "exact-grid, 1 ms"})
    void tsodyksMarkramTransmitsNestsAmplitudeInDoublePrecision(String integrator, String delay) {
        double[] spikes = {10.05e-3, 22.07e-3, 31.13e-3, 38.31e-3, 45.05e-3, 47.27e-3};
        double w = 0.37, big = 0.3, tauRec = 0.05, tauFac = 0.1, tau = 5e-3, dt = 1e-4;
        double d = delay.equals("0 ms") ? 0 : 1e-3;
        Network net = Nets.build("""
                dt: 0.1 ms
                duration: 60 ms
                integrator: %s
                populations:
                  pre: {model: spike-times, size: 1, times: [[10.05 ms, 22.07 ms, 31.13 ms, 38.31 ms, 45.05 ms, 47.27 ms]]}
                  post: {model: lif, size: 1, params: {tau_m: 20 ms, v_th: 1e9}}
                projections:
                  - {from: pre, to: post, connect: {all: true}, weight: 0.37, delay: %s,
                     synapse: {kernel: exponential, tau: 5 ms, normalize: peak,
                               plasticity: {rule: tsodyks-markram, u: 0.3, tau_rec: 50 ms, tau_fac: 100 ms}}}
                record: {state: [{population: post, variables: [i_syn]}]}
                """.formatted(integrator, delay));
        double[] amplitude = new double[spikes.length], entered = new double[spikes.length];
        double x = 1, u = big;
        for (int n = 0; n < spikes.length; n++) {
            if (n > 0) {
                double h = spikes[n] - spikes[n - 1];
                x = 1 + (x - u * x - 1) * Math.exp(-h / tauRec);
                u = big + u * (1 - big) * Math.exp(-h / tauFac);
            }
            amplitude[n] = w * u * x;
            double arrival = spikes[n] + d;
            entered[n] = integrator.equals("exact-grid") ? Math.ceil(arrival / dt - 1e-9) * dt : arrival;
        }
        double worst = 0;
        int compared = 0;
        for (double[] row : Nets.run(net).recorder().traceRows()) {
            double expected = 0;
            boolean atEntry = false;   // on the grid, whether i_syn is read before or after a point's entries is
            for (int n = 0; n < spikes.length; n++) {   // the grid's timing convention, not what this test checks
                atEntry |= Math.abs(entered[n] - row[0]) < 1e-12;
                if (entered[n] < row[0] + 1e-12) expected += amplitude[n] * Math.exp(-(row[0] - entered[n]) / tau);
            }
            if (atEntry && integrator.equals("exact-grid")) continue;
            worst = Math.max(worst, Math.abs(row[1] - expected));
            compared++;
        }
        assertThat(compared).isGreaterThan(590);
        assertThat(worst).as("largest |i_syn - reference|, A_n up to %.3f", w).isLessThan(1e-14 * w);   // 3e-16 measured
    }

    /** Tsodyks-Markram through a delta synapse: each jump is w U x_n of the depression recursion. */
    @Test
    void tsodyksMarkramJumpsFollowTheRecursion() {
        Network net = Nets.build("""
                dt: 0.1 ms
                duration: 50 ms
                populations:
                  pre: {model: spike-times, size: 1, times: [[10.05 ms, 20.05 ms, 30.05 ms, 40.05 ms]]}
                  post: {model: lif, size: 1, params: {tau_m: 20 ms, v_th: 1e9}}
                projections:
                  - {from: pre, to: post, connect: {all: true}, weight: 0.1, delay: 1 ms,
                     synapse: {kernel: delta, plasticity: {rule: tsodyks-markram, u: 0.5, tau_rec: 100 ms}}}
                record: {state: [{population: post, variables: [v]}]}
                """);
        List<double[]> rows = Nets.run(net).recorder().traceRows();
        double x = 1;
        for (int k = 0; k < 4; k++) {
            if (k > 0) x = 1 - (1 - 0.5 * x) * Math.exp(-0.1);   // Tsodyks & Markram (1997), 10 ms apart
            int step = 110 + 100 * k;   // the arrival's step (10.05 ms + 1 ms delay + 10 k ms)
            double v = rows.get(step)[1] * Math.exp(-1e-4 / 0.020) + 0.1 * 0.5 * x * Math.exp(-0.5e-4 / 0.020);
            assertThat(rows.get(step + 1)[1]).as("v after spike %d", k).isCloseTo(v, within(1e-16));
        }
    }

    static double[] stdpWeights(int threads) {
        Network net = NetworkLoader.load(Path.of("..", "examples", "cuba-stdp.yaml"), Nets.PLUGINS,
                List.of("duration=150 ms", "threads=" + threads));
        ReproducibilityTest.runSplit(net);
        SparseProjection ee = (SparseProjection) net.engineProjections().get(0);
        double[] w = new double[(int) ee.synapseCount()];
        for (int s = 0; s < w.length; s++) w[s] = ee.synapse().weight(s);
        return w;
    }

    @Test
    void stdpGivesTheSameWeightsAtAnyThreadCount() {
        double[] one = stdpWeights(1);
        double changed = 0;
        for (double w : one) if (w != 0.00162) changed++;
        assertThat(changed / one.length).isGreaterThan(0.3);   // the network is active: most synapses have learnt
        assertThat(stdpWeights(2)).isEqualTo(one);
        assertThat(stdpWeights(3)).isEqualTo(one);
    }
    /**
     * STDP with delays drawn per synapse: each synapse's presynaptic event is its own arrival (axonal delay), so two
     * synapses of one source with different delays change by the window at their own lags. Source spikes at 10.05 ms;
     * each of 40 targets is kicked to spike at 20.0371 ms; synapse s arrives at 10.05 ms + d_s.
     */
    @Test
    void stdpWithPerSynapseDelaysUsesEachSynapsesOwnArrival() {
        Network net = Nets.build("""
                dt: 0.1 ms
                duration: 30 ms
                populations:
                  pre: {model: spike-times, size: 1, times: [[10.05 ms]]}
                  kick: {model: spike-times, size: 1, times: [[19.8371 ms]]}
                  post: {model: lif, size: 40, params: {tau_m: 20 ms, tau_ref: 2 ms}}
                projections:
                  - {from: pre, to: post, connect: {all: true}, weight: 0.2, delay: "uniform(1 ms, 9 ms)",
                     synapse: {kernel: delta, plasticity: {rule: stdp, w_max: 1, a_plus: 0.01, tau_plus: 16.8 ms}}}
                  - {from: kick, to: post, connect: {all: true}, weight: 1.5, delay: 0.2 ms}
                record: {spikes: [post]}
                """);
        Nets.run(net);
        SparseProjection p = (SparseProjection) net.engineProjections().get(0);
        int rows = p.rowStart().length - 1;
        assertThat(rows).isGreaterThan(20);   // many distinct delays
        for (int r = 0; r < rows; r++) {
            double arrival = 10.05e-3 + p.rowDelaySteps(r) * 1e-4, post = 20.0371e-3;
            for (int s = p.rowStart()[r]; s < p.rowStart()[r + 1]; s++) {
                // the first arrival depresses nothing (no post spike yet); the post spike potentiates by the window
                double expected = 0.2 + 0.01 * Math.exp(-(post - arrival) / 16.8e-3);
                assertThat(p.synapse().weight(s)).as("synapse %d, delay %d steps", s, p.rowDelaySteps(r))
                        .isCloseTo(expected, within(1e-12));
            }
        }
    }
}
