package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The course demonstrations and the benchmark command of ../shared/spec/cli.md. */
class DemoAndBenchCommandTest {
    @Test
    void listNamesEveryDemo() {
        Cli r = Cli.run("demo", "--list");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("hh", "lif", "rate-curve", "activation", "psc", "synapse", "euler");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hh", "lif", "rate-curve", "activation", "psc", "synapse", "euler"})
    void eachDemoWritesItsCsvAndPlot(String name, @TempDir Path dir) throws Exception {
        Cli r = Cli.run("demo", name, "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve(name + ".csv"));
        assertThat(csv.size()).isGreaterThan(10);
        assertThat(Files.size(dir.resolve(name + ".png"))).isGreaterThan(5_000);
    }

    /**
     * Issue 29 item 16: the synapse demo says the weight it applies. It prints, per source, w (in seconds) and the
     * jump w/tau a spike adds to v_in; the CSV's input_i must jump by exactly that at the source's first spike (20, 60,
     * 130 ms), the closed form of the area-normalised exponential PSC, h(0) = 1/tau (science.md section 4). Before,
     * the legend said "w = 1.0" for a jump of 10.
     */
    @Test
    void synapseDemoSaysTheWeightsItApplies(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("demo", "synapse", "--out", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("synapse.csv"));
        int[] firstSpikeStep = {200, 600, 1300};   // 20, 60, 130 ms at dt 0.1 ms
        for (int i = 0; i < 3; i++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("source " + i
                    + ": w = (\\S+) s, each spike adds w/tau = (\\S+) to v_in").matcher(r.out());
            assertThat(m.find()).as("the demo states source %d's weight: %s", i, r.out()).isTrue();
            double w = Double.parseDouble(m.group(1)), jump = Double.parseDouble(m.group(2));
            assertThat(jump).isCloseTo(w / 0.010, within(1e-9));   // tau 10 ms
            double before = Double.parseDouble(csv.get(firstSpikeStep[i]).split(",")[1 + i]);
            double after = Double.parseDouble(csv.get(firstSpikeStep[i] + 1).split(",")[1 + i]);
            assertThat(after - before).as("input_%d's jump at its first spike", i).isCloseTo(jump, within(1e-9));
        }
    }

    @Test
    void activationDemoHoldsTheFiveFunctions(@TempDir Path dir) throws Exception {
        Cli.run("demo", "activation", "--out", dir.toString());
        List<String> csv = Files.readAllLines(dir.resolve("activation.csv"));
        assertThat(csv.get(0)).isEqualTo("z,logistic,arctan,tanh,threshold,relu");
        // the row z = 1 (index 241 of -5, -4.975, ...): closed forms of science.md section 3
        String[] f = csv.stream().filter(l -> l.startsWith("1.0,")).findFirst().orElseThrow().split(",");
        assertThat(Double.parseDouble(f[1])).isCloseTo(1 / (1 + Math.exp(-1)), within(1e-12));
        assertThat(Double.parseDouble(f[2])).isCloseTo(Math.atan(1), within(1e-12));
        assertThat(Double.parseDouble(f[3])).isCloseTo(Math.tanh(1), within(1e-12));
        assertThat(Double.parseDouble(f[4])).isEqualTo(1);
        assertThat(Double.parseDouble(f[5])).isEqualTo(1);
    }

    @Test
    void benchPrintsTheSpecifiedJson() throws Exception {
        Cli r = Cli.run("bench", "cuba", "--neurons", "1000", "--duration", "100 ms", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("name").asText()).isEqualTo("cuba");
        assertThat(j.get("neurons").asInt()).isEqualTo(1000);
        assertThat(j.get("synapses").asLong()).isBetween(18_000L, 22_000L);   // 1000^2 * 0.02
        assertThat(j.get("threads").asInt()).isEqualTo(1);
        assertThat(j.get("spikes").asLong()).isPositive();
        assertThat(j.get("mean_rate_hz").asDouble()).isCloseTo(j.get("spikes").asLong() / (1000 * 0.1), within(1e-9));
        assertThat(j.get("setup_s").asDouble()).isPositive();
        assertThat(j.get("simulate_s").asDouble()).isPositive();
        assertThat(j.get("integrator").asText()).isEqualTo("exact");   // examples/cuba.yaml's
    }

    @Test
    void benchTakesAnotherIntegratorAndNamesTheOptionOfAnUnknownOne() throws Exception {
        Cli r = Cli.run("bench", "cuba", "--neurons", "1000", "--duration", "100 ms", "--integrator", "exact-grid",
                "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("integrator").asText()).isEqualTo("exact-grid");
        Cli bad = Cli.run("bench", "cuba", "--integrator", "rk9");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("neurosim: --integrator: unknown integrator 'rk9' (did you mean 'rk4'?); "
                + "known integrators: dormand-prince, euler, euler-maruyama, exact, exact-grid, exponential-euler, heun, rk4");
    }

    @Test
    void benchWithFixedInDegreeGivesExactlyKSynapsesPerNeuron() throws Exception {
        Cli r = Cli.run("bench", "cobahh", "--neurons", "500", "--duration", "20 ms", "--in-degree", "40", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("synapses").asLong()).isEqualTo(500 * 40);
    }

    @org.junit.jupiter.api.Test
    void demoWithoutANameListsTheDemos() {
        Cli r = Cli.run("demo");
        org.assertj.core.api.Assertions.assertThat(r.exit()).isZero();
        org.assertj.core.api.Assertions.assertThat(r.out()).contains("euler").contains("run one with: neurosim demo NAME");
    }

    /** demo euler --dt 30ms: one Euler series at 30 ms > 2 tau, whose k-th value is (1/tau)(1 - dt/tau)^k = 100 (-2)^k. */
    @org.junit.jupiter.api.Test
    void demosTakeTheirMainParameters(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Cli r = Cli.run("demo", "euler", "--dt", "30ms", "--out", dir.toString());
        org.assertj.core.api.Assertions.assertThat(r.exit()).as(r.err()).isZero();
        java.util.List<String> rows = java.nio.file.Files.readAllLines(dir.resolve("euler.csv"));
        org.assertj.core.api.Assertions.assertThat(rows).hasSize(1 + 4);   // t = 0, 30, 60, 90 ms
        org.assertj.core.api.Assertions.assertThat(Double.parseDouble(rows.get(2).split(",")[2]))
                .isCloseTo(-200.0, org.assertj.core.data.Offset.offset(1e-9));
        Cli hh = Cli.run("demo", "hh", "--inputs", "0,20 uA/cm^2", "--out", dir.resolve("hh").toString());
        org.assertj.core.api.Assertions.assertThat(hh.exit()).as(hh.err()).isZero();
        org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.readAllLines(dir.resolve("hh/hh.csv")).get(0))
                .isEqualTo("time_s,v[I=0uA/cm^2],n[I=0uA/cm^2],m[I=0uA/cm^2],h[I=0uA/cm^2],v[I=20uA/cm^2],"
                        + "n[I=20uA/cm^2],m[I=20uA/cm^2],h[I=20uA/cm^2]");
        Cli wrong = Cli.run("demo", "psc", "--dt", "1ms");
        org.assertj.core.api.Assertions.assertThat(wrong.exit()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(wrong.err()).contains("--dt: only for demo euler");
    }

    /** A run estimated at over 10 minutes says so before it starts (1e8 steps of 4000 neurons: about 67 minutes). */
    @org.junit.jupiter.api.Test
    void aVeryLongRunIsAnnouncedWithAnEstimate() {
        org.assertj.core.api.Assertions.assertThat(Words.longRunWarning(1e8 * 4000, 1e-8, 1, "1e8 steps"))
                .isEqualTo("1e8 steps: about 67 minutes on this machine's kind; Ctrl-C stops it and keeps what is done");
        org.assertj.core.api.Assertions.assertThat(Words.longRunWarning(1e12 * 1, 1e-7, 1, "x")).contains("about 28 hours");
        org.assertj.core.api.Assertions.assertThat(Words.longRunWarning(1e13, 1e-7, 1, "x")).contains("about 12 days");
        org.assertj.core.api.Assertions.assertThat(Words.longRunWarning(1e4 * 4000, 1e-8, 1, "CUBA 1 s")).isNull();
    }
}
