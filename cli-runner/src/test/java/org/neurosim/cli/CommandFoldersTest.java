package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fi-curve, demo and sweep never write over a file NeuroSim did not write (issue 29, item 21, beyond run): a user's
 * folder that holds a file of the name a command writes is refused with one line, the file untouched; the
 * command's own folder is reused. Before, the user's file was replaced with exit 0.
 */
class CommandFoldersTest {
    @Test
    void aUsersFileOfTheSameNameIsNeverReplaced(@TempDir Path dir) throws Exception {
        Path mine = dir.resolve("fi_curve.csv");
        Files.writeString(mine, "my measurements\n");
        Cli r = Cli.run("fi-curve", "--model", "lif", "--inputs", "1.5", "--duration", "100ms", "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.oneErrorLine()).isTrue();
        assertThat(r.err()).contains("--out: '" + dir + "' holds 'fi_curve.csv', which NeuroSim did not write");
        assertThat(Files.readString(mine)).isEqualTo("my measurements\n");

        Path demo = dir.resolve("d");
        Files.createDirectories(demo);
        Files.writeString(demo.resolve("euler.png"), "not a plot");
        Cli d = Cli.run("demo", "euler", "--out", demo.toString());
        assertThat(d.exit()).as(d.err()).isEqualTo(2);
        assertThat(Files.readString(demo.resolve("euler.png"))).isEqualTo("not a plot");
    }

    @Test
    void aCommandsOwnFolderIsReused(@TempDir Path dir) {
        Path out = dir.resolve("fi");
        for (int k = 0; k < 2; k++) {
            Cli r = Cli.run("fi-curve", "--model", "lif", "--inputs", "1.5", "--duration", "100ms", "--out",
                    out.toString());
            assertThat(r.exit()).as("run " + k + ": " + r.err()).isEqualTo(0);
        }
        assertThat(out.resolve("fi_curve.csv")).exists();
    }
}
