package org.neurosim.network;

import org.neurosim.network.build.NetworkLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs of ../shared/spec/config.md: step schedules, absolute currents with an area, spike times from a CSV. */
class InputsTest {
    static List<String> spikeTimes(String yaml) {
        Network net = Nets.build(yaml);
        return Nets.spikes(Nets.run(net), net);
    }

    @Test
    void currentDensityAndAbsoluteCurrentWithAreaGiveTheSameNeuron() {
        // 10 uA/cm^2 over 1000 um^2 (1e-5 cm^2) is 1e-4 uA = 0.1 nA
        String density = "dt: 0.01 ms\nduration: 50 ms\npopulations:\n  n: {model: hh, size: 1, input: 10 uA/cm^2}\nrecord: {spikes: all}\n";
        String absolute = "dt: 0.01 ms\nduration: 50 ms\npopulations:\n  n: {model: hh, size: 1, params: {area: 1000 um^2}, input: 0.1 nA}\nrecord: {spikes: all}\n";
        List<String> a = spikeTimes(density), b = spikeTimes(absolute);
        assertThat(a).hasSize(4);
        assertThat(b).hasSameSizeAs(a);
        for (int k = 0; k < a.size(); k++) {
            assertThat(Double.parseDouble(b.get(k).split(" ")[2])).isCloseTo(Double.parseDouble(a.get(k).split(" ")[2]), within(1e-12));
        }
    }

    @Test
    void stepScheduleSwitchesTheInputAtItsTimes() {
        String yaml = """
                dt: 0.01 ms
                duration: 150 ms
                populations:
                  n:
                    model: hh
                    size: 1
                    input: {steps: [{at: 0 ms, value: 0 uA/cm^2}, {at: 20 ms, value: 10 uA/cm^2}, {at: 120 ms, value: 0 uA/cm^2}]}
                record: {spikes: all}
                """;
        List<String> spikes = spikeTimes(yaml);
        double first = Double.parseDouble(spikes.get(0).split(" ")[2]);
        double last = Double.parseDouble(spikes.get(spikes.size() - 1).split(" ")[2]);
        // first spike 1.90 ms after the step (the reference's first spike time at 10 uA/cm^2), none after 120 ms
        assertThat(first).isCloseTo(0.020 + 0.001901, within(2e-5));
        assertThat(last).isBetween(0.1, 0.1205);
        assertThat(spikes).hasSizeBetween(6, 8);   // about 70 Hz for 100 ms
    }

    @Test
    void aListPerNeuronMayHoldAStimulusForEachNeuron() {
        // neuron 0: none; neuron 1: the schedule above from 20 ms; neuron 2: 10 uA/cm^2 from 0; neurons 3 and 4:
        // noise, each its own (as noise for a population is independent per neuron)
        String yaml = """
                dt: 0.01 ms
                duration: 30 ms
                populations:
                  n:
                    model: hh
                    size: 5
                    input: [0 uA/cm^2, {steps: [{at: 20 ms, value: 10 uA/cm^2}]}, 10 uA/cm^2,
                            {noise: {mean: 0 uA/cm^2, std: 20 uA/cm^2}}, {noise: {mean: 0 uA/cm^2, std: 20 uA/cm^2}}]
                record: {spikes: all, state: [{population: n, variables: [v], neurons: [3, 4]}]}
                """;
        Network net = Nets.build(yaml);
        Simulation.Result r = Nets.run(net);
        List<String> spikes = Nets.spikes(r, net);
        List<Double> first1 = spikes.stream().filter(s -> s.startsWith("n 1 ")).map(s -> Double.parseDouble(s.split(" ")[2])).toList();
        List<Double> first2 = spikes.stream().filter(s -> s.startsWith("n 2 ")).map(s -> Double.parseDouble(s.split(" ")[2])).toList();
        assertThat(spikes.stream().filter(s -> s.startsWith("n 0 "))).isEmpty();
        assertThat(first2.get(0)).isCloseTo(0.001901, within(2e-5));
        assertThat(first1.get(0)).isCloseTo(0.020 + 0.001901, within(2e-5));
        assertThat(first1).hasSize(1);
        List<double[]> rows = r.recorder().traceRows();
        double[] last = rows.get(rows.size() - 1);
        assertThat(last[last.length - 2]).isNotEqualTo(last[last.length - 1]);
    }

    @Test
    void spikeTimesFromACsvFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("train.csv"), "neuron,time_s\n1,0.0105\n0,0.002\n1,0.003\n");
        Files.writeString(dir.resolve("net.yaml"), """
                dt: 0.1 ms
                duration: 20 ms
                populations:
                  src: {model: spike-times, size: 2, times: train.csv}
                record: {spikes: all}
                """);
        Network net = NetworkLoader.load(dir.resolve("net.yaml"), Nets.PLUGINS, List.of());
        List<String> spikes = Nets.spikes(Nets.run(net), net);
        assertThat(spikes).hasSize(3);
        assertThat(spikes.get(0)).startsWith("src 0 ");
        assertThat(Double.parseDouble(spikes.get(0).split(" ")[2])).isCloseTo(0.002, within(1e-15));
        assertThat(Double.parseDouble(spikes.get(2).split(" ")[2])).isCloseTo(0.0105, within(1e-15));
    }

    @Test
    void weightMatrixFromACsvFile(@TempDir Path dir) throws Exception {
        // rows = targets, columns = sources (config.md); y = relu(W x) with x = (1, 2)
        Files.writeString(dir.resolve("w.csv"), "# W\n1.5, -1\n0.25, 0.5\n-2, 0\n");
        Files.writeString(dir.resolve("net.yaml"), """
                dt: 1 ms
                duration: 2 ms
                populations:
                  x: {model: rate, size: 2, params: {activation: linear}, input: [1, 2]}
                  y: {model: rate, size: 3, params: {activation: relu}}
                projections:
                  - {from: x, to: y, connect: {weights: w.csv}}
                record:
                  state: [{population: y, neurons: [0, 1, 2]}]
                """);
        Network net = NetworkLoader.load(dir.resolve("net.yaml"), Nets.PLUGINS, List.of());
        double[] last = Nets.run(net).recorder().traceRows().get(2);
        assertThat(last[1]).isCloseTo(0.0, within(1e-15));    // relu(1.5 - 2)
        assertThat(last[2]).isCloseTo(1.25, within(1e-15));   // relu(0.25 + 1)
        assertThat(last[3]).isCloseTo(0.0, within(1e-15));    // relu(-2)
        assertThat(net.synapseCount()).isEqualTo(5);
    }

    @Test
    void poissonRateMatchesItsParameter() {
        // 1000 independent trains at 20 Hz for 2 s: 40,000 expected, sd 200 (Poisson); 5 sd bounds
        Network net = Nets.build("dt: 0.1 ms\nduration: 2 s\nseed: 4\npopulations:\n  p: {model: poisson, size: 1000, params: {rate: 20 Hz}}\nrecord: {spikes: []}\n");
        Nets.run(net);
        assertThat(net.populations().get(0).totalSpikes()).isBetween(39_000L, 41_000L);
    }
}
