package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29, item 24, with a real process: the output folder of a long run is deleted while it runs. Reference: the
 * CLI's contract for an output that cannot be written (cli.md, exit code 4: one line naming the file), which a run
 * must meet within seconds, not when its simulated 1000 s end.
 */
class DeletedOutputFolderTest {
    @Test
    void aRunWhoseFolderIsDeletedStopsWithinSecondsWithExit4(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out"), log = dir.resolve("log.txt");
        Process p = Cli.start(log, "run", Path.of("..", "examples", "cuba.yaml").toString(), "--duration", "1000 s",
                "--out", out.toString(), "--no-plots");
        try {
            Path partial = out.resolve("spikes.csv.partial");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((!Files.exists(partial) || Files.size(partial) < 10_000) && System.nanoTime() < deadline) {
                assertThat(p.isAlive()).as("still running").isTrue();
                Thread.sleep(50);
            }
            try (var files = Files.walk(out)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            assertThat(out).doesNotExist();
            long t0 = System.nanoTime();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s of the deletion").isTrue();
            String said = Files.readString(log);
            assertThat(p.exitValue()).as(said).isEqualTo(4);
            assertThat(said.strip()).startsWith("neurosim: " + out + ": the output folder was deleted")
                    .doesNotContain("\n");
            assertThat((System.nanoTime() - t0) / 1e9).as("seconds to notice").isLessThan(5);
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
    }
}
