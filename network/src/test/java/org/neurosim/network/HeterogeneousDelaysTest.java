package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosim.core.InvalidInputException;
import org.neurosim.network.engine.SparseProjection;
import org.neurosim.network.output.Recorder;

/**
 * Delays drawn per synapse: every synapse delivers its spike exactly its own (whole-step) delay after the spike,
 * the draws follow the distribution and its bounds, and the storage stays compact.
 */
class HeterogeneousDelaysTest {
    static final double DT = 1e-4;

    /**
     * Three sources spike at off-grid times, each onto 2000 LIF neurons through delta synapses far above threshold
     * with delays uniform(0.5 ms, 8 ms): an exact LIF target spikes at the arrival time itself, so each neuron's
     * k-th spike must be at t_k + d(k, i), with d the delay stored for that synapse (whole steps, at least one).
     */
    @Test
    void everySynapseDeliversExactlyItsOwnDelayLater() {
        Network net = Nets.build("""
                dt: 0.1 ms
                duration: 60 ms
                populations:
                  pre: {model: spike-times, size: 3, times: [[1.03 ms], [20.07 ms], [40.011 ms]]}
                  post: {model: lif, size: 2000, params: {tau_m: 20 ms, tau_ref: 0.1 ms, v_th: 1, v_reset: 0}}
                projections:
                  - {from: pre, to: post, connect: {all: true}, weight: 5, delay: "uniform(0.5 ms, 8 ms)",
                     synapse: {kernel: delta}}
                record: {spikes: [post]}
                """);
        SparseProjection pr = (SparseProjection) net.engineProjections().get(0);
        double[] spikeAt = {1.03e-3, 20.07e-3, 40.011e-3};
        double[][] expected = new double[3][2000];
        int[] rowStart = pr.rowStart(), targets = pr.targets();
        int rows = rowStart.length - 1;
        double sum = 0;
        int lo = Integer.MAX_VALUE, hi = 0;
        for (int r = 0; r < rows; r++) {
            int d = pr.rowDelaySteps(r);
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
            for (int s = rowStart[r]; s < rowStart[r + 1]; s++) {
                expected[pr.rowSource(r)][targets[s]] = spikeAt[pr.rowSource(r)] + d * DT;
                sum += d * DT;
            }
        }
        // the draws: uniform over [0.5, 8] ms rounded to steps 5..80, mean 4.25 ms (6000 draws: sd of mean 0.028 ms)
        assertThat(lo).isEqualTo(5);
        assertThat(hi).isEqualTo(80);
        assertThat(sum / 6000).isCloseTo(4.25e-3, within(1e-4));
        assertThat(rows).isBetween(3 * 70, 3 * 76);   // 76 possible delays per source, nearly all drawn

        Recorder rec = Nets.run(net).recorder();
        List<List<Double>> got = new ArrayList<>();
        for (int i = 0; i < 2000; i++) got.add(new ArrayList<>());
        for (int k = 0; k < rec.rasterCount(); k++) got.get(rec.rasterNeuron(k)).add(rec.rasterTime(k));
        for (int i = 0; i < 2000; i++) {
            assertThat(got.get(i)).as("spikes of neuron %d", i).hasSize(3);
            for (int j = 0; j < 3; j++) {
                assertThat(got.get(i).get(j)).as("neuron %d, spike of source %d", i, j)
                        .isCloseTo(expected[j][i], within(1e-12));
            }
        }
    }

    /** Bounds clip the draws; a delay below one step becomes one step (config.md, "Additions"). */
    @Test
    void boundsClipTheDrawsAndNoDelayIsShorterThanOneStep() {
        Network net = Nets.build("""
                dt: 0.1 ms
                duration: 1 ms
                populations:
                  a: {model: poisson, size: 200, params: {rate: 10 Hz}}
                  b: {model: lif, size: 200}
                projections:
                  - {from: a, to: b, connect: {probability: 0.5}, weight: "normal(0.1, 0.05)", weight_min: 0,
                     weight_max: 0.12, delay: "normal(1.5 ms, 0.75 ms)", delay_min: 0.1 ms, delay_max: 3 ms,
                     synapse: {kernel: delta}}
                """);
        SparseProjection pr = (SparseProjection) net.engineProjections().get(0);
        int rows = pr.rowStart().length - 1;
        int atMin = 0, atMax = 0;
        for (int r = 0; r < rows; r++) {
            int d = pr.rowDelaySteps(r);
            assertThat(d).isBetween(1, 30);
            int n = pr.rowStart()[r + 1] - pr.rowStart()[r];
            if (d == 1) atMin += n;
            if (d == 30) atMax += n;
        }
        // P(d < 0.15 ms) = Phi(-1.8) = 0.036 (clipped up to 0.1 ms, one step); P(d > 2.95 ms) = 1 - Phi(1.933) = 0.027
        double n = pr.synapseCount();
        assertThat(atMin / n).isCloseTo(0.036, within(0.008));
        assertThat(atMax / n).isCloseTo(0.027, within(0.007));
        float[] w = pr.weights();
        int zeros = 0, tops = 0;
        for (float x : w) {
            assertThat(x).isBetween(0f, 0.12f);
            if (x == 0) zeros++;
            if (x == 0.12f) tops++;
        }
        assertThat(zeros / n).isCloseTo(0.0228, within(0.006));   // P(N(0.1, 0.05) < 0) = Phi(-2)
        assertThat(tops / n).isCloseTo(0.3446, within(0.02));     // P(> 0.12) = 1 - Phi(0.4)
    }

    /**
     * Storage: targets and weights (8 bytes per synapse) and 6 bytes per (source, delay) row; the microcircuit's
     * L4E -> L23E at its in-degree (~350 synapses per source here) with delays normal(1.5 ms, 0.75 ms) stays under 9.
     */
    @Test
    void perSynapseWeightAndDelayCostAtMostNineBytes() {
        Network net = Nets.build("""
                dt: 0.1 ms
                duration: 1 ms
                populations:
                  a: {model: poisson, size: 2000, params: {rate: 8 Hz}}
                  b: {model: lif, size: 4000}
                projections:
                  - {from: a, to: b, connect: {probability: 0.0876}, weight: "normal(0.15, 0.015)",
                     delay: "normal(1.5 ms, 0.75 ms)", delay_min: 0.1 ms, synapse: {kernel: delta}}
                """);
        SparseProjection pr = (SparseProjection) net.engineProjections().get(0);
        long synapses = pr.synapseCount(), rows = pr.rowStart().length - 1;
        double bytes = (8.0 * synapses + 6.0 * rows + 4.0 * (2000 + 1)) / synapses;
        assertThat(bytes).isLessThan(9.0);
        assertThat(bytes).isGreaterThan(8.0);
    }

    @Test
    void aBadDelayDistributionIsNamed() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Nets.build("""
                dt: 0.1 ms
                duration: 1 ms
                populations:
                  a: {model: poisson, size: 2, params: {rate: 8 Hz}}
                  b: {model: lif, size: 2}
                projections:
                  - {from: a, to: b, connect: {all: true}, weight: 0.1, delay: "normal(1.5 ms, 2 mV)"}
                """))).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("projections[0].delay");
    }
}
