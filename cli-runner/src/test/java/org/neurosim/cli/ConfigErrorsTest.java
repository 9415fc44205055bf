package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error of ../shared/spec/config.md and the bad-input corpus: exit 2, one line on stderr naming the key path
 * (or file) and what is expected. Each case replaces one line of a valid config.
 */
class ConfigErrorsTest {
    static final String VALID = """
            name: small
            dt: 0.1 ms
            duration: 20 ms
            seed: 1
            populations:
              exc:
                model: lif
                size: 20
                params: {tau_m: 20 ms, tau_ref: 5 ms, v_rest: -49 mV, v_th: -50 mV, v_reset: -60 mV}
                init: {v: "uniform(-60 mV, -50 mV)"}
              inp:
                model: poisson
                size: 10
                params: {rate: 20 Hz}
            projections:
              - from: inp
                to: [exc]
                connect: {probability: 0.5}
                weight: 1 mV
                delay: 1 ms
                synapse: {kernel: exponential, tau: 5 ms, normalize: peak}
            record:
              spikes: all
            """;

    static Stream<Arguments> brokenConfigs() {
        return Stream.of(
                Arguments.of("unknown top-level key", "seed: 1", "speed: 1", "speed: unknown key"),
                Arguments.of("unknown population key", "size: 20", "size: 20\\n    colour: red", "populations.exc.colour: unknown key"),
                Arguments.of("wrong unit", "params: {tau_m: 20 ms, tau_ref: 5 ms, v_rest: -49 mV, v_th: -50 mV, v_reset: -60 mV}", "params: {tau_m: 20 mV, tau_ref: 5 ms, v_rest: -49 mV, v_th: -50 mV, v_reset: -60 mV}", "populations.exc.params.tau_m: expected a time such as '20 ms', got '20 mV'"),
                Arguments.of("unknown neuron model", "model: lif", "model: lifx", "populations.exc.model: unknown neuron model 'lifx' (did you mean 'lif'?); known neuron models:"),
                Arguments.of("unknown kernel", "kernel: exponential", "kernel: expo", "projections[0].synapse.kernel: unknown synaptic kernel 'expo'"),
                Arguments.of("unknown parameter", "params: {rate: 20 Hz}", "params: {rate: 20 Hz, phase: 1}", "populations.inp.params.phase: unknown parameter"),
                Arguments.of("missing population", "to: [exc]", "to: [exc, inh]", "projections[0].to: unknown population 'inh'; known populations: exc, inp"),
                Arguments.of("size that does not fit", "size: 20", "size: 3000000000", "populations.exc.size: expected a whole number from 1 to"),
                Arguments.of("network too large for memory", "size: 20", "size: 500000000", "populations: the network needs about"),
                Arguments.of("negative dt", "dt: 0.1 ms", "dt: -0.1 ms", "dt: expected a positive time step"),
                Arguments.of("zero dt", "dt: 0.1 ms", "dt: 0 ms", "dt: expected a positive time step"),
                Arguments.of("dt without unit", "dt: 0.1 ms", "dt: 0.1", "dt: expected a time such as '20 ms', got '0.1' (a unit is required)"),
                Arguments.of("duration shorter than dt", "duration: 20 ms", "duration: 0.01 ms", "duration: expected a duration of at least one step"),
                Arguments.of("NaN parameter", "params: {rate: 20 Hz}", "params: {rate: NaN Hz}", "populations.inp.params.rate: expected a frequency"),
                Arguments.of("infinite parameter", "params: {rate: 20 Hz}", "params: {rate: Infinity Hz}", "populations.inp.params.rate: expected a frequency"),
                Arguments.of("probability above 1", "connect: {probability: 0.5}", "connect: {probability: 1.5}", "projections[0].connect.probability: expected a probability from 0 to 1"),
                Arguments.of("negative probability", "connect: {probability: 0.5}", "connect: {probability: -0.1}", "projections[0].connect.probability: expected a probability from 0 to 1"),
                Arguments.of("two connect rules", "connect: {probability: 0.5}", "connect: {probability: 0.5, all: true}", "projections[0].connect: expected exactly one rule"),
                Arguments.of("weight matrix shape", "connect: {probability: 0.5}", "connect: {weights: [[1, 2], [3, 4]]}", "projections[0].connect.weights: expected a 20 x 10 matrix"),
                Arguments.of("missing weights CSV", "connect: {probability: 0.5}", "connect: {weights: nowhere.csv}", "projections[0].connect.weights: no such file"),
                Arguments.of("weight of wrong unit", "weight: 1 mV", "weight: 1 nS", "projections[0].weight: expected a voltage such as '-65 mV', got '1 nS'"),
                Arguments.of("negative delay", "delay: 1 ms", "delay: -1 ms", "projections[0].delay: expected a delay >= 0"),
                Arguments.of("bad normalisation", "normalize: peak", "normalize: height", "projections[0].synapse.normalize: expected 'area' or 'peak'"),
                Arguments.of("bad distribution", "init: {v: \"uniform(-60 mV, -50 mV)\"}", "init: {v: \"uniform(-60 mV)\"}", "populations.exc.init.v: expected"),
                Arguments.of("unknown state variable", "init: {v: \"uniform(-60 mV, -50 mV)\"}", "init: {w: 0 mV}", "populations.exc.init.w: unknown state variable; the model has v"),
                Arguments.of("integrator that cannot serve", "seed: 1", "seed: 1\\nintegrator: exponential-euler", "integrator: integrator exponential-euler cannot step this model"),
                Arguments.of("malformed YAML", "seed: 1", "seed: [1", "malformed YAML"),
                Arguments.of("key given twice", "seed: 1", "seed: 1\nseed: 2", "the key 'seed' is given twice in one mapping"),
                Arguments.of("plasticity without w_max", "normalize: peak", "normalize: peak, plasticity: {rule: stdp}",
                        "projections[0].synapse.plasticity.w_max: required"),
                // issue 29 item 12: Brian2's signed A- would silently potentiate; a_minus is a magnitude
                Arguments.of("signed a_minus", "normalize: peak", "normalize: peak, plasticity: {rule: stdp, w_max: 2 mV, a_minus: -0.0105}",
                        "projections[0].synapse.plasticity.a_minus: expected a magnitude >= 0 (depression subtracts a_minus; "
                                + "a negative A- added to w, as in Brian2's examples, is not this convention), got '-0.0105'"),
                Arguments.of("bad delay distribution", "delay: 1 ms", "delay: \"normal(1 ms, 1 mV)\"", "projections[0].delay: expected a time"),
                Arguments.of("record unknown pop", "spikes: all", "spikes: [exc, nope]", "record.spikes: unknown population 'nope'"),
                Arguments.of("rate times dt above 1", "params: {rate: 20 Hz}", "params: {rate: 20 kHz}", "populations.inp.params.rate: rate times dt must be at most 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenConfigs")
    void badConfigIsExitTwoWithOneLineNamingTheKey(String label, String find, String replace, String expected,
                                                   @TempDir Path dir) throws Exception {
        assertThat(VALID).contains(find.strip());
        String broken = VALID.replace(find.strip(), replace.strip().replace("\\n", "\n"));
        Path config = dir.resolve("broken.yaml");
        Files.writeString(config, broken);
        Cli r = Cli.run("run", config.toString(), "--out", dir.resolve("out").toString(), "--no-plots");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.oneErrorLine()).as(r.err()).isTrue();
        assertThat(r.err()).contains(expected.strip());
        assertThat(dir.resolve("out/summary.json")).doesNotExist();
        Cli v = Cli.run("validate", config.toString());
        assertThat(v.exit()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "missing config file | run,/nonexistent/x.yaml                    | /nonexistent/x.yaml: no such config file",
            "bad --set           | run,CONFIG,--set,populations             | --set: expected KEY=VALUE",
            "bad --dt            | run,CONFIG,--dt,-1 parsecs                | --dt: expected a time",
            "bad --duration      | run,CONFIG,--duration,5 mV                | --duration: expected a time such as '20 ms', got '5 mV'",
            "zero threads        | run,CONFIG,--threads,0                    | --threads: expected at least 1",
            "duration not steps  | run,CONFIG,--dt,0.4ms,--duration,1ms     | duration: expected a whole number of steps of dt = 0.0004 s, got '1ms' (2.5 steps); use 0.0008 s or 0.0012 s",
            "unknown model       | fi-curve,--model,nope,--inputs,1          | --model: unknown neuron model 'nope'",
            "fi-curve bad unit   | fi-curve,--model,hh,--inputs,1 mV         | --inputs: expected a current density",
            "fi-curve infinite   | fi-curve,--model,lif,--inputs,1e400       | --inputs: expected finite numbers, got '1e400'",
            "microcircuit scale  | bench,microcircuit,--scale,2              | --scale: expected a fraction in (0, 1], got 2.0",
            "beyond the machine  | validate,CONFIG,--set,populations.exc.size=2000000000 | more than this machine's",
            "brunel state        | bench,brunel,--state,ia                   | --state: expected sr, si-fast, ai or si-slow, got 'ia'",
            "unknown demo        | demo,nope                                 | demo: unknown demonstration 'nope'",
            "misspelt command    | rn,CONFIG                                 | (did you mean 'run'?)",
            "misspelt option     | run,CONFIG,--duratoin,1s                  | (did you mean '--duration'?)",
            "unknown bench       | bench,nope                                | bench: unknown benchmark 'nope'",
            "bad in-degree       | bench,cuba,--in-degree,-5                 | --in-degree: expected a whole number from 2 to 3999",
    })
    void badCommandLineIsExitTwoWithOneLine(String label, String args, String expected, @TempDir Path dir)
            throws Exception {
        Path config = dir.resolve("ok.yaml");
        Files.writeString(config, VALID);
        String[] a = args.strip().split(",");
        for (int i = 0; i < a.length; i++) if (a[i].equals("CONFIG")) a[i] = config.toString();
        Cli r = Cli.run(a);
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.oneErrorLine()).as(r.err()).isTrue();
        assertThat(r.err()).contains(expected.strip());
    }

    @org.junit.jupiter.api.Test
    void unwritableOutputDirectory(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("ok.yaml");
        Files.writeString(config, VALID);
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        Cli r = Cli.run("run", config.toString(), "--out", file.resolve("sub").toString(), "--no-plots");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.oneErrorLine()).isTrue();
        assertThat(r.err()).contains("--out: cannot create output directory");
    }
    /** An output that cannot be written (a full disk) is exit 4 with one line naming the file (cli.md, "Additions"). */
    @org.junit.jupiter.api.Test
    void anUnwritableOutputIsExitFourWithOneLine() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int code = NeuroSim.handle(new org.neurosim.core.output.OutputException(Path.of("out", "spikes.csv.partial"),
                new java.io.IOException("No space left on device")), new java.io.PrintStream(bytes, true), false);
        assertThat(code).isEqualTo(4);
        assertThat(bytes.toString()).isEqualTo("neurosim: " + Path.of("out", "spikes.csv.partial")
                + ": cannot write (No space left on device)" + System.lineSeparator());
    }
}
