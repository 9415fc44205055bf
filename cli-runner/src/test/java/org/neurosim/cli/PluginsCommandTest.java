package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `neurosim plugins --json` as ../shared/spec/cli.md specifies it, and plugins loaded from --plugins DIR. */
class PluginsCommandTest {
    static final Path IZHIKEVICH_JAR = Path.of("..", "examples", "izhikevich-plugin", "target", "izhikevich-plugin-1.0.0.jar");

    static List<String> names(JsonNode arr) {
        List<String> n = new ArrayList<>();
        arr.forEach(e -> n.add(e.get("name").asText()));
        return n;
    }

    static JsonNode find(JsonNode arr, String name) {
        for (JsonNode e : arr) if (e.get("name").asText().equals(name)) return e;
        throw new AssertionError("no plugin " + name);
    }

    @Test
    void listsEveryPluginOfEveryModuleWithParametersAndSource() throws Exception {
        Cli r = Cli.run("plugins", "--json");
        assertThat(r.exit()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(names(j.get("neuron_models"))).contains("hh", "hh-traub", "lif", "rate", "poisson", "spike-times");
        assertThat(names(j.get("integrators")))
                .containsExactlyInAnyOrder("euler", "heun", "rk4", "exponential-euler", "exact", "dormand-prince");
        assertThat(names(j.get("kernels")))
                .containsExactlyInAnyOrder("exponential", "alpha", "gamma", "double-exponential", "delta");
        assertThat(names(j.get("activations")))
                .containsExactlyInAnyOrder("logistic", "arctan", "tanh", "threshold", "relu", "linear", "lif-rate");
        JsonNode lif = find(j.get("neuron_models"), "lif");
        assertThat(lif.get("source").asText()).isEqualTo("models-lif");
        JsonNode tauM = lif.get("params").get(0);
        assertThat(tauM.get("name").asText()).isEqualTo("tau_m");
        assertThat(tauM.get("unit").asText()).isEqualTo("ms");
        assertThat(tauM.get("default").asText()).isEqualTo("20 ms");
        assertThat(find(j.get("neuron_models"), "hh").get("source").asText()).isEqualTo("models-hh");
        assertThat(find(j.get("integrators"), "rk4").get("order").asInt()).isEqualTo(4);
        assertThat(find(j.get("kernels"), "gamma").get("source").asText()).isEqualTo("synapses");
    }

    @Test
    void textListingNamesEveryKind() {
        Cli r = Cli.run("plugins");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Neuron models:", "Integrators:", "Synaptic kernels:", "Activation functions:");
    }

    @Test
    void externalJarAddsItsModelWithNoChangeToNeuroSim(@TempDir Path dir) throws Exception {
        assertThat(IZHIKEVICH_JAR).as("built by the reactor before cli-runner (mvn verify)").exists();
        Files.copy(IZHIKEVICH_JAR, dir.resolve("izhikevich.jar"));
        Cli r = Cli.run("--plugins", dir.toString(), "plugins", "--json");
        assertThat(r.exit()).isZero();
        JsonNode izh = find(new ObjectMapper().readTree(r.out()).get("neuron_models"), "izhikevich");
        assertThat(izh.get("source").asText()).isEqualTo("izhikevich.jar");
        assertThat(names(izh.get("params"))).containsExactly("a", "b", "c", "d", "v_peak");

        // and a network uses it
        Path config = dir.resolve("izh.yaml");
        Files.writeString(config, """
                name: izh
                dt: 0.01 ms
                duration: 500 ms
                populations:
                  rs: {model: izhikevich, size: 3, input: 10}
                record: {spikes: all}
                """);
        Cli run = Cli.run("--plugins", dir.toString(), "run", config.toString(), "--out", dir.resolve("out").toString(),
                "--no-plots");
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> spikes = Files.readAllLines(dir.resolve("out/spikes.csv"));
        assertThat(spikes.get(0)).isEqualTo("population,neuron,time_s");
        // regular spiking at I = 10 fires tonically: several spikes per neuron in 500 ms
        assertThat(spikes.size() - 1).isGreaterThan(3 * 5);
        assertThat(spikes.get(1)).startsWith("rs,");
    }

    @Test
    void unreadablePluginDirectoryIsExitTwoWithOneLine(@TempDir Path dir) {
        Cli r = Cli.run("--plugins", dir.resolve("nope").toString(), "plugins");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.oneErrorLine()).isTrue();
        assertThat(r.err()).contains("--plugins").contains("cannot read directory");
    }

    @Test
    void badFlagAndUnknownCommandAreExitTwoWithOneLine() {
        Cli flag = Cli.run("plugins", "--jsonn");
        assertThat(flag.exit()).isEqualTo(2);
        assertThat(flag.oneErrorLine()).isTrue();
        assertThat(flag.err()).contains("--jsonn");
        Cli cmd = Cli.run("simulate");
        assertThat(cmd.exit()).isEqualTo(2);
        assertThat(cmd.oneErrorLine()).isTrue();
        assertThat(cmd.err()).contains("simulate");
    }

    @Test
    void versionAndHelp() {
        assertThat(Cli.run("--version").out()).startsWith("neurosim ");
        Cli help = Cli.run("run", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--set", "--no-plots", "--seed", "--duration", "--dt", "--out");
    }
}
