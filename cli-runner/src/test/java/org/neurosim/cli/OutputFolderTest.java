package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29, item 21: NeuroSim never writes over or deletes a file it did not write. The reference is the user's
 * files themselves: after a refused run every one of them is byte for byte what it was, and nothing was written
 * beside them. A run into the config's own folder (it would replace the config with the effective one and delete
 * the weights CSV it reads), {@code name: ".."} (whose default folder out/.. is the working folder), and a folder
 * holding a spikes.csv of the user's are each refused with exit 2 and one line.
 */
class OutputFolderTest {
    /** A config that reads a spike-times file and a weights CSV beside it, as a user's folder would hold. */
    static Path userFolder(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("net.yaml"), """
                # a user's config, with comments
                dt: 0.1 ms
                duration: 200 ms
                seed: 3
                populations:
                  src: {model: spike-times, size: 2, times: times.csv}
                  post: {model: lif, size: 3, params: {tau_m: 20 ms, v_rest: 0 mV, v_th: 20 mV, v_reset: 0 mV, tau_ref: 2 ms}}
                projections:
                  - {from: src, to: post, connect: {weights: w.csv}, weight: 1 mV, delay: 1 ms}
                record: {spikes: all}
                """);
        StringBuilder times = new StringBuilder("neuron,time_s\n");
        for (int k = 0; k < 100; k++) times.append(k % 2).append(',').append(0.001 + k * 0.0019).append('\n');
        Files.writeString(dir.resolve("times.csv"), times);
        Files.writeString(dir.resolve("w.csv"), "12,12\n15,8\n25,0\n");
        return dir.resolve("net.yaml");
    }

    @Test
    void theConfigsOwnFolderIsRefusedAndItsFilesStayAsTheyWere(@TempDir Path dir) throws Exception {
        Path config = userFolder(dir.resolve("model"));
        List<byte[]> before = contents(config.getParent());
        Cli r = Cli.run("run", config.toString(), "--out", config.getParent().toString(), "--no-plots");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.oneErrorLine()).as(r.err()).isTrue();
        assertThat(r.err()).contains("--out: ", "holds the run's input");
        assertThat(contents(config.getParent())).as("the user's files").containsExactlyElementsOf(before);
        try (var files = Files.list(config.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("net.yaml", "times.csv",
                    "w.csv");
        }

        Cli above = Cli.run("run", config.toString(), "--out", dir.toString(), "--no-plots");   // contains it
        assertThat(above.exit()).as(above.err()).isEqualTo(2);
        Cli beside = Cli.run("run", config.toString(), "--out", dir.resolve("out").toString(), "--no-plots");
        assertThat(beside.exit()).as(beside.err()).isZero();
        assertThat(contents(config.getParent())).containsExactlyElementsOf(before);
    }

    /** In a separate process whose working folder holds the user's files: out/.. is that folder. */
    @Test
    void aNameOfDotsIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path config = userFolder(dir.resolve("work"));
        Files.writeString(config.resolveSibling("spikes.csv"), "the user's own spikes\n");
        List<byte[]> before = contents(config.getParent());
        Path log = dir.resolve("log.txt");
        Process p = Cli.start(List.of(), config.getParent(), log, "run", "net.yaml", "--set", "name=..", "--no-plots");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = Files.readString(log);
        assertThat(p.exitValue()).as(said).isEqualTo(2);
        assertThat(said.strip()).startsWith("neurosim: name: ").contains("'..'").doesNotContain("\n");
        assertThat(contents(config.getParent())).containsExactlyElementsOf(before);
    }

    @Test
    void aFolderNeuroSimDidNotWriteIsNotWrittenOver(@TempDir Path dir) throws Exception {
        Path config = userFolder(dir.resolve("model"));
        Path theirs = dir.resolve("data");
        Files.createDirectories(theirs);
        Files.writeString(theirs.resolve("spikes.csv"), "recorded in the lab\n");
        Cli r = Cli.run("run", config.toString(), "--out", theirs.toString(), "--no-plots");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.oneErrorLine()).as(r.err()).isTrue();
        assertThat(r.err()).contains("holds 'spikes.csv', which NeuroSim did not write");
        assertThat(Files.readString(theirs.resolve("spikes.csv"))).isEqualTo("recorded in the lab\n");

        Path ours = dir.resolve("ours");   // NeuroSim's folder: a second run replaces the first's outputs
        assertThat(Cli.run("run", config.toString(), "--out", ours.toString(), "--no-plots").exit()).isZero();
        assertThat(Cli.run("run", config.toString(), "--out", ours.toString(), "--no-plots").exit()).isZero();
    }

    /** Every file of a folder, in name order. */
    static List<byte[]> contents(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.sorted().map(f -> {
                try {
                    return Files.readAllBytes(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
