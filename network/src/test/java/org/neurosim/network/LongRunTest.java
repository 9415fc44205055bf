package org.neurosim.network;

import org.neurosim.network.output.Recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long runs stream to disk: every step and spike reaches the files, while what stays in memory for the plots is
 * bounded however long the run (BENCHMARKS.md has the peak-memory measurement of CUBA for 1 s and 200 s).
 */
class LongRunTest {
    @Test
    void outputsAreCompleteAndMemorySamplesBounded(@TempDir Path dir) throws Exception {
        // 200 LIF neurons at G(10) = 243 Hz for 10 s: about 487,000 spikes, more than the raster keeps
        Network net = Nets.build("""
                dt: 0.1 ms
                duration: 10 s
                populations:
                  n: {model: lif, size: 200, params: {tau_m: 20 ms, tau_ref: 2 ms}, input: 10}
                record:
                  spikes: all
                  state: [{population: n, variables: [v], neurons: [0, 1]}]
                  rates: {bin: 100 ms}
                """);
        Simulation.Result r = new Simulation(net).run(dir, null, () -> false, 0);
        assertThat(r.complete()).isTrue();
        long steps = net.steps();
        assertThat(steps).isEqualTo(100_000);
        try (Stream<String> lines = Files.lines(dir.resolve("state.csv"))) {
            assertThat(lines.count()).isEqualTo(steps + 2);   // header and t = 0 .. T
        }
        long spikes = net.populations().get(0).totalSpikes();
        try (Stream<String> lines = Files.lines(dir.resolve("spikes.csv"))) {
            assertThat(lines.count()).isEqualTo(spikes + 1);
        }
        assertThat(r.recorder().traceRows().size()).isLessThanOrEqualTo(Network.Memory.DEFAULT.traceRows() + 1);
        assertThat(r.recorder().rasterCount()).isLessThanOrEqualTo(Network.Memory.DEFAULT.spikes());
        assertThat(spikes).isGreaterThan(Network.Memory.DEFAULT.spikes());   // the run did exceed what is kept in memory
        assertThat(r.recorder().rateRows()).hasSize(100);
    }
}
