package org.neurosim.network;

import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.config.ConfigTree;
import org.neurosim.network.output.Recorder;

import java.util.List;
import org.neurosim.core.plugin.PluginRegistry;

/** Test helpers: build a network from YAML text and run it without writing files. */
final class Nets {
    static final PluginRegistry PLUGINS = PluginRegistry.load();

    static Network build(String yaml) {
        return NetworkLoader.build(ConfigTree.parse(yaml, "test.yaml"), null, PLUGINS);
    }

    static Simulation.Result run(Network net) {
        return new Simulation(net).run(null, null, () -> false, 0);
    }

    /** All spikes of a run as "population neuron time" lines, in the order they were recorded. */
    static List<String> spikes(Simulation.Result r, Network net) {
        Recorder rec = r.recorder();
        List<String> out = new java.util.ArrayList<>();
        for (int k = 0; k < rec.rasterCount(); k++) {
            out.add(net.populations().get(rec.rasterPopulation(k)).name() + " " + rec.rasterNeuron(k) + " "
                    + rec.rasterTime(k));
        }
        return out;
    }
}
