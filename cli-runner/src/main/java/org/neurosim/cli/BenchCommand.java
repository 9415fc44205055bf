package org.neurosim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurosim.core.InvalidInputException;
import org.neurosim.network.Network;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.config.ConfigTree;
import org.neurosim.network.engine.Population;
import org.neurosim.network.Simulation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code neurosim bench cuba|cobahh}: the Brette et al. (2007) benchmark networks, built from the example configs
 * through the same loader as {@code run}, timed without recording.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Time the standard benchmark networks.")
final class BenchCommand implements Callable<Integer> {
    @CommandLine.ParentCommand NeuroSim root;

    @Parameters(index = "0", paramLabel = "NAME", description = "cuba or cobahh")
    String name;

    @Option(names = "--neurons", paramLabel = "N", description = "Network size (default 4000; 80% excitatory).")
    int neurons = 4000;

    @Option(names = "--duration", paramLabel = "Q", description = "Simulated time (default 1 s).")
    String duration = "1 s";

    @Option(names = "--threads", paramLabel = "K",
            description = "Worker threads (default 1; steps under 50 us stay on one).")
    int threads = 1;

    @Option(names = "--in-degree", paramLabel = "K",
            description = "Fixed in-degree per neuron instead of p = 0.02 (80% of it excitatory), for scaling runs.")
    Integer inDegree;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!name.equals("cuba") && !name.equals("cobahh")) {
            throw new InvalidInputException("bench: unknown benchmark '" + name + "'; known benchmarks: cuba, cobahh");
        }
        if (neurons < 2) throw new InvalidInputException("--neurons: expected at least 2, got " + neurons);
        if (threads < 1) throw new InvalidInputException("--threads: expected at least 1, got " + threads);
        if (inDegree != null && (inDegree < 2 || inDegree >= neurons)) {
            throw new InvalidInputException("--in-degree: expected a whole number from 2 to " + (neurons - 1) + ", got "
                    + inDegree);
        }
        long t0 = System.nanoTime();
        String yaml;
        try (InputStream in = BenchCommand.class.getResourceAsStream("/benchmarks/" + name + ".yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ObjectNode tree = ConfigTree.parse(yaml, name + ".yaml");
        int exc = (int) Math.round(neurons * 0.8);
        ConfigTree.set(tree, "populations.exc.size=" + exc);
        ConfigTree.set(tree, "populations.inh.size=" + (neurons - exc));
        ConfigTree.set(tree, "duration=" + duration);
        ConfigTree.set(tree, "threads=" + threads);
        ConfigTree.set(tree, "record={spikes: []}");
        if (inDegree != null) {
            int e = (int) Math.round(inDegree * 0.8);
            ConfigTree.set(tree, "projections[0].connect={in_degree: " + e + "}");
            ConfigTree.set(tree, "projections[1].connect={in_degree: " + (inDegree - e) + "}");
        }
        Network net = NetworkLoader.build(tree, null, root.registry());
        double setup = (System.nanoTime() - t0) / 1e9;
        Simulation.Result r = new Simulation(net).run(null, null, () -> false, setup);
        long spikes = net.populations().stream().mapToLong(Population::totalSpikes).sum();
        double rate = spikes / (neurons * r.simulatedSeconds());
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("name", name);
            o.put("neurons", neurons);
            o.put("synapses", net.synapseCount());
            o.put("spikes", spikes);
            o.put("mean_rate_hz", rate);
            o.put("setup_s", setup);
            o.put("simulate_s", r.simulateSeconds());
            o.put("threads", threads);
            o.put("duration_s", r.simulatedSeconds());
            o.put("cores", Runtime.getRuntime().availableProcessors());   // where the figure was measured
            o.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            root.out.println(o);
        } else {
            root.out.printf(Locale.ROOT, "%s: %d neurons, %d synapses, %.4g s simulated; setup %.3f s, simulation %.3f s "
                            + "(%d threads); %d spikes, mean rate %.2f Hz%n", name, neurons, net.synapseCount(),
                    r.simulatedSeconds(), setup, r.simulateSeconds(), threads, spikes, rate);
        }
        return 0;
    }
}
