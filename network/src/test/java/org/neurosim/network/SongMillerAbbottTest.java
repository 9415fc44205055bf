package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.engine.SparseProjection;

/**
 * Song, Miller &amp; Abbott (2000), examples/song-abbott.yaml: 100 s of additive STDP on 1000 Poisson inputs to one
 * conductance-based LIF neuron. The reference is the same model run in Brian2 (benchmarks/peers/brian2_song_abbott.py)
 * at dt = 0.01 ms: its final weights (seed 1, song-abbott-brian2-weights.txt) and its mean output rate over seeds 1-3
 * (22.89, 19.11, 21.74 Hz: 21.25 Hz). The final distributions must agree (Kolmogorov-Smirnov distance below 0.1; the
 * runs draw different random numbers) and the output rate be within 10% of that mean.
 *
 * <p>Why dt = 0.01 ms: at Brian2's 0.1 ms the same model fires at 25.5 Hz (seeds 1-6: 26.32, 22.17, 26.56, 26.33,
 * 25.45, 26.44), because Brian2 pairs an input spike and an output spike of the same step as simultaneous, which
 * potentiates (about 1.5 input spikes share each output spike's step here); with a tenth of the step that bias
 * shrinks and Brian2 comes down to NeuroSim's continuous-time result (NeuroSim: 21.35 Hz over seeds 1-6 at 0.1 ms,
 * 21.92 Hz for seed 1 at 0.01 ms).
 */
class SongMillerAbbottTest {
    static double[] brian2Weights() throws IOException {
        try (InputStream in = SongMillerAbbottTest.class.getResourceAsStream("/song-abbott-brian2-weights.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                    .mapToDouble(Double::parseDouble).toArray();
        }
    }

    static double ks(double[] a, double[] b) {
        a = a.clone();
        b = b.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        double d = 0;
        int i = 0, j = 0;
        while (i < a.length && j < b.length) {
            double x = Math.min(a[i], b[j]);
            while (i < a.length && a[i] <= x) i++;
            while (j < b.length && b[j] <= x) j++;
            d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
        }
        return d;
    }

    @Test
    void additiveStdpEndsBimodalAsInBrian2() throws IOException {
        Network net = NetworkLoader.load(Path.of("..", "examples", "song-abbott.yaml"), Nets.PLUGINS, List.of());
        Simulation.Result r = Nets.run(net);
        SparseProjection p = (SparseProjection) net.engineProjections().get(0);
        double[] w = new double[1000];
        for (int s = 0; s < 1000; s++) w[s] = p.synapse().weight(s) / 0.01;
        double[] ref = brian2Weights();
        assertThat(ref).hasSize(1000);
        assertThat(ks(w, ref)).isLessThan(0.1);
        double rate = net.population("neuron").totalSpikes() / 100.0;
        assertThat(rate).isCloseTo(21.25, within(2.125));
        // bimodal: both ends hold more than the 10% each that the initial uniform distribution gives them
        assertThat(Arrays.stream(w).filter(x -> x < 0.1).count()).isGreaterThan(200);
        assertThat(Arrays.stream(w).filter(x -> x > 0.9).count()).isGreaterThan(150);
        assertThat(Arrays.stream(w).filter(x -> x > 0.4 && x < 0.6).count()).isLessThan(150);   // 200 at the start
        assertThat(r.complete()).isTrue();
    }
}
