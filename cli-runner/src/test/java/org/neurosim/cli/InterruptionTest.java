package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real signal to a real process: SIGINT or SIGTERM during {@code run} flushes every output, writes summary.json
 * with "complete": false and the time reached, and exits 130 or 143; every CSV is whole.
 */
class InterruptionTest {
    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"INT,130", "TERM,143"})
    void signalKeepsValidOutputs(String signal, int expectedExit, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Process p = Cli.start(dir.resolve("log.txt"), "run", Path.of("..", "examples", "cuba.yaml").toString(),
                "--duration", "1000 s", "--out", out.toString(), "--no-plots");
        Path partial = out.resolve("spikes.csv.partial");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((!Files.exists(partial) || Files.size(partial) < 200_000) && System.nanoTime() < deadline) {
            assertThat(p.isAlive()).as("still running").isTrue();
            Thread.sleep(50);
        }
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("log.txt"))).isEqualTo(expectedExit);

        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("complete").asBoolean()).isFalse();
        assertThat(s.get("reason").asText()).startsWith("interrupted at t = ");
        double reached = s.get("simulated_s").asDouble();
        assertThat(reached).isPositive().isLessThan(1000);
        List<String> spikes = Files.readAllLines(out.resolve("spikes.csv"));
        assertThat(spikes.get(0)).isEqualTo("population,neuron,time_s");
        long total = 0;
        for (String line : spikes.subList(1, spikes.size())) {
            String[] f = line.split(",");
            assertThat(f).hasSize(3);
            assertThat(Double.parseDouble(f[2])).isLessThanOrEqualTo(reached + 1e-9);
            total++;
        }
        assertThat(total).isEqualTo(s.get("populations").get("exc").get("spikes").asLong()
                + s.get("populations").get("inh").get("spikes").asLong());
        List<String> state = Files.readAllLines(out.resolve("state.csv"));
        assertThat(state.get(state.size() - 1).split(",")).hasSize(4);
        assertThat(Files.exists(partial)).isFalse();
    }

    /**
     * SIGINT during a long fi-curve (issue: it kept no rows): it stops within seconds, writes the inputs it
     * finished as whole rows, leaves no .partial file, and says so (exit 130).
     */
    @org.junit.jupiter.api.Test
    void anInterruptedFiCurveKeepsItsFinishedRows(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("fi");
        Process p = Cli.start(dir.resolve("log.txt"), "fi-curve", "--model", "hh", "--inputs", "5,10,20,30 uA/cm^2",
                "--duration", "200 s", "--out", out.toString(), "--no-plots");
        Thread.sleep(6000);
        assertThat(p.isAlive()).as("still running").isTrue();
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        long t0 = System.nanoTime();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds to stop").isLessThan(10);
        String log = Files.readString(dir.resolve("log.txt"));
        assertThat(p.exitValue()).as(log).isEqualTo(130);
        assertThat(log).contains("fi-curve stopped: ");
        List<String> rows = Files.readAllLines(out.resolve("fi_curve.csv"));
        assertThat(rows.get(0)).isEqualTo("input,rate_hz,spikes,first_spike_s");
        assertThat(rows.size() - 1).isBetween(0, 3);
        for (String r : rows.subList(1, rows.size())) assertThat(r.split(",", -1)).hasSize(4);
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    /**
     * SIGTERM while a demo writes its plot (issue: hh.png.partial was left): the file being written is removed on
     * the way out, so the folder holds only finished files.
     */
    @org.junit.jupiter.api.Test
    void aDemoStoppedWhileWritingItsPlotLeavesNoPartialFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("hh");
        Process p = Cli.start(dir.resolve("log.txt"), "demo", "hh", "--out", out.toString());
        Path partial = out.resolve("hh.png.partial");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(partial) && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(1);
        assertThat(Files.exists(partial)).as("caught the plot being written").isTrue();
        new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(143);
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }
}
