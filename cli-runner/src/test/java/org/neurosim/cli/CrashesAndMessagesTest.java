package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29, item 25: crashes and unclear messages, each with real processes and files. The reference throughout is
 * the CLI's contract (cli.md, README's exit codes): bad input is exit 2 with one line naming the key or option and
 * what is expected; a numerical failure is exit 3 with one line; nothing half-written (.partial) stays; what did
 * work is kept.
 */
class CrashesAndMessagesTest {
    static final String LIF = "{tau_m: 20 ms, v_rest: 0 mV, v_th: 20 mV, v_reset: 0 mV, tau_ref: 2 ms}";

    /** A 500-character population name crashed a complete run on its weights-0-NAME.png (exit 1). */
    @Test
    void aPopulationNameTooLongForAFileNameIsRefusedUpFront(@TempDir Path dir) throws Exception {
        String name = "p".repeat(500);
        Path config = dir.resolve("long.yaml"), out = dir.resolve("out");
        Files.writeString(config, """
                dt: 0.1 ms
                duration: 20 ms
                populations:
                  src: {model: poisson, size: 5, params: {rate: 50 Hz}}
                  NAME: {model: lif, size: 5, params: LIF}
                projections:
                  - {from: src, to: NAME, connect: {probability: 0.5}, weight: 1 mV, synapse: {kernel: exponential,
                     tau: 3 ms, normalize: peak, plasticity: {rule: stdp, w_max: 2 mV, a_plus: 0.05, a_minus: 0.05}}}
                  - {from: src, to: NAME, connect: {probability: 0.5}, weight: 1 mV, synapse: {kernel: exponential,
                     tau: 3 ms, normalize: peak, plasticity: {rule: stdp, w_max: 2 mV, a_plus: 0.05, a_minus: 0.05}}}
                record: {spikes: all, weights: [{projection: 0, synapses: 3, every: 5 ms}, {projection: 1, synapses: 3, every: 5 ms}]}
                """.replace("NAME", name).replace("LIF", LIF));
        Cli r = Cli.run("run", config.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.oneErrorLine()).as(r.err()).isTrue();
        assertThat(r.err()).contains("populations." + name + ": expected a population name of at most 200 characters")
                .contains("got 500");
        assertThat(out).doesNotExist();
    }

    /** fi-curve --inputs 1e308,1.5: XChart's axis arithmetic overflows; the CSV is whole, the plot a warning. */
    @Test
    void aCurveThePlotLibraryCannotDrawKeepsItsCsvAndLeavesNoPartialFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("fi");
        Cli r = Cli.run("fi-curve", "--model", "lif", "--inputs", "1e308,1.5", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err().strip()).startsWith("neurosim: warning: fi_curve.png not drawn: ").doesNotContain("\n");
        assertThat(Files.readAllLines(out.resolve("fi_curve.csv"))).hasSize(3);
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("fi_curve.csv",
                    org.neurosim.io.OutputLock.FILE);   // the folder marked as NeuroSim's
        }
    }

    /** A plugin whose Guice module throws: one line naming it, not Guice's 25-line logged stack trace first. */
    @Test
    void aPluginModuleThatThrowsIsOneLineNamingIt(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("broken.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("META-INF/services/org.neurosim.core.plugin.NeuroSimPlugin"));
            out.write((BrokenPluginModule.class.getName() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Path log = dir.resolve("log.txt");
        Process p = Cli.start(log, "--plugins", jar.toString(), "plugins");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = Files.readString(log);
        assertThat(p.exitValue()).as(said).isEqualTo(2);
        assertThat(said.strip().lines()).as(said).hasSize(1);
        assertThat(said).contains("the plugin module " + BrokenPluginModule.class.getName())
                .contains("failed: java.lang.IllegalStateException: cannot find my table");
    }

    /** hh at -40 uA/cm^2 diverges at dt 0.01 ms: the message names that input, the CSV keeps 5 and 10. */
    @Test
    void aFiCurveInputThatFailsIsNamedAndTheOthersAreKept(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("fi");
        Cli r = Cli.run("fi-curve", "--model", "hh", "--inputs", "5,-40,10 uA/cm^2", "--duration", "200 ms",
                "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        assertThat(r.oneErrorLine()).as(r.err()).isTrue();
        assertThat(r.err()).contains("--inputs -40 uA/cm^2: state became NaN or infinite")
                .contains("has the 2 inputs that worked");
        List<String> rows = Files.readAllLines(out.resolve("fi_curve.csv"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).startsWith("5,");
        assertThat(rows.get(2)).startsWith("10,");
        try (var files = Files.list(out)) {   // no plot of a curve with a hole, no partial file
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("fi_curve.csv",
                    org.neurosim.io.OutputLock.FILE);   // the folder marked as NeuroSim's
        }
    }

    /**
     * A config with a 5 MB inline weight matrix (past SnakeYAML's 3 MB default, which made it "malformed YAML"); by
     * hand a 100 MB one (3200 x 3200) validated in 39 s with 4.3 GB resident.
     */
    @Test
    void aLargeInlineWeightMatrixIsRead(@TempDir Path dir) throws Exception {
        int n = 720;
        StringBuilder yaml = new StringBuilder("""
                dt: 0.1 ms
                duration: 10 ms
                populations:
                  a: {model: poisson, size: N, params: {rate: 10 Hz}}
                  b: {model: lif, size: N}
                projections:
                  - from: a
                    to: b
                    weight: 1
                    connect:
                      weights:
                """.replace("N", Integer.toString(n)));
        String row = String.join(", ", java.util.Collections.nCopies(n, "0.123456"));
        for (int i = 0; i < n; i++) yaml.append("        - [").append(row).append("]\n");
        Path config = dir.resolve("big.yaml");
        Files.writeString(config, yaml);
        assertThat(Files.size(config)).isGreaterThan(5_000_000);
        Cli r = Cli.run("validate", config.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("518400 synapses");
    }

    /** YAML's .nan and .inf are valid YAML: the message names the key and says a finite value is expected. */
    @Test
    void yamlsNotANumberIsRefusedNamingTheKey(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("nan.yaml");
        Files.writeString(config, "dt: 0.1 ms\nduration: 10 ms\npopulations:\n  a: {model: lif, size: 2, input: [1, .nan]}\n");
        Cli file = Cli.run("validate", config.toString());
        assertThat(file.exit()).isEqualTo(2);
        assertThat(file.oneErrorLine()).as(file.err()).isTrue();
        assertThat(file.err()).contains("populations.a.input[1]: expected a finite number or quantity, got '.nan'")
                .doesNotContain("malformed");
        Files.writeString(config, Files.readString(config).replace(".nan", "2"));
        Cli set = Cli.run("validate", config.toString(), "--set", "duration=-.inf");
        assertThat(set.exit()).isEqualTo(2);
        assertThat(set.err().strip()).isEqualTo("neurosim: --set duration: expected a finite number or quantity, "
                + "got '-.inf' (YAML's infinity)");
    }

    /**
     * A 20-million-synapse STDP network in a 256 MiB heap: the estimate counted no plastic state, admitted it, and the
     * build ran out of memory. Reference: the same network without plasticity, which the estimate admits and which
     * runs in that heap; the plastic one needs about 0.7 GiB with its efficacies as doubles (it ran in -Xmx1g,
     * 590 MB resident, by hand, with them as floats).
     */
    @Test
    void theMemoryEstimateCountsPlasticState(@TempDir Path dir) throws Exception {
        String network = """
                dt: 0.1 ms
                duration: 10 ms
                populations:
                  a: {model: poisson, size: 4000, params: {rate: 5 Hz}}
                  b: {model: lif, size: 5000, params: LIF}
                projections:
                  - {from: a, to: b, connect: {probability: 1.0}, weight: 0.01 mV,
                     synapse: {kernel: exponential, tau: 3 ms, normalize: peak PLASTICITY}}
                """.replace("LIF", LIF);
        Path plastic = dir.resolve("plastic.yaml"), fixed = dir.resolve("static.yaml");
        Files.writeString(plastic, network.replace("PLASTICITY",
                ", plasticity: {rule: stdp, w_max: 2 mV, a_plus: 0.05, a_minus: 0.05}"));
        Files.writeString(fixed, network.replace("PLASTICITY", ""));
        for (Path config : List.of(fixed, plastic)) {
            Path log = dir.resolve(config.getFileName() + ".txt");
            Process p = Cli.start(List.of("-Xmx256m"), log, "run", config.toString(), "--out",
                    dir.resolve("out-" + config.getFileName()).toString(), "--no-plots");
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String said = Files.readString(log);
            if (config == fixed) {
                assertThat(p.exitValue()).as(said).isZero();
            } else {
                assertThat(p.exitValue()).as(said).isEqualTo(2);
                assertThat(said.strip()).startsWith("neurosim: populations: the network needs about 0.7 GiB")
                        .contains("raise it with JAVA_OPTS=-Xmx1g").doesNotContain("\n");
            }
        }
    }
}
