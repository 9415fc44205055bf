package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.output.RunOutput;
import org.neurosim.core.model.SpikeBuffer;

/**
 * Issue 29, item 23, from Java with real files. Reference: what the CLI already promises for two processes
 * (OutputLockTest) and for an interrupted run (InterruptionTest): a second run on a folder in use is refused and the
 * first's files are left whole; a run that ends early leaves summary.json with "complete": false beside its files.
 */
class OneFolderTwoRunsTest {
    static final String NET = """
            dt: 0.1 ms
            duration: %s
            seed: 4
            populations:
              n: {model: lif, size: 200, params: {tau_m: 20 ms, v_rest: 0 mV, v_th: 20 mV, v_reset: 0 mV, tau_ref: 2 ms},
                  poisson_input: {rate: 20 kHz, weight: 0.2 mV}}
            record: {spikes: all}
            """;

    @Test
    void aSecondSimulationOnTheFolderOfARunningOneIsRefused(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Simulation.Result> first = CompletableFuture.supplyAsync(() ->
                new Simulation(Nets.build(NET.formatted("1000 s"))).run(out, null, stop::get, 0));
        Path partial = out.resolve("spikes.csv.partial");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(partial) && Files.size(partial) > 1000) && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(first).isNotDone();

        Simulation second = new Simulation(Nets.build(NET.formatted("10 ms")));
        assertThatThrownBy(() -> second.run(out)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is being written by another NeuroSim run in this process");
        assertThat(partial).as("the first run's file").exists();

        stop.set(true);
        Simulation.Result r = first.get(60, TimeUnit.SECONDS);
        assertThat(r.complete()).isFalse();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        List<String> rows = Files.readAllLines(out.resolve("spikes.csv"));
        assertThat(rows.size() - 1L).as("spikes.csv rows are the first run's").isEqualTo(
                summary.get("populations").get("n").get("spikes").asLong()).isPositive();
    }

    @Test
    void aListenerThatThrowsLeavesASummarySayingTheRunIsNotComplete(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        RunOutput failing = new RunOutput() {
            int calls;

            @Override
            public void spikes(int population, double stepStart, SpikeBuffer spikes) {
                if (++calls == 500) throw new IllegalStateException("listener gave up");
            }

            @Override
            public void close() { }
        };
        Simulation sim = new Simulation(Nets.build(NET.formatted("1 s"))).listen(failing);
        assertThatThrownBy(() -> sim.run(out)).hasMessageContaining("listener gave up");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("complete").asBoolean()).isFalse();
        assertThat(summary.get("reason").asText()).startsWith("failed at t = ").contains("listener gave up");
        assertThat(summary.get("simulated_s").asDouble()).isLessThan(1);
        List<String> rows = Files.readAllLines(out.resolve("spikes.csv"));
        assertThat(rows.size() - 1L).isEqualTo(summary.get("populations").get("n").get("spikes").asLong());
    }
}
