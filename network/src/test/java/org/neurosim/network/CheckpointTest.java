package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurosim.core.checkpoint.CheckpointException;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.config.ConfigTree;

/**
 * A run stopped at a step, checkpointed, and resumed on a network built anew from the same config writes the same
 * files as the uninterrupted run, byte for byte (the reference is that run, in the same test), and its summary says
 * the same but for wall times. The configs cover what carries state across a step: Poisson sources and inputs,
 * per-synapse delays (spikes in flight), STDP and Tsodyks-Markram state, exponential and conductance filters, HH
 * gates, exact LIF with delta synapses, rate neurons, refractory counters, rate bins and weight samples.
 */
class CheckpointTest {
    @TempDir Path tmp;

    static Stream<Arguments> configs() {
        String plastic = ContinuedRunTest.NET.replace("DURATION", "80 ms").replace("record: {spikes: all}\n",
                "record:\n  spikes: all\n  rates: {bin: 7 ms}\n  state: [{population: exc, variables: [v, i_syn], neurons: [0, 5]}]\n"
                + "  weights: [{projection: 0, synapses: 20, every: 10 ms}]\n");
        return Stream.of(
                Arguments.of("plastic", plastic, List.<String>of(), 1, 333),
                Arguments.of("plastic", plastic, List.<String>of(), 2, 501),
                Arguments.of("plastic on the grid", plastic, List.of("integrator=exact-grid"), 2, 501),
                Arguments.of("cuba", file("cuba.yaml"), List.of("duration=60 ms"), 2, 217),
                Arguments.of("cuba on the grid", file("cuba.yaml"), List.of("duration=60 ms", "integrator=exact-grid"),
                        2, 217),
                Arguments.of("grid, delays per synapse", GridExactTest.network(1), List.of("duration=50 ms"), 1, 263),
                Arguments.of("grid, plastic synapses", GridExactTest.network(2).replace("delay: 0.8 ms, synapse: {kernel: "
                        + "exponential, tau: 0.5 ms, normalize: peak}", "delay: 0.8 ms, synapse: {kernel: exponential, "
                        + "tau: 0.5 ms, normalize: peak, plasticity: {rule: stdp, a_plus: 0.01, a_minus: 0.012, "
                        + "w_min: -1 nA, w_max: 0 pA}}"), List.of("duration=50 ms"), 2, 277),
                Arguments.of("cobahh", file("cobahh.yaml"), List.of("duration=30 ms"), 1, 149),
                Arguments.of("cobahh, conductances at rk4's stage times", file("cobahh.yaml"),
                        List.of("duration=10 ms", "dt=0.02 ms", "integrator=rk4"), 2, 243),
                Arguments.of("brunel2000", file("brunel2000.yaml"), List.of("duration=25 ms"), 2, 131),
                Arguments.of("brunel2000, spikes inside the step", file("brunel2000.yaml"),
                        List.of("duration=25 ms", "integrator=exact"), 2, 131),
                Arguments.of("rate-network", file("rate-network.yaml"), List.of(), 1, 7),
                Arguments.of("rate network with a delay line", RateNetworkTest.delayed("4 ms", "2 ms"), List.of(), 2, 9),
                Arguments.of("gamma and dead-time sources", RENEWAL, List.of(), 1, 377),
                Arguments.of("gamma and dead-time sources", RENEWAL, List.of("integrator=exact"), 2, 413));
    }

    /** Renewal sources (their next spikes are state) driving LIF neurons, all spikes recorded. */
    static final String RENEWAL = """
            dt: 0.1 ms
            duration: 80 ms
            seed: 17
            populations:
              g: {model: gamma, size: 200, params: {shape: 4, rate: 40 Hz, start: 5 ms}}
              d: {model: poisson-dead-time, size: 200, params: {rate: 60 Hz, dead_time: 8 ms}}
              exc: {model: lif, size: 100, params: {tau_m: 20 ms, v_th: 20 mV, v_reset: 10 mV, v_rest: 0 mV}}
            projections:
              - {from: g, to: exc, connect: {probability: 0.2}, weight: 1.5 mV, delay: 1 ms}
              - {from: d, to: exc, connect: {probability: 0.2}, weight: 1.5 mV, delay: 1.2 ms}
            record: {spikes: all, rates: {bin: 5 ms}}
            """;

    static String file(String name) {
        try {
            return Files.readString(Path.of("..", "examples", name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String config(String yaml, List<String> sets, int threads) {
        ObjectNode tree = ConfigTree.parse(yaml, "test.yaml");
        for (String s : sets) ConfigTree.set(tree, s);
        tree.put("threads", threads);
        try {
            return new YAMLMapper().writeValueAsString(tree);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Network build(String text) {
        return NetworkLoader.build(ConfigTree.parse(text, "test.yaml"), Path.of("..", "examples"), Nets.PLUGINS);
    }

    @ParameterizedTest(name = "{0}, {3} threads, stopped after {4} steps")
    @MethodSource("configs")
    void aResumedRunWritesTheFilesOfTheUninterruptedOne(String name, String yaml, List<String> sets, int threads,
                                                        int stopAfter) throws IOException {
        String text = config(yaml, sets, threads);
        Path whole = tmp.resolve("whole"), split = tmp.resolve("split");
        new Simulation(build(text)).run(whole, null, () -> false, 0);

        AtomicLong polls = new AtomicLong();
        Simulation.Result stopped = new Simulation(build(text)).checkpoints(0, text)
                .run(split, null, () -> polls.incrementAndGet() > stopAfter, 0);
        assertThat(stopped.complete()).as("stopped after %d of %d steps", stopped.stepsDone(), build(text).steps()).isFalse();
        assertThat(stopped.stepsDone()).isEqualTo(stopAfter);
        assertThat(split.resolve("checkpoint/state.bin")).exists();

        Simulation.Result resumed = new Simulation(build(text)).checkpoints(0, text).resume(split, null, () -> false, 0);
        assertThat(resumed.complete()).isTrue();
        assertSameOutputs(whole, split);
    }

    static void assertSameOutputs(Path whole, Path split) throws IOException {
        try (Stream<Path> files = Files.list(whole)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                assertThat(split.resolve(f.getFileName())).as(f.getFileName().toString()).hasSameBinaryContentAs(f);
            }
        }
        assertThat(split.resolve("spikes.csv.partial")).doesNotExist();
        ObjectMapper json = new ObjectMapper();
        JsonNode a = withoutWallTimes(json.readTree(whole.resolve("summary.json").toFile()));
        JsonNode b = withoutWallTimes(json.readTree(split.resolve("summary.json").toFile()));
        assertThat(b).isEqualTo(a);
    }

    static JsonNode withoutWallTimes(JsonNode summary) {
        ObjectNode s = ((ObjectNode) summary).deepCopy();
        s.remove(List.of("wall_s", "checkpoints", "resumed_at_s"));
        return s;
    }

    @Test
    void periodicCheckpointsResumeFromTheLatestAndCanExtendTheRun() throws IOException {
        String text = config(ContinuedRunTest.NET.replace("DURATION", "90 ms"), List.of(), 2);
        Path whole = tmp.resolve("whole"), split = tmp.resolve("split");
        new Simulation(build(text)).run(whole, null, () -> false, 0);
        // the first 60 ms with a checkpoint every 10 ms (the last one at the end), then 30 ms more from it
        String shorter = config(ContinuedRunTest.NET.replace("DURATION", "60 ms"), List.of(), 2);
        Simulation.Result first = new Simulation(build(shorter)).checkpoints(100, text).run(split, null, () -> false, 0);
        assertThat(first.summary().get("checkpoints").get("written").asInt()).isEqualTo(6);
        new Simulation(build(text)).checkpoints(100, text).resume(split, null, () -> false, 0);
        assertSameOutputs(whole, split);
    }

    @Test
    void aCorruptedTruncatedOrForeignCheckpointIsRefusedWithOneLine() throws IOException {
        String text = config(ContinuedRunTest.NET.replace("DURATION", "30 ms"), List.of(), 1);
        Path dir = tmp.resolve("run");
        AtomicLong polls = new AtomicLong();
        new Simulation(build(text)).checkpoints(0, text).run(dir, null, () -> polls.incrementAndGet() > 100, 0);
        Path state = dir.resolve("checkpoint/state.bin");
        byte[] good = Files.readAllBytes(state);

        assertThatThrownBy(() -> new Simulation(build(text)).checkpoints(0, text + "# edited\n")
                .resume(dir, null, () -> false, 0))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("written for another config");

        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 1;
        Files.write(state, flipped);
        assertThatThrownBy(() -> new Simulation(build(text)).checkpoints(0, text).resume(dir, null, () -> false, 0))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("checksum mismatch");

        Files.write(state, java.util.Arrays.copyOf(good, good.length - 100));
        assertThatThrownBy(() -> new Simulation(build(text)).checkpoints(0, text).resume(dir, null, () -> false, 0))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("corrupted checkpoint");

        Files.delete(state);
        assertThatThrownBy(() -> new Simulation(build(text)).checkpoints(0, text).resume(dir, null, () -> false, 0))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("no checkpoint there");

        // the same config but a different network (a population larger): the first difference is named
        Files.write(state, good);
        String other = text.replace("size: 300", "size: 301");
        assertThatThrownBy(() -> new Simulation(build(other)).resume(dir, null, () -> false, 0))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("exc");
    }

    /** A checkpoint of an earlier format (3: before the spike sources' state) is refused with one line. */
    @Test
    void aCheckpointOfAnEarlierFormatIsRefusedWithOneLine() throws IOException {
        Path state = tmp.resolve("state.bin");
        try (java.io.OutputStream out = Files.newOutputStream(state)) {
            new org.neurosim.core.checkpoint.StateWriter(out).string("NeuroSim checkpoint").writeInt(3)
                    .string(Checkpoint.version()).finish();
        }
        assertThat(Checkpoint.FORMAT).isEqualTo(4);
        assertThatThrownBy(() -> Checkpoint.open(state, new Checkpoint.Header[1]))
                .isInstanceOf(CheckpointException.class)
                .hasMessage(state + ": a checkpoint of format 3, this NeuroSim (" + Checkpoint.version()
                        + ") reads format 4; rerun with the version that wrote it");
    }

    /**
     * A plugin synapse model that does not save its state (SynapseModelSpiTest's depression sketch): asked for
     * periodic checkpoints, the run is refused before it starts, naming the class; asked for none, it runs and its
     * summary says it cannot be resumed.
     */
    @Test
    void aPluginThatCannotSaveItsStateIsNamedBeforeTheRun() {
        String yaml = """
                dt: 0.1 ms
                duration: 20 ms
                populations:
                  pre: {model: poisson, size: 10, params: {rate: 50 Hz}}
                  post: {model: lif, size: 5, params: {tau_m: 20 ms}}
                projections:
                  - {from: pre, to: post, connect: {all: true}, weight: 0.1,
                     synapse: {kernel: delta, plasticity: {rule: depression-sketch}}}
                """;
        Path dir = tmp.resolve("sketch");
        assertThatThrownBy(() -> new Simulation(SynapseModelSpiTest.build(yaml)).checkpoints(10, yaml)
                .run(dir, null, () -> false, 0))
                .isInstanceOf(org.neurosim.core.InvalidInputException.class)
                .hasMessageStartingWith("--checkpoint-every: the synapse model ")
                .hasMessageContaining("SynapseModelSpiTest").hasMessageContaining("cannot be checkpointed");
        Simulation.Result r = new Simulation(SynapseModelSpiTest.build(yaml)).checkpoints(0, yaml)
                .run(dir, null, () -> false, 0);
        assertThat(r.complete()).isTrue();
        assertThat(r.summary().get("warnings").toString()).contains("cannot be resumed");
    }
}
