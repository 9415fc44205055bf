package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.connect.SynapseList;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.config.ConfigTree;
import org.neurosim.network.engine.SparseProjection;

/**
 * Synapses given one by one, as arrays handed to the loader ({@code connect: {arrays: KEY}}) or as a CSV file
 * ({@code connect: {list: FILE}}): each synapse delivers a spike with its own weight after its own delay (whole steps,
 * at least one), and a malformed line is refused naming the file and the line.
 */
class SynapseListTest {
    static final double DT = 1e-4;
    /** Two sources spiking once, off the grid, onto four neurons that only add their inputs (delta synapses). */
    static final String NET = """
            dt: 0.1 ms
            duration: 8 ms
            populations:
              pre: {model: spike-times, size: 2, times: [[1.05 ms], [2.07 ms]]}
              post: {model: lif, size: 4, params: {tau_m: 1000000000 s, v_th: 100}}
            projections:
              - {from: pre, to: post, %s, synapse: {kernel: delta}}
            record: {state: [{population: post, variables: [v], neurons: [0, 1, 2, 3]}]}
            """;
    // source, target, weight, delay (ms): a multapse 0 -> 0, a delay off the grid (0.34 ms: 3 steps), one below a
    // step (0.02 ms: raised to one step), synapses given out of order
    static final int[] SRC = {1, 0, 0, 1, 0, 0};
    static final int[] TGT = {0, 0, 1, 2, 0, 3};
    static final double[] W = {0.25, 0.3, 0.2, -0.1, 0.125, 0.5};
    static final double[] D = {3.0, 1.5, 0.34, 0.02, 2.2, 1.5};
    static final double[] SPIKE = {1.05e-3, 2.07e-3};

    static Network withArrays(String projection, SynapseList list) {
        return NetworkLoader.build(ConfigTree.parse(NET.formatted(projection), "test.yaml"), null, Nets.PLUGINS,
                Map.of("syn", list));
    }

    /** v of each target at every recorded step: the sum of the weights that have arrived, each at t + d (d in whole steps). */
    static void assertEachSynapseArrivesAtItsDelayWithItsWeight(Network net) {
        List<double[]> rows = Nets.run(net).recorder().traceRows();
        assertThat(rows).hasSize(81);
        for (double[] row : rows) {
            double t = row[0];
            double[] expected = new double[4];
            for (int k = 0; k < SRC.length; k++) {
                double arrival = SPIKE[SRC[k]] + Math.max(1, Math.round(D[k] * 1e-3 / DT)) * DT;
                if (arrival < t) expected[TGT[k]] += (float) W[k];   // weights per synapse are stored in single precision
            }
            for (int i = 0; i < 4; i++) {
                assertThat(row[1 + i]).as("v of target %d at %s s", i, t).isCloseTo(expected[i], within(1e-9));
            }
        }
        double[] last = rows.get(80);
        assertThat(last[1]).isCloseTo(0.675, within(1e-7));   // 0.25 + 0.3 + 0.125 onto target 0
    }

    @Test
    void arraysDeliverEachSpikeWithItsOwnWeightAfterItsOwnDelay() {
        Network net = withArrays("connect: {arrays: syn}, weight: 1, delay: 1 ms", new SynapseList(SRC, TGT, W, D));
        SparseProjection pr = (SparseProjection) net.engineProjections().get(0);
        // rows by (source, delay): the synapses regrouped, each keeping its weight and delay
        assertThat(pr.synapseCount()).isEqualTo(6);
        int[] sources = pr.sources(), targets = pr.targets();
        double[] delays = pr.delays(DT), weights = pr.currentWeights();
        for (int s = 0; s < 6; s++) {
            int k = find(sources[s], targets[s], delays[s]);
            assertThat(weights[s]).isCloseTo(W[k], within(1e-7));
        }
        assertThat(pr.minDelay(DT)).isCloseTo(1e-4, within(1e-15));   // 0.02 ms became one step
        assertEachSynapseArrivesAtItsDelayWithItsWeight(net);
    }

    /** The synapse of the given arrays with this source, target and (rounded) delay. */
    private static int find(int source, int target, double delay) {
        for (int k = 0; k < SRC.length; k++) {
            if (SRC[k] == source && TGT[k] == target && Math.abs(Math.max(1, Math.round(D[k] * 10)) * DT - delay) < 1e-12) {
                return k;
            }
        }
        throw new AssertionError("no synapse " + source + " -> " + target + " with delay " + delay);
    }

    @Test
    void aCsvListDeliversTheSameAsTheArrays(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("# the synapses of SynapseListTest\nsource, target, weight, delay [ms]\n");
        for (int k = 0; k < SRC.length; k++) csv.append(SRC[k]).append(',').append(TGT[k]).append(',').append(W[k])
                .append(',').append(D[k]).append('\n');
        csv.append('\n');
        Files.writeString(dir.resolve("syn.csv"), csv);
        Network net = NetworkLoader.build(ConfigTree.parse(NET.formatted("connect: {list: syn.csv}"), "test.yaml"),
                dir, Nets.PLUGINS);
        assertThat(net.inputFiles()).containsExactly(dir.resolve("syn.csv").toAbsolutePath().normalize());
        assertEachSynapseArrivesAtItsDelayWithItsWeight(net);
    }

    @Test
    void unitsComeFromTheHeaderOrTheProjection(@TempDir Path dir) throws IOException {
        // the weight column in mV onto a membrane in V is refused (lif's v is dimensionless here): a header unit
        // must be of the weight's dimension; a bare column multiplies the projection's weight
        Files.writeString(dir.resolve("a.csv"), "source,target,weight,delay\n0,0,2,15\n1,0,4,5\n");
        Network net = NetworkLoader.build(ConfigTree.parse(NET.formatted(
                "connect: {list: a.csv}, weight: 0.25, delay: 0.1 ms"), "t.yaml"), dir, Nets.PLUGINS);
        SparseProjection pr = (SparseProjection) net.engineProjections().get(0);
        assertThat(pr.currentWeights()).containsExactly(0.5, 1.0);
        assertThat(pr.delays(DT)[0]).isCloseTo(1.5e-3, within(1e-15));
        assertThat(pr.delays(DT)[1]).isCloseTo(0.5e-3, within(1e-15));
        // no weight column: the projection's weight applies to each synapse, drawn or not
        Files.writeString(dir.resolve("b.csv"), "target,source\n1,0\n2,1\n");
        pr = (SparseProjection) NetworkLoader.build(ConfigTree.parse(NET.formatted(
                "connect: {list: b.csv}, weight: 0.75, delay: 0.4 ms"), "t.yaml"), dir, Nets.PLUGINS).engineProjections().get(0);
        assertThat(pr.currentWeights()).containsExactly(0.75, 0.75);
        assertThat(pr.targets()).containsExactly(1, 2);
        assertThat(pr.rowDelaySteps(0)).isEqualTo(-1);   // one delay for all: not rounded, kept whole
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "0,1,0.5,1.5                        | line 1: expected a header source,target[,weight [unit]][,delay [unit]], got the column '0' (the header line is required)",
            "source,target,weight,delay [ms]\\n0,1,0.5 | line 2: expected 4 comma-separated values (source,target,weight,delay), got '0,1,0.5'",
            "source,target,weight,delay [ms]\\n0,1,0.5,1,2 | line 2: expected 4 comma-separated values (source,target,weight,delay), got '0,1,0.5,1,2'",
            "source,target,weight,delay [ms]\\n# ok\\n\\n2,1,0.5,1 | line 4: source: expected a neuron index from 0 to 1 of the source population, got '2'",
            "source,target,weight,delay [ms]\\n0,1.5,0.5,1 | line 2: target: expected a neuron index from 0 to 3 of the target population, got '1.5'",
            "source,target,weight,delay [ms]\\n0,1,heavy,1 | line 2: weight: expected a finite number, got 'heavy'",
            "source,target,weight,delay [ms]\\n0,1,0.5,-1 | line 2: delay: expected a number >= 0, got '-1'",
            "source,target,weight,delay [ms]\\n0,1,0.5,7000 | line 2: delay: 7000 is more than 65535 steps of dt = 0.000100000 s",
            "source,target,weight,delay [mV]\\n0,1,0.5,1 | line 1: delay [mV]: expected a unit of a time (s)",
            "source,target,strength\\n0,1,0.5 | line 1: expected a header source,target[,weight [unit]][,delay [unit]], got the column 'strength'",
            "source,target,weight,weight\\n0,1,0.5,1 | line 1: the column 'weight' appears twice in the header",
            "source [ms],target\\n0,1 | line 1: a neuron index has no unit: 'source [ms]'",
    })
    void aMalformedLineIsRefusedNamingTheFileAndTheLine(String content, String message, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, content.replace("\\n", "\n") + "\n");
        Throwable t = catchThrowable(() -> NetworkLoader.build(ConfigTree.parse(NET.formatted(
                "connect: {list: bad.csv}, weight: 1"), "t.yaml"), dir, Nets.PLUGINS));
        assertThat(t).isInstanceOf(InvalidInputException.class);
        String expected = file + ": " + message.strip();
        if (message.contains("unit of a time")) {
            assertThat(t.getMessage()).startsWith(file + ": line 1: delay [mV]: expected a unit of");
        } else {
            assertThat(t.getMessage()).isEqualTo(expected);
        }
        assertThat(t.getMessage()).doesNotContain("\n");
    }

    @Test
    void unitsAreGivenInOnePlaceAndBoundsOnlyBoundDraws(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("u.csv"), "source,target,weight,delay [ms]\n0,1,0.5,1\n");
        Files.writeString(dir.resolve("v.csv"), "source,target,weight,delay\n0,1,0.5,1\n");
        assertThat(catchThrowable(() -> NetworkLoader.build(ConfigTree.parse(NET.formatted(
                "connect: {list: u.csv}, weight: 1, delay: 1 ms"), "t.yaml"), dir, Nets.PLUGINS)))
                .hasMessage("projections[0].delay: the header of projections[0].connect.list gives the unit of the delays "
                        + "already; give it in one place");
        assertThat(catchThrowable(() -> NetworkLoader.build(ConfigTree.parse(NET.formatted(
                "connect: {list: v.csv}, weight: 1"), "t.yaml"), dir, Nets.PLUGINS)))
                .hasMessageStartingWith("projections[0].delay: expected a time such as '20 ms': the unit that the delays of "
                        + "projections[0].connect.list multiply");
        assertThat(catchThrowable(() -> NetworkLoader.build(ConfigTree.parse(NET.formatted(
                "connect: {list: u.csv}, weight: 1, weight_min: 0"), "t.yaml"), dir, Nets.PLUGINS)))
                .hasMessageStartingWith("projections[0].weight_min: the weights come from projections[0].connect.list");
        assertThat(catchThrowable(() -> NetworkLoader.build(ConfigTree.parse(NET.formatted(
                "connect: {list: missing.csv}, weight: 1"), "t.yaml"), dir, Nets.PLUGINS)))
                .hasMessageStartingWith("projections[0].connect.list: no such file");
    }

    @Test
    void arraysAreCheckedAndNamedByTheirKey() {
        assertThat(catchThrowable(() -> withArrays("connect: {arrays: other}, weight: 1",
                new SynapseList(SRC, TGT, W, null)))).isInstanceOf(InvalidInputException.class)
                .hasMessage("projections[0].connect.arrays: no synapse arrays are registered as 'other'; registered: syn");
        assertThat(catchThrowable(() -> withArrays("connect: {arrays: syn}, weight: 1",
                new SynapseList(new int[] {0, 2}, new int[] {0, 0}, null, null))))
                .hasMessage("projections[0].connect.arrays: synapse 1: source 2 is not a neuron of the source population "
                        + "(0 to 1)");
        assertThat(catchThrowable(() -> withArrays("connect: {arrays: syn}, weight: 1, delay: 1 ms",
                new SynapseList(new int[] {0}, new int[] {0}, null, new double[] {Double.NaN}))))
                .hasMessage("projections[0].connect.arrays: synapse 0: expected a finite delay >= 0, got NaN");
        assertThat(catchThrowable(() -> withArrays("connect: {arrays: syn, autapses: true}, weight: 1",
                new SynapseList(SRC, TGT, null, null)))).hasMessageStartingWith("projections[0].connect.autapses: unknown key");
    }

    @Test
    void theBuilderTakesSynapseLists() {
        Network net = Network.builder().dt("0.1 ms").duration("1 ms")
                .population("a", "poisson", 3).param("rate", "1 Hz").end()
                .population("b", "lif", 3).end()
                .projection("a", "b").synapses(new SynapseList(new int[] {2, 0}, new int[] {1, 1},
                        new double[] {0.5, 0.25}, new double[] {1, 1})).weight("1").delay("1 ms").end()
                .build(Nets.PLUGINS);
        SparseProjection pr = (SparseProjection) net.engineProjections().get(0);
        assertThat(pr.sources()).containsExactly(0, 2);
        assertThat(pr.currentWeights()).containsExactly(0.25, 0.5);
        assertThat(pr.delays(DT)[0]).isCloseTo(1e-3, within(1e-15));
        assertThat(pr.delays(DT)[1]).isEqualTo(pr.delays(DT)[0]);
        assertThat(pr.rowDelaySteps(0)).isEqualTo(-1);   // all the same: one delay for the projection
    }

    /** out_of_bounds: redraw draws again (a truncated distribution); clip, the default, piles the rest on the bound. */
    @Test
    void redrawTruncatesWhereClipPilesUpOnTheBound() {
        String net = """
                dt: 0.1 ms
                duration: 1 ms
                populations:
                  a: {model: poisson, size: 400, params: {rate: 1 Hz}}
                  b: {model: lif, size: 400}
                projections:
                  - {from: a, to: b, connect: {probability: 0.25}, weight: "normal(0, 1)", weight_min: 0,
                     delay: "normal(1 ms, 1 ms)", delay_min: 0.5 ms, delay_max: 1.5 ms, %s synapse: {kernel: delta}}
                """;
        SparseProjection redrawn = (SparseProjection) Nets.build(net.formatted("out_of_bounds: redraw,")).engineProjections().get(0);
        SparseProjection clipped = (SparseProjection) Nets.build(net.formatted("")).engineProjections().get(0);
        SparseProjection mixed = (SparseProjection) Nets.build(net.formatted(
                "out_of_bounds: {weight: redraw, delay: clip},")).engineProjections().get(0);
        double n = redrawn.synapseCount();
        assertThat(n).isBetween(38000.0, 42000.0);
        int zeros = 0;
        double sum = 0;
        for (float w : redrawn.weights()) {
            assertThat(w).isGreaterThanOrEqualTo(0f);
            if (w == 0) zeros++;
            sum += w;
        }
        assertThat(zeros).isZero();
        assertThat(sum / n).isCloseTo(Math.sqrt(2 / Math.PI), within(0.02));   // the half-normal's mean
        int clippedZeros = 0;
        for (float w : clipped.weights()) if (w == 0) clippedZeros++;
        assertThat(clippedZeros / (double) clipped.synapseCount()).isCloseTo(0.5, within(0.02));
        // delays: redrawn within [0.5, 1.5] ms: steps 5..15, uniform-ish; clipped: P(<= 0.5 ms) = Phi(-0.5) at step 5
        // redrawn: P(0.5 <= d < 0.55 ms | 0.5 <= d <= 1.5 ms) = (Phi(-0.45) - Phi(-0.5)) / (Phi(0.5) - Phi(-0.5))
        assertThat(fraction(redrawn, 5)).isCloseTo(0.0465, within(0.006));
        assertThat(fraction(clipped, 5)).isCloseTo(0.3264, within(0.01));   // Phi(-0.45): clipped up to 0.5 ms
        assertThat(fraction(mixed, 5)).isCloseTo(fraction(clipped, 5), within(0.02));
        assertThat(catchThrowable(() -> Nets.build(net.formatted("out_of_bounds: wrap,"))))
                .hasMessage("projections[0].out_of_bounds: expected clip or redraw (or {weight: ..., delay: ...}), got 'wrap'");
        assertThat(catchThrowable(() -> Nets.run(Nets.build(net.replace("weight: \"normal(0, 1)\"", "weight: \"normal(-10, 1)\"")
                .formatted("out_of_bounds: redraw,"))))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("projections[0].weight: 1000 draws in a row fell outside the bounds [0.0, inf]");
    }

    /** The share of synapses whose delay is {@code steps} steps. */
    private static double fraction(SparseProjection p, int steps) {
        int n = 0;
        for (double d : p.delays(DT)) if (Math.round(d / DT) == steps) n++;
        return n / (double) p.synapseCount();
    }

    /** seed: N names a projection's random stream: a projection inserted before it leaves its draws unchanged. */
    @Test
    void aProjectionsOwnSeedKeepsItsDrawsWhereverItStands() {
        String one = """
                dt: 0.1 ms
                duration: 1 ms
                populations:
                  a: {model: poisson, size: 50, params: {rate: 1 Hz}}
                  b: {model: lif, size: 50}
                projections:
                %s  - {from: a, to: b, connect: {probability: 0.2}, weight: "uniform(0, 1)", seed: 7, synapse: {kernel: delta}}
                """;
        String before = "  - {from: b, to: b, connect: {probability: 0.5}, weight: 1, synapse: {kernel: delta}}\n";
        SparseProjection alone = (SparseProjection) Nets.build(one.formatted("")).engineProjections().get(0);
        SparseProjection second = (SparseProjection) Nets.build(one.formatted(before)).engineProjections().get(1);
        assertThat(second.targets()).containsExactly(alone.targets());
        assertThat(second.weights()).containsExactly(alone.weights());
        SparseProjection unseeded = (SparseProjection) Nets.build(one.formatted("").replace(" seed: 7,", ""))
                .engineProjections().get(0);
        assertThat(unseeded.targets()).isNotEqualTo(alone.targets());
    }
}
