package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** `neurosim fi-curve` as issue 5 runs it: LIF rates within 1% of G(v_in), at dt 0.1 ms and 1 ms. */
class FiCurveCommandTest {
    @ParameterizedTest(name = "dt = {0}")
    @ValueSource(strings = {"0.1ms", "1ms"})
    void lifRatesWithinOnePercentOfG(String dt, @TempDir Path dir) throws Exception {
        Cli r = Cli.run("fi-curve", "--model", "lif", "--param", "tau_m=20ms", "--param", "tau_ref=2ms",
                "--inputs", "0.5,1,1.01,1.1,1.5,2,5,10", "--dt", dt, "--duration", "2s", "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("fi_curve.csv"));
        assertThat(lines.get(0)).isEqualTo("input,rate_hz,spikes,first_spike_s,analytic_rate_hz");
        assertThat(lines).hasSize(9);
        assertThat(lines.get(3)).startsWith("1.01,");   // the input as given
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            double vIn = Double.parseDouble(f[0]);
            // G(v_in) = 1 / (tau_ref - tau_m ln(1 - 1/v_in)), science.md section 2
            double g = vIn > 1 ? 1 / (0.002 - 0.020 * Math.log(1 - 1 / vIn)) : 0;
            assertThat(Double.parseDouble(f[4])).isCloseTo(g, within(1e-9 * Math.max(1, g)));
            if (g == 0) {
                assertThat(Double.parseDouble(f[1])).isZero();
                assertThat(f[3]).isEmpty();
            } else {
                assertThat(Double.parseDouble(f[1])).as("v_in = %s", vIn).isCloseTo(g, within(0.01 * g));
                assertThat(Long.parseLong(f[2])).isEqualTo(Math.round(Double.parseDouble(f[1]) * 2));
            }
        }
        assertThat(Files.size(dir.resolve("fi_curve.png"))).isGreaterThan(1000);
    }

    @Test
    void hhCurveHasNoAnalyticColumnAndCountsAfterTheTransient(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("fi-curve", "--model", "hh", "--inputs", "0,2.5,10", "uA/cm^2", "--duration", "300ms",
                "--transient", "100ms", "--out", dir.toString(), "--no-plots");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("fi_curve.csv"));
        assertThat(lines.get(0)).isEqualTo("input,rate_hz,spikes,first_spike_s");
        assertThat(lines.get(1)).isEqualTo("0,0.0,0,");
        String[] one = lines.get(2).split(",", -1);
        assertThat(one[1]).isEqualTo("0.0");   // the single spike at 2.5 falls in the transient
        assertThat(one[2]).isEqualTo("1");
        double rate10 = Double.parseDouble(lines.get(3).split(",")[1]);
        assertThat(rate10).isBetween(65.0, 75.0);   // about 70 Hz (science.md section 1)
    }
}
