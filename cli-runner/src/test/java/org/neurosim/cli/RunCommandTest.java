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

/** `neurosim run` and `validate`: the output files of ../shared/spec/cli.md, their headers and units. */
class RunCommandTest {
    static final String CUBA = Path.of("..", "examples", "cuba.yaml").toString();

    @Test
    void writesEveryOutputWithTheSpecifiedHeadersAndSiUnits(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("run", CUBA, "--out", dir.toString(), "--duration", "200 ms", "--seed", "3",
                "--set", "populations.exc.size=800", "--set", "populations.inh.size=200");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> spikes = Files.readAllLines(dir.resolve("spikes.csv"));
        assertThat(spikes.get(0)).isEqualTo("population,neuron,time_s");
        String[] first = spikes.get(1).split(",");
        assertThat(first[0]).isIn("exc", "inh");
        assertThat(Double.parseDouble(first[2])).isBetween(0.0, 0.2);   // seconds
        List<String> state = Files.readAllLines(dir.resolve("state.csv"));
        assertThat(state.get(0)).isEqualTo("time_s,exc.v[0],exc.v[1],exc.v[2]");
        assertThat(state).hasSize(2002);   // header, t = 0 and 2000 steps
        double v = Double.parseDouble(state.get(1).split(",")[1]);
        assertThat(v).isBetween(-0.060, -0.050);   // volts, from uniform(-60 mV, -50 mV)
        List<String> rates = Files.readAllLines(dir.resolve("rates.csv"));
        assertThat(rates.get(0)).isEqualTo("time_s,exc,inh");
        assertThat(rates).hasSize(41);   // 200 ms in 5 ms bins
        JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(s.get("name").asText()).isEqualTo("cuba");
        assertThat(s.get("seed").asLong()).isEqualTo(3);
        assertThat(s.get("dt_s").asDouble()).isEqualTo(1e-4);
        assertThat(s.get("duration_s").asDouble()).isCloseTo(0.2, within(1e-12));
        assertThat(s.get("steps").asLong()).isEqualTo(2000);
        assertThat(s.get("synapses").asLong()).isBetween(18_000L, 22_000L);   // 1000^2 * 0.02
        assertThat(s.get("complete").asBoolean()).isTrue();
        JsonNode exc = s.get("populations").get("exc");
        assertThat(exc.get("model").asText()).isEqualTo("lif");
        assertThat(exc.get("size").asInt()).isEqualTo(800);
        assertThat(exc.get("integrator").asText()).isEqualTo("exact");
        long excSpikes = spikes.stream().filter(l -> l.startsWith("exc,")).count();
        assertThat(exc.get("spikes").asLong()).isEqualTo(excSpikes);
        assertThat(exc.get("mean_rate_hz").asDouble()).isCloseTo(excSpikes / (800 * 0.2), within(1e-9));
        assertThat(s.get("wall_s").get("build").asDouble()).isPositive();
        assertThat(s.get("wall_s").get("simulate").asDouble()).isPositive();
        // the effective config is kept beside the outputs, with the overrides applied
        String effective = Files.readString(dir.resolve("config.yaml"));
        assertThat(effective).contains("size: 800").contains("seed: 3").contains("duration: \"200 ms\"");
        for (String png : List.of("raster.png", "traces.png", "rates.png")) {
            assertThat(Files.size(dir.resolve(png))).as(png).isGreaterThan(1000);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void defaultOutputFolderIsOutSlashName(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("tiny.yaml");
        Files.writeString(config, "duration: 5 ms\npopulations:\n  a: {model: lif, size: 2, input: 1.5}\n");
        String cwd = System.getProperty("user.dir");
        Cli r = Cli.run("run", config.toString(), "--no-plots");
        assertThat(r.exit()).as(r.err()).isZero();
        Path out = Path.of(cwd, "out", "tiny");
        assertThat(out.resolve("summary.json")).exists();
        assertThat(out.resolve("raster.png")).doesNotExist();
    }

    @Test
    void aSecondRunIntoTheSameFolderLeavesNoStaleFiles(@TempDir Path dir) throws Exception {
        Cli first = Cli.run("run", CUBA, "--out", dir.toString(), "--duration", "20 ms", "--no-plots",
                "--set", "populations.exc.size=100", "--set", "populations.inh.size=25");
        assertThat(first.exit()).isZero();
        assertThat(dir.resolve("state.csv")).exists();
        // the second run records no state and no rates: their old files must not remain
        Cli second = Cli.run("run", CUBA, "--out", dir.toString(), "--duration", "20 ms", "--no-plots",
                "--set", "populations.exc.size=100", "--set", "populations.inh.size=25", "--set", "record={spikes: all}");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(dir.resolve("state.csv")).doesNotExist();
        assertThat(dir.resolve("rates.csv")).doesNotExist();
        assertThat(dir.resolve("spikes.csv")).exists();
    }

    @Test
    void validateChecksWithoutSimulating() {
        Cli r = Cli.run("validate", CUBA);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("valid: cuba, 2 populations (4000 neurons)");
    }

    @Test
    void numericalFailureStopsWithExitThreeAndKeepsOutputs(@TempDir Path dir) throws Exception {
        // HH with Euler at dt = 1 ms is unstable: its state becomes NaN or infinite within a few steps
        Path config = dir.resolve("hh-euler.yaml");
        Files.writeString(config, """
                name: hh-euler
                dt: 1 ms
                duration: 100 ms
                populations:
                  n: {model: hh, size: 2, input: 10 uA/cm^2, integrator: euler}
                record: {spikes: all, state: [{population: n, variables: [v], neurons: [0]}]}
                """);
        Cli r = Cli.run("run", config.toString(), "--out", dir.resolve("o").toString(), "--no-plots");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.oneErrorLine()).isTrue();
        assertThat(r.err()).contains("population n", "neuron 0", "t = ", "smaller dt");
        JsonNode s = new ObjectMapper().readTree(dir.resolve("o/summary.json").toFile());
        assertThat(s.get("complete").asBoolean()).isFalse();
        assertThat(s.get("reason").asText()).contains("population n");
        List<String> state = Files.readAllLines(dir.resolve("o/state.csv"));
        assertThat(state.get(0)).isEqualTo("time_s,n.v[0]");
        assertThat(state.size()).isBetween(2, 100);
    }
    /** Counts read as words: one neuron, not "1 neurons". */
    @Test
    void summaryLinesSayOneNeuronInTheSingular(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("one.yaml");
        Files.writeString(config, "dt: 0.1 ms\nduration: 10 ms\npopulations:\n  a: {model: lif, size: 1, input: 1.5}\n");
        Cli run = Cli.run("run", config.toString(), "--out", dir.resolve("out").toString(), "--no-plots");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("one: 1 neuron, 0 synapses, ");
        Cli valid = Cli.run("validate", config.toString());
        assertThat(valid.out()).startsWith("valid: one, 1 population (1 neuron), 0 synapses, dt 0.1000 ms, 100 steps");
    }
}
