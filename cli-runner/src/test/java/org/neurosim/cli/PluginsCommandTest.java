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
    static final Path EXTENSION = Path.of("..", "examples", "extension-plugin");
    static final Path EXTENSION_JAR = EXTENSION.resolve(Path.of("target", "extension-plugin-1.0.0.jar"));

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
                .containsExactlyInAnyOrder("euler", "euler-maruyama", "heun", "rk4", "exponential-euler", "exact", "exact-grid", "dormand-prince");
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
    void listsTheNetworkKindsWithParametersAndSource() throws Exception {
        JsonNode j = new ObjectMapper().readTree(Cli.run("plugins", "--json").out());
        assertThat(names(j.get("connection_rules")))
                .contains("probability", "all", "one_to_one", "in_degree", "out_degree", "total", "weights");
        assertThat(names(j.get("stimuli"))).contains("constant", "steps", "sine", "pulses", "noise");
        assertThat(names(j.get("plasticity_rules"))).contains("static");
        assertThat(names(j.get("output_formats"))).contains("csv");
        assertThat(names(j.get("spike_sources")))
                .containsExactlyInAnyOrder("poisson", "spike-times", "gamma", "poisson-dead-time");
        assertThat(find(j.get("neuron_models"), "poisson").get("kind").asText()).isEqualTo("spike source");
        JsonNode gamma = find(j.get("neuron_models"), "gamma");
        assertThat(gamma.get("kind").asText()).isEqualTo("spike source");
        assertThat(names(gamma.get("params"))).containsExactly("shape", "rate", "start", "stop");
        assertThat(names(find(j.get("spike_sources"), "poisson-dead-time").get("params")))
                .containsExactly("rate", "dead_time", "start", "stop");
        JsonNode total = find(j.get("connection_rules"), "total");
        assertThat(total.get("source").asText()).isEqualTo("network");
        assertThat(names(total.get("params"))).containsExactly("total");
        assertThat(names(find(j.get("stimuli"), "sine").get("params")))
                .containsExactly("amplitude", "frequency", "offset", "phase");
        assertThat(find(j.get("plasticity_rules"), "static").get("source").asText()).isEqualTo("synapses");
    }

    @Test
    void externalJarAddsARuleAStimulusAndAnOutputFormat(@TempDir Path dir) throws Exception {
        assertThat(EXTENSION_JAR).as("built by the reactor before cli-runner (mvn verify)").exists();
        Files.copy(EXTENSION_JAR, dir.resolve("extension.jar"));
        JsonNode j = new ObjectMapper().readTree(Cli.run("--plugins", dir.toString(), "plugins", "--json").out());
        assertThat(find(j.get("connection_rules"), "ring").get("source").asText()).isEqualTo("extension.jar");
        assertThat(find(j.get("stimuli"), "chirp").get("source").asText()).isEqualTo("extension.jar");
        assertThat(find(j.get("output_formats"), "spikes-jsonl").get("source").asText()).isEqualTo("extension.jar");

        // the example's config, as shipped, runs with the jar and writes both spike formats
        Path out = dir.resolve("out");
        Cli run = Cli.run("--plugins", dir.toString(), "run", EXTENSION.resolve("ring-chirp.yaml").toString(),
                "--out", out.toString(), "--no-plots");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("1200 synapses");   // 200 neurons x 2 x 3 neighbours
        List<String> csv = Files.readAllLines(out.resolve("spikes.csv"));
        List<String> jsonl = Files.readAllLines(out.resolve("spikes.jsonl"));
        assertThat(jsonl).hasSize(csv.size() - 1).isNotEmpty();
        for (int k = 0; k < jsonl.size(); k++) {   // the same spikes in both formats, row for row
            String[] f = csv.get(k + 1).split(",");
            assertThat(jsonl.get(k)).isEqualTo("{\"population\":\"" + f[0] + "\",\"neuron\":" + f[1]
                    + ",\"time_s\":" + f[2] + "}");
        }
        // without the jar its stimulus is unknown: exit 2 naming the key and the known stimuli
        Cli missing = Cli.run("run", EXTENSION.resolve("ring-chirp.yaml").toString(), "--out", out.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.oneErrorLine()).isTrue();
        assertThat(missing.err()).contains("populations.driven.input: unknown stimulus 'chirp'; known stimuli: "
                + "constant, noise, pulses, sine, steps");
    }

    @Test
    void textListingNamesEveryKind() {
        Cli r = Cli.run("plugins");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Neuron models:", "Integrators:", "Synaptic kernels:", "Activation functions:",
                "Connection rules:", "Stimuli:", "Plasticity rules:", "Output formats:");
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
        assertThat(r.err()).contains("--plugins").contains("is neither a plugin jar nor a readable folder of plugin jars");
    }

    /** --plugins takes a jar as well as a folder; a jar that registers nothing is named in a warning. */
    @Test
    void pluginsTakesAJarAndWarnsOfAJarWithoutServices(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("--plugins", IZHIKEVICH_JAR.toString(), "plugins", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(find(new ObjectMapper().readTree(r.out()).get("neuron_models"), "izhikevich")).isNotNull();
        assertThat(r.err()).isEmpty();
        Path bare = dir.resolve("bare.jar");
        try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(bare))) {
            jar.putNextEntry(new java.util.jar.JarEntry("org/example/Nothing.class"));
            jar.write(new byte[] {1});
            jar.closeEntry();
        }
        Cli w = Cli.run("--plugins", bare.toString(), "plugins");
        assertThat(w.exit()).isZero();
        assertThat(w.err()).contains("neurosim: warning: --plugins: " + bare + " registers no plugin (it has no "
                + "META-INF/services/org.neurosim.core.plugin.NeuroSimPlugin)");
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

    /**
     * Every command's help formats cleanly: picocli reads descriptions as format strings and, on a bare "%" (as in
     * "80% excitatory"), warns on System.err and prints the text unformatted (bench --help did).
     */
    @Test
    void everyHelpFormatsWithoutWarnings() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
            for (String command : new picocli.CommandLine(new NeuroSim()).getSubcommands().keySet()) {
                Cli help = Cli.run(command, "--help");
                assertThat(help.exit()).as(command).isZero();
                assertThat(help.out()).as(command).contains("Usage: neurosim " + command);
            }
        } finally {
            System.setErr(saved);
        }
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }
}
