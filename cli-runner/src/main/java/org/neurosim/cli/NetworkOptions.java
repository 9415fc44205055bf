package org.neurosim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neurosim.network.Network;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.config.ConfigTree;
import org.neurosim.core.plugin.PluginRegistry;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The config file and its overrides, shared by {@code run} and {@code validate}. */
final class NetworkOptions {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "Network configuration (YAML).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key, e.g. populations.exc.size=8000.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (overrides the config's).")
    Long seed;

    @Option(names = "--duration", paramLabel = "Q", description = "Simulated time, e.g. '2 s'.")
    String duration;

    @Option(names = "--dt", paramLabel = "Q", description = "Time step, e.g. '0.05 ms'.")
    String dt;

    @Option(names = "--threads", paramLabel = "K",
            description = "Worker threads (same results at any count; a network whose steps take under 50 us stays on one).")
    Integer threads;

    /** The config tree with every override applied, and its name. */
    ObjectNode tree() {
        ObjectNode root = ConfigTree.read(config);
        ConfigTree.runOptions(root, sets, seed, duration, dt, threads);
        if (!root.has("name")) root.put("name", config.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        return root;
    }

    /** {@code --duration} and {@code --threads} (null: not given) into the tree, checked; run and resume share it. */
    static void durationAndThreads(ObjectNode root, String duration, Integer threads) {
        ConfigTree.durationAndThreads(root, duration, threads);
    }

    Network build(ObjectNode tree, PluginRegistry registry) {
        return NetworkLoader.build(tree, config.toAbsolutePath().getParent(), registry);
    }
}
