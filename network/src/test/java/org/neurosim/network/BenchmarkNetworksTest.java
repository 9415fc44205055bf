package org.neurosim.network;

import org.neurosim.network.build.NetworkLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosim.core.plugin.PluginRegistry;

/**
 * The Brette et al. (2007) benchmarks as examples/cuba.yaml and examples/cobahh.yaml define them, against Brian2's
 * figures for the same networks (../shared/peers/README.md: CUBA about 320,000 synapses and 5.6 Hz; COBAHH about
 * 37 Hz).
 */
class BenchmarkNetworksTest {
    static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void cubaHasBriansSynapseCountAndRate() {
        Network net = NetworkLoader.load(EXAMPLES.resolve("cuba.yaml"), PluginRegistry.load(), List.of());
        // expected 4000 * 4000 * 0.02 = 320,000; +-2% is about 8 standard deviations of the binomial count
        assertThat((double) net.synapseCount()).isCloseTo(320_000, within(6_400.0));
        Simulation.Result r = new Simulation(net).run(null, null, () -> false, 0);
        long spikes = net.populations().stream().mapToLong(PopulationView::totalSpikes).sum();
        double rate = spikes / (4000 * r.simulatedSeconds());
        assertThat(rate).isBetween(4.0, 8.0);
    }

    @Test
    void cobahhFiresBetween20And60Hz() {
        Network net = NetworkLoader.load(EXAMPLES.resolve("cobahh.yaml"), PluginRegistry.load(),
                List.of("duration=0.3 s"));
        Simulation.Result r = new Simulation(net).run(null, null, () -> false, 0);
        long spikes = net.populations().stream().mapToLong(PopulationView::totalSpikes).sum();
        double rate = spikes / (4000 * r.simulatedSeconds());
        assertThat(rate).isBetween(20.0, 60.0);
    }
}
