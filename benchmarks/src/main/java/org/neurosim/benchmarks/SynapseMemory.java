package org.neurosim.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.network.Network;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.config.ConfigTree;

/**
 * Heap bytes per synapse of a built projection (8000 -> 8000 neurons at p = 0.05, 3.2 million synapses), measured
 * as the live heap after a full GC with the network built minus the same network without its projection, for a
 * single weight and delay, per-synapse weights, and per-synapse weights and delays (microcircuit-like
 * normal(1.5 ms, 0.75 ms) over 0.1 ms steps). Run:
 * {@code java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar org.neurosim.benchmarks.SynapseMemory} (the serial
 * collector, because G1 rounds each large array up to whole heap regions, which would be counted too).
 */
public final class SynapseMemory {
    public static final String BASE = """
            dt: 0.1 ms
            duration: 1 ms
            populations:
              a: {model: poisson, size: 8000, params: {rate: 8 Hz}}
              b: {model: lif, size: 8000}
            """;

    public static void main(String[] args) {
        PluginRegistry plugins = PluginRegistry.load();
        String[][] cases = {
                {"single weight and delay", "weight: 0.1, delay: 1.5 ms"},
                {"per-synapse weight", "weight: \"normal(0.1, 0.01)\", delay: 1.5 ms"},
                {"per-synapse weight and delay", "weight: \"normal(0.1, 0.01)\", delay: \"normal(1.5 ms, 0.75 ms)\", "
                        + "delay_min: 0.1 ms"},
        };
        long base = live(plugins, BASE);
        for (String[] c : cases) {
            String yaml = BASE + "projections:\n  - {from: a, to: b, connect: {probability: 0.05}, " + c[1]
                    + ", synapse: {kernel: exponential, tau: 5 ms, normalize: peak}}\n";
            Network[] keep = new Network[1];
            long with = live(plugins, yaml, keep);
            long synapses = keep[0].synapseCount();
            System.out.printf(Locale.ROOT, "%-30s %,d synapses: %.2f bytes per synapse%n", c[0], synapses,
                    (with - base) / (double) synapses);
        }
    }

    static long live(PluginRegistry plugins, String yaml) {
        return live(plugins, yaml, new Network[1]);
    }

    /** Live heap with the network held (after full GCs). */
    static long live(PluginRegistry plugins, String yaml, Network[] keep) {
        keep[0] = NetworkLoader.build(ConfigTree.parse(yaml, "memory.yaml"), null, plugins);
        long used = Long.MAX_VALUE;
        for (int k = 0; k < 5; k++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        if (keep[0].synapseCount() < 0) throw new AssertionError();   // keeps the network reachable until here
        return used;
    }
}
