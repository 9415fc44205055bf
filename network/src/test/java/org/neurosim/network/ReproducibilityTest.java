package org.neurosim.network;

import org.neurosim.network.build.NetworkLoader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A seed fixes the network and its spikes, at any thread count (../shared/spec/config.md). */
class ReproducibilityTest {
    static List<String> cubaSpikes(long seed, int threads) {
        Network net = NetworkLoader.load(Path.of("..", "examples", "cuba.yaml"), Nets.PLUGINS,
                List.of("duration=200 ms", "seed=" + seed, "threads=" + threads));
        return Nets.spikes(runSplit(net), net);
    }

    /**
     * Runs with the chunks always on the worker threads: by default a run may keep them on the calling thread after
     * its first steps (same results, by construction), and this test is about the parallel path.
     */
    static Simulation.Result runSplit(Network net) {
        return new Simulation(net).alwaysSplit().run(null, null, () -> false, 0);
    }

    @Test
    void sameSeedSameSpikesAtAnyThreadCount() {
        List<String> one = cubaSpikes(5, 1);
        assertThat(one).hasSizeGreaterThan(1000);
        assertThat(cubaSpikes(5, 1)).isEqualTo(one);
        assertThat(cubaSpikes(5, 2)).isEqualTo(one);
        assertThat(cubaSpikes(5, 3)).isEqualTo(one);
    }

    @Test
    void conductanceNetworkWithDelaysAndAlphaSynapsesGivesTheSameSpikesAtAnyThreadCount() {
        // spikes reach the filters of each worker's own targets (rows split at chunk boundaries): every target
        // must still sum its inputs in the serial order, through delays and filters that advance themselves
        List<String> one = cobahhSpikes(1);
        assertThat(one).hasSizeGreaterThan(1000);
        assertThat(cobahhSpikes(2)).isEqualTo(one);
        assertThat(cobahhSpikes(3)).isEqualTo(one);
    }

    static List<String> cobahhSpikes(int threads) {
        Network net = NetworkLoader.load(Path.of("..", "examples", "cobahh.yaml"), Nets.PLUGINS,
                List.of("duration=60 ms", "threads=" + threads, "populations.exc.size=1600", "populations.inh.size=400",
                        "projections[1].synapse={kernel: alpha, tau: 5 ms, normalize: peak, reversal: -80 mV}",
                        "projections[0].delay=0.5 ms"));
        return Nets.spikes(runSplit(net), net);
    }

    @Test
    void aSecondRunContinuesFromCompleteSynapticState() {
        // the spikes of the last step of a run reach their synapses before the run returns
        List<String> whole = cubaSpikes(5, 2);   // 200 ms
        Network net = NetworkLoader.load(Path.of("..", "examples", "cuba.yaml"), Nets.PLUGINS,
                List.of("duration=100 ms", "seed=5", "threads=2"));
        List<String> first = Nets.spikes(runSplit(net), net);
        List<String> second = Nets.spikes(runSplit(net), net);
        assertThat(first.size() + second.size()).isEqualTo(whole.size());
        assertThat(first).isEqualTo(whole.subList(0, first.size()));
        // time goes on: the second run's spikes are the whole run's last ones, at the same times
        assertThat(second).isEqualTo(whole.subList(first.size(), whole.size()));
    }

    @Test
    void theAdaptiveChoiceBetweenWorkersAndCallerKeepsTheSpikes() {
        // 300 ms = 3000 steps: past the settling hand-offs, whichever way the run then chose
        Network one = NetworkLoader.load(Path.of("..", "examples", "cuba.yaml"), Nets.PLUGINS,
                List.of("duration=300 ms", "seed=3", "threads=1"));
        Network two = NetworkLoader.load(Path.of("..", "examples", "cuba.yaml"), Nets.PLUGINS,
                List.of("duration=300 ms", "seed=3", "threads=2"));
        List<String> a = Nets.spikes(Nets.run(one), one);
        assertThat(a).hasSizeGreaterThan(1000);
        assertThat(Nets.spikes(Nets.run(two), two)).isEqualTo(a);
    }

    @Test
    void anotherSeedAnotherNetwork() {
        assertThat(cubaSpikes(6, 1)).isNotEqualTo(cubaSpikes(5, 1));
    }

    @Test
    void builderAndYamlGiveTheSameNetwork() {
        String yaml = """
                name: demo
                dt: 0.1 ms
                duration: 300 ms
                seed: 1
                populations:
                  exc: {model: lif, size: 100, params: {tau_m: 20 ms}, init: {v: "uniform(0, 1)"}, input: "1.2"}
                projections:
                  - {from: exc, to: exc, connect: {probability: 0.1}, weight: 0.05 s, synapse: {kernel: exponential, tau: 5 ms}}
                record: {spikes: [exc]}
                """;
        Network fromYaml = Nets.build(yaml);
        Network fromBuilder = Network.builder().name("demo").dt("0.1 ms").duration("300 ms").seed(1)
                .population("exc", "lif", 100).param("tau_m", "20 ms").init("v", "uniform(0, 1)").input("1.2").end()
                .projection("exc", "exc").connect("probability", 0.1).weight("0.05 s").synapse("exponential", "5 ms").end()
                .recordSpikes("exc")
                .build(Nets.PLUGINS);
        assertThat(fromBuilder.synapseCount()).isEqualTo(fromYaml.synapseCount()).isGreaterThan(800);
        List<String> a = Nets.spikes(Nets.run(fromYaml), fromYaml);
        assertThat(a).hasSizeGreaterThan(100);
        assertThat(Nets.spikes(new Simulation(fromBuilder).run(), fromBuilder)).isEqualTo(a);
    }
}
