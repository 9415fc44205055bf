package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line with models typed as equations: fi-curve and plugins on a model file, run on a config. */
class EquationsCommandsTest {
    static final Path EXAMPLES = Path.of("..", "examples");

    /** The equations lif of examples/equations: rate G(v_in) = 1/(tau_ref - tau_m ln(1 - 1/v_in)) at 1 s. */
    @Test
    void fiCurveOnAModelFileGivesTheLifRateCurve(@TempDir Path out) throws Exception {
        Cli r = Cli.run("fi-curve", "--model", "equations", "--equations",
                EXAMPLES.resolve("equations/lif.yaml").toString(), "--inputs", "0.5,1.5,3", "--out", out.toString(),
                "--no-plots");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("fi_curve.csv"));
        assertThat(rows.get(0)).isEqualTo("input,rate_hz,spikes,first_spike_s");
        assertThat(rows.get(1)).startsWith("0.5,0.0,0,");
        // G(1.5) = 1/(0.002 + 0.02 ln 3) = 41.2 Hz: 41 spikes in 1 s; the first at tau_m ln 3 = 21.97 ms
        String[] c = rows.get(2).split(",");
        assertThat(Integer.parseInt(c[2])).isEqualTo(41);
        assertThat(Double.parseDouble(c[3])).isCloseTo(0.02 * Math.log(3), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.out()).contains("lif: 3 inputs, exact");
    }

    @Test
    void fiCurveWithEquationsNeedsAFileAndRefusesOneForACodedModel() {
        Cli none = Cli.run("fi-curve", "--model", "equations", "--inputs", "1");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--equations: required for --model equations");
        Cli coded = Cli.run("fi-curve", "--model", "lif", "--equations", "x.yaml", "--inputs", "1");
        assertThat(coded.exit()).isEqualTo(2);
        assertThat(coded.err()).contains("--equations: only a model defined by text takes a model file");
        assertThat(coded.oneErrorLine()).isTrue();
    }

    @Test
    void pluginsDescribesAnEquationsModel() {
        Cli r = Cli.run("plugins", "--equations", EXAMPLES.resolve("equations/adex.yaml").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("v            voltage   threshold -40 mV, held while refractory")
                .contains("w            current").contains("Input (I_ext, I_syn): a current")
                .contains("tau_w        = 144 ms").contains("Integrators: rk4 by default; also dormand-prince, euler, heun");
        Cli lif = Cli.run("plugins", "--equations", EXAMPLES.resolve("equations/lif.yaml").toString());
        assertThat(lif.out()).contains("Integrators: exact by default; also dormand-prince, euler, exponential-euler");
    }

    /** CUBA with its lif typed as equations: the rates of the built-in CUBA (5.83 / 5.67 Hz at seed 1) within 5%. */
    @Test
    void cubaWithEquationsRunsAtTheBuiltInRates(@TempDir Path out) throws Exception {
        Cli r = Cli.run("run", EXAMPLES.resolve("cuba-equations.yaml").toString(), "--out", out.toString(),
                "--set", "record={spikes: all}", "--no-plots");
        assertThat(r.exit()).as(r.err()).isZero();
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("summary.json").toFile());
        double exc = summary.at("/populations/exc/mean_rate_hz").asDouble();
        double inh = summary.at("/populations/inh/mean_rate_hz").asDouble();
        assertThat(exc).isBetween(5.83 * 0.95, 5.83 * 1.05);
        assertThat(inh).isBetween(5.67 * 0.95, 5.67 * 1.05);
    }
}
