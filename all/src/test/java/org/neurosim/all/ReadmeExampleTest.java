package org.neurosim.all;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.network.Network;
import org.neurosim.network.Simulation;

/**
 * README's Java example, with the one dependency neurosim-all: it fires above the rate of its input alone,
 * G(1.2) = 1 / (2 ms - 20 ms ln(1 - 1/1.2)) = 26.4 Hz, and well below the refractory limit (the example once
 * fired at 477 Hz); 35.9 Hz at seed 1 as README prints.
 */
class ReadmeExampleTest {
    @Test
    void theJavaExampleFiresAtTheRateReadmeGives() {
        PluginRegistry plugins = PluginRegistry.load();
        Network net = Network.builder().name("demo").dt("0.1 ms").duration("1 s").seed(1)
                .population("exc", "lif", 100).param("tau_m", "20 ms").init("v", "uniform(0, 1)").input("1.2").end()
                .projection("exc", "exc").connect("probability", 0.1).weight("0.5 ms").synapse("exponential", "5 ms").end()
                .recordSpikes("exc")
                .build(plugins);
        Simulation.Result result = new Simulation(net).run();
        double rate = net.population("exc").totalSpikes() / (100 * 1.0);
        double alone = 1 / (0.002 - 0.02 * Math.log(1 - 1 / 1.2));
        assertThat(result.complete()).isTrue();
        assertThat(rate).isGreaterThan(alone).isLessThan(2 * alone);
        assertThat(rate).isEqualTo(35.85, org.assertj.core.data.Offset.offset(0.05));
    }
}
