package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29, item 5: {@code sweep --vary seed=1,2,3} gave three rows with the config's seed, the same rates, and the
 * header {@code seed,seed,...}. Reference: cli.md ("--vary seed=... varies the seed itself") and {@code run --seed N}
 * of the same config, whose summary's rate each row must equal.
 */
class SweepSeedTest {
    static final String CONFIG = """
            name: noisy
            dt: 0.1 ms
            duration: 200 ms
            seed: 7
            populations:
              n:
                model: lif
                size: 50
                params: {tau_m: 20 ms, v_rest: 0 mV, v_th: 20 mV, v_reset: 0 mV, tau_ref: 2 ms}
                poisson_input: {rate: 10 kHz, weight: 0.3 mV}
            """;

    @Test
    void eachRowRunsWithItsSeedAsRunDoes(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("noisy.yaml");
        Files.writeString(config, CONFIG);
        Path out = dir.resolve("sweep");
        Cli r = Cli.run("sweep", config.toString(), "--vary", "seed=1,2,3", "--out", out.toString(), "--no-plots",
                "--workers", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(lines.get(0)).isEqualTo("seed,n.rate_hz,n.cv_isi,complete,wall_s");
        assertThat(lines).hasSize(4);
        for (int k = 1; k <= 3; k++) {
            String[] row = lines.get(k).split(",");
            assertThat(row[0]).isEqualTo(Integer.toString(k));
            Path single = dir.resolve("run" + k);
            Cli run = Cli.run("run", config.toString(), "--seed", Integer.toString(k), "--out", single.toString(),
                    "--no-plots");
            assertThat(run.exit()).as(run.err()).isZero();
            double rate = new ObjectMapper().readTree(single.resolve("summary.json").toFile())
                    .at("/populations/n/mean_rate_hz").asDouble();
            assertThat(Double.parseDouble(row[1])).as("row of seed " + k).isEqualTo(rate);
        }
        assertThat(lines.get(1).split(",")[1]).as("seeds 1 and 2 differ").isNotEqualTo(lines.get(2).split(",")[1]);

        Cli both = Cli.run("sweep", config.toString(), "--vary", "seed=1,2", "--seeds", "2", "--out",
                out.toString(), "--no-plots");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.oneErrorLine()).as(both.err()).isTrue();
        assertThat(both.err()).contains("--seeds: give either");
        Cli notWhole = Cli.run("sweep", config.toString(), "--vary", "seed=1,x", "--out", out.toString());
        assertThat(notWhole.exit()).isEqualTo(2);
        assertThat(notWhole.err()).contains("--vary seed: expected whole numbers");
    }
}
