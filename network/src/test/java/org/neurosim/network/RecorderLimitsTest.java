package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.neurosim.core.model.SpikeBuffer;
import org.neurosim.core.output.RunOutput;

/**
 * What a run keeps in memory is bounded, configurable (record.memory) and reported; a listener gets everything.
 * The reference counts are the engine's own (each population's spike count) and the number of steps + 1.
 */
class RecorderLimitsTest {
    static final String NET = """
            dt: 0.1 ms
            duration: 1 s
            seed: 3
            populations:
              src: {model: poisson, size: 500, params: {rate: 10 Hz}}
            record:
              spikes: all
              MEMORY
            """;

    @Test
    void theInMemorySpikesStopAtTheConfiguredLimitAndSaySo() {
        Network net = Nets.build(NET.replace("MEMORY", "memory: {spikes: 100}"));
        AtomicLong heard = new AtomicLong();
        Simulation.Result r = new Simulation(net).listen(new RunOutput() {
            @Override public void spikes(int population, double stepStart, SpikeBuffer spikes) {
                heard.addAndGet(spikes.count());
            }
            @Override public void close() { }
        }).run(null, null, () -> false, 0);
        long total = net.populations().stream().mapToLong(PopulationView::totalSpikes).sum();
        assertThat(total).isBetween(4000L, 6000L);   // 500 x 10 Hz x 1 s
        assertThat(heard.get()).isEqualTo(total);     // the listener: every spike
        assertThat(r.recorder().rasterCount()).isEqualTo(100);
        assertThat(r.recorder().recordedSpikes()).isEqualTo(total);
        assertThat(r.recorder().memoryLimits()).singleElement().asString()
                .contains("first 100 of " + String.format(java.util.Locale.ROOT, "%,d", total))
                .contains("record.memory.spikes");
        assertThat(r.summary().get("warnings").toString()).contains("record.memory.spikes");
    }

    @Test
    void tracesAreThinnedToTheConfiguredRowsAndSaySo() {
        Network thinned = Nets.build(lif("memory: {trace_rows: 1000}"));
        Simulation.Result a = Nets.run(thinned);
        // 10,001 samples (t = 0 .. 1 s) into at most 1000 rows: every 11th step
        assertThat(a.recorder().traceStride()).isEqualTo(11);
        assertThat(a.recorder().traceRows()).hasSize(10_001 / 11 + 1);
        assertThat(a.recorder().memoryLimits()).anyMatch(n -> n.contains("every 11th step"));

        Network whole = Nets.build(lif("memory: {trace_rows: 20000}"));
        Simulation.Result b = Nets.run(whole);
        assertThat(b.recorder().traceRows()).hasSize(10_001);
        assertThat(b.recorder().memoryLimits()).isEmpty();
    }

    static String lif(String memory) {
        return """
                dt: 0.1 ms
                duration: 1 s
                populations:
                  n: {model: lif, size: 1, params: {tau_m: 20 ms}, input: 0.5}
                record:
                  spikes: all
                  state: [{population: n, variables: [v], neurons: [0]}]
                  MEMORY
                """.replace("MEMORY", memory);
    }
}
