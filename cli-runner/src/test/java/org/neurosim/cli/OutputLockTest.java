package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs on one output folder: the second stops at once with exit 2 and one line naming the first (its process
 * id), and leaves the first's files alone; after the first ends the folder is free again.
 */
class OutputLockTest {
    @Test
    void aSecondRunOnTheSameFolderIsRefusedNamingTheHolder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Process first = Cli.start(dir.resolve("log.txt"), "run", Path.of("..", "examples", "cuba.yaml").toString(),
                "--duration", "1000 s", "--out", out.toString(), "--no-plots");
        try {
            Path partial = out.resolve("spikes.csv.partial");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((!Files.exists(partial) || Files.size(partial) < 10_000) && System.nanoTime() < deadline) {
                assertThat(first.isAlive()).as("first run still running").isTrue();
                Thread.sleep(50);
            }
            Cli second = Cli.run("run", Path.of("..", "examples", "cuba.yaml").toString(), "--duration", "10 ms",
                    "--out", out.toString(), "--no-plots");
            assertThat(second.exit()).isEqualTo(2);
            assertThat(second.err().strip()).isEqualTo("neurosim: --out: '" + out + "' is being written by another "
                    + "NeuroSim run (pid " + first.pid() + "); wait for it to finish or choose another folder");
            assertThat(Files.exists(partial)).as("the first run's file is untouched").isTrue();
        } finally {
            new ProcessBuilder("kill", "-INT", Long.toString(first.pid())).start().waitFor();
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        Cli after = Cli.run("run", Path.of("..", "examples", "cuba.yaml").toString(), "--duration", "10 ms",
                "--out", out.toString(), "--no-plots");
        assertThat(after.exit()).isZero();
    }
}
