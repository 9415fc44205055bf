package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code neurosim sweep}: sweep.csv's columns and rows, --resume, heat maps, bad input. */
class SweepCommandTest {
    static final String CONFIG = """
            name: tiny
            dt: 0.1 ms
            duration: 100 ms
            seed: 3
            variables: {drive: 1.5}
            populations:
              n:
                model: lif
                size: 20
                params: {tau_m: 20 ms, tau_ref: 2 ms}
                input: "${drive}"
            """;

    static Path config(Path dir) throws Exception {
        Path f = dir.resolve("tiny.yaml");
        Files.writeString(f, CONFIG);
        return f;
    }

    /**
     * Normalised LIF at constant input v_in fires at G(v_in) = 1/(tau_ref - tau_m ln(1 - 1/v_in)): 41.2 Hz at 1.5,
     * 63.6 Hz at 2 (less the first interval from rest within 100 ms: counts of 4 and 6 spikes, 40 and 60 Hz).
     */
    @Test
    void aRowPerRunWithTheVariedValuesSeedRatesAndCv(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Cli r = Cli.run("sweep", config(dir).toString(), "--vary", "drive=1.5,2", "--vary", "populations.n.params.tau_ref=2 ms,5 ms",
                "--seeds", "2", "--out", out.toString(), "--workers", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(lines.get(0)).isEqualTo("drive,populations.n.params.tau_ref,seed,n.rate_hz,n.cv_isi,complete,wall_s");
        assertThat(lines).hasSize(1 + 8);
        assertThat(lines.subList(1, 9)).anySatisfy(l -> assertThat(l).startsWith("1.5,2 ms,3,40.0,"))
                .anySatisfy(l -> assertThat(l).startsWith("2,2 ms,4,60.0,"));
        assertThat(out.resolve("sweep-n.png")).exists();   // two keys varied: the heat maps
        assertThat(r.out()).contains("8 runs").contains("2 workers");
    }

    @Test
    void resumeRunsOnlyTheRowsThatAreMissing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path cfg = config(dir);
        assertThat(Cli.run("sweep", cfg.toString(), "--vary", "drive=1.5,2", "--out", out.toString()).exit()).isZero();
        List<String> first = Files.readAllLines(out.resolve("sweep.csv"));
        // as if the sweep had been stopped after its first row
        Files.write(out.resolve("sweep.csv"), first.subList(0, 2));
        Cli r = Cli.run("sweep", cfg.toString(), "--vary", "drive=1.5,2", "--out", out.toString(), "--resume");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 run in").contains("(1 run kept from before)");
        List<String> after = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(after).hasSize(3);
        assertThat(after.get(1)).isEqualTo(first.get(1));
        assertThat(after.get(2).split(",")[2]).isEqualTo(first.get(2).split(",")[2]);   // the same rate
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path cfg = config(dir);
        Cli unknown = Cli.run("sweep", cfg.toString(), "--vary", "drives=1,2", "--out", dir.resolve("o").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.oneErrorLine()).isTrue();
        assertThat(unknown.err()).contains("drives: unknown key");
        Cli malformed = Cli.run("sweep", cfg.toString(), "--vary", "drive", "--out", dir.resolve("o").toString());
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err()).contains("--vary: expected KEY=V1,V2,..., got 'drive'");
        Cli spark = Cli.run("sweep", cfg.toString(), "--vary", "drive=1", "--engine", "spark");
        assertThat(spark.exit()).isEqualTo(2);
        assertThat(spark.err()).contains("--engine");
    }
}
