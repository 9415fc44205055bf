package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real OutOfMemoryError in a real process (a 64 MiB heap, and record.memory.spikes raised far past what it holds,
 * which the estimate before the build cannot know about): one line naming the heap and a setting that would help,
 * exit 2, and a summary that says the run is incomplete and how far it got; the CSV is whole rows.
 */
class OutOfMemoryTest {
    @Test
    void aRunThatRunsOutOfMemoryEndsWithOneLineAndAnIncompleteSummary(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("big.yaml"), out = dir.resolve("out");
        Files.writeString(config, """
                dt: 0.1 ms
                duration: 10 s
                populations:
                  src: {model: poisson, size: 20000, params: {rate: 500 Hz}}
                record: {spikes: all, memory: {spikes: 1000000000}}
                """);
        Process p = Cli.start(List.of("-Xmx64m"), dir.resolve("log.txt"), "run", config.toString(), "--out",
                out.toString(), "--no-plots");
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("log.txt"));
        assertThat(p.exitValue()).as(log).isEqualTo(2);
        List<String> lines = log.strip().lines().toList();
        assertThat(lines).as(log).hasSize(1);
        assertThat(lines.get(0)).startsWith("neurosim: out of memory (the Java heap holds 64 MiB); raise it with "
                + "JAVA_OPTS=-Xmx").contains("or make the network smaller");
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("complete").asBoolean()).isFalse();
        assertThat(s.get("reason").asText()).startsWith("out of memory at t = ");
        List<String> rows = Files.readAllLines(out.resolve("spikes.csv"));
        assertThat(rows.size()).isGreaterThan(100_000);
        for (String r : rows.subList(1, rows.size())) assertThat(r.split(",")).hasSize(3);
    }
}
