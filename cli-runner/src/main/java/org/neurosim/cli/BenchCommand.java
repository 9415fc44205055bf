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
import org.neurosim.network.PopulationView;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.config.ConfigTree;
import org.neurosim.network.models.Microcircuit;
import org.neurosim.network.Simulation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code neurosim bench cuba|cobahh|brunel|microcircuit}: the Brette et al. (2007) benchmark networks, Brunel's
 * (2000) model A in one of its four states, and Potjans &amp; Diesmann's (2014) microcircuit at a scale (made by
 * {@link Microcircuit}), built through the same loader as {@code run}, timed without recording to files.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Time the standard benchmark networks.")
final class BenchCommand implements Callable<Integer> {
    @CommandLine.ParentCommand NeuroSim root;

    @Parameters(index = "0", paramLabel = "NAME", description = "cuba, cobahh, brunel or microcircuit")
    String name;

    @Option(names = "--state", paramLabel = "S",
            description = "brunel: sr, si-fast, ai (default) or si-slow (Brunel 2000, Fig. 8).")
    String state = "ai";

    @Option(names = "--scale", paramLabel = "S",
            description = "microcircuit: neurons and in-degrees times S, with in-degree compensation (default 0.1; "
                    + "1 = 77,169 neurons, 0.3 billion synapses).")
    double scale = 0.1;

    @Option(names = "--write-config", paramLabel = "FILE",
            description = "microcircuit: write the config of this scale and duration to FILE (for `run`) and exit.")
    java.nio.file.Path writeConfig;

    /** Brunel's (g, eta) per state of his Fig. 8. */
    static final java.util.Map<String, double[]> BRUNEL_STATES = java.util.Map.of(
            "sr", new double[] {3, 2}, "si-fast", new double[] {6, 4}, "ai", new double[] {5, 2},
            "si-slow", new double[] {4.5, 0.9});

    @Option(names = "--neurons", paramLabel = "N", description = "Network size (default 4000; 80%% excitatory).")
    int neurons = 4000;

    @Option(names = "--duration", paramLabel = "Q", description = "Simulated time (default 1 s).")
    String duration = "1 s";

    @Option(names = "--threads", paramLabel = "K",
            description = "Worker threads (default 1; steps under 50 us stay on one).")
    int threads = 1;

    @Option(names = "--in-degree", paramLabel = "K",
            description = "Fixed in-degree per neuron instead of p = 0.02 (80%% of it excitatory), for scaling runs.")
    Integer inDegree;

    @Option(names = "--integrator", paramLabel = "NAME",
            description = "Integrator of every population instead of the benchmark's own (e.g. exact against "
                    + "exact-grid for the microcircuit).")
    String integrator;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        long t0 = System.nanoTime();
        String file = name.equals("brunel") ? "brunel2000" : name;
        String yaml = yaml(file);
        if (writeConfig != null) {   // microcircuit only (checkOptions)
            org.neurosim.io.AtomicFiles.write(writeConfig, yaml);
            root.out.println("wrote " + writeConfig);
            return 0;
        }
        ObjectNode tree = config(yaml, file);
        Network net = NetworkLoader.build(tree, null, root.registry());
        double setup = (System.nanoTime() - t0) / 1e9;
        Simulation.Result r = new Simulation(net).run(null, null, () -> false, setup);
        report(net, r, tree, setup);
        return 0;
    }

    private void checkOptions() {
        if (!java.util.List.of("cuba", "cobahh", "brunel", "microcircuit").contains(name)) {
            throw new InvalidInputException("bench: unknown benchmark '" + name + "'; known benchmarks: cuba, cobahh, "
                    + "brunel, microcircuit");
        }
        if (name.equals("microcircuit") && !(scale > 0 && scale <= 1)) {
            throw new InvalidInputException("--scale: expected a fraction in (0, 1], got " + scale);
        }
        if (writeConfig != null && !name.equals("microcircuit")) {
            throw new InvalidInputException("--write-config: only for microcircuit (the other benchmarks are examples/*.yaml)");
        }
        if (name.equals("brunel") && !BRUNEL_STATES.containsKey(state)) {
            throw new InvalidInputException("--state: expected sr, si-fast, ai or si-slow, got '" + state + "'");
        }

        if (neurons < 2) throw new InvalidInputException("--neurons: expected at least 2, got " + neurons);
        if (threads < 1) throw new InvalidInputException("--threads: expected at least 1, got " + threads);
        if (inDegree != null && (inDegree < 2 || inDegree >= neurons)) {
            throw new InvalidInputException("--in-degree: expected a whole number from 2 to " + (neurons - 1) + ", got "
                    + inDegree);
        }
    }

    /** The benchmark's config: the microcircuit's made at --scale, the others' read from the resources. */
    private String yaml(String file) throws IOException {
        if (name.equals("microcircuit")) return Microcircuit.yaml(scale, duration);
        try (InputStream in = BenchCommand.class.getResourceAsStream("/benchmarks/" + file + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The config tree with the options applied: size, state, integrator, duration, threads, in-degree. */
    private ObjectNode config(String yaml, String file) {
        ObjectNode tree = ConfigTree.parse(yaml, file + ".yaml");
        if (name.equals("cuba") || name.equals("cobahh")) {
            int exc = (int) Math.round(neurons * 0.8);
            ConfigTree.set(tree, "populations.exc.size=" + exc);
            ConfigTree.set(tree, "populations.inh.size=" + (neurons - exc));
        } else if (name.equals("brunel")) {
            double[] ge = BRUNEL_STATES.get(state);   // the config's variables: weight -g J, Poisson rate eta 10 kHz
            ConfigTree.set(tree, "variables.g=" + ge[0]);
            ConfigTree.set(tree, "variables.eta=" + ge[1]);
        }
        if (integrator != null) {
            root.registry().get(org.neurosim.core.plugin.PluginKind.INTEGRATOR, integrator, "--integrator");   // known?
            ConfigTree.set(tree, "integrator=" + integrator);
            if (tree.get("populations") instanceof ObjectNode pops) {   // a population's own choice gives way too
                pops.forEach(p -> {
                    if (p instanceof ObjectNode o) o.remove("integrator");
                });
            }
        }
        ConfigTree.set(tree, "duration=" + duration);
        ConfigTree.set(tree, "threads=" + threads);
        ConfigTree.set(tree, "record={spikes: []}");
        if (inDegree != null) {
            int e = (int) Math.round(inDegree * 0.8);
            ConfigTree.set(tree, "projections[0].connect={in_degree: " + e + "}");
            ConfigTree.set(tree, "projections[1].connect={in_degree: " + (inDegree - e) + "}");
        }
        return tree;
    }

    /** Prints the run's figures: one JSON object (--json) or one line. */
    private void report(Network net, Simulation.Result r, ObjectNode tree, double setup) {
        long spikes = net.populations().stream().mapToLong(PopulationView::totalSpikes).sum();
        long neurons = net.populations().stream().filter(p -> !p.isSource()).mapToLong(PopulationView::size).sum();
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
            o.put("integrator", tree.path("integrator").asText(""));
            o.put("rtf", r.simulateSeconds() / r.simulatedSeconds());
            o.put("peak_rss_mb", peakRssMb());
            if (r.summary().has("analysis")) o.set("analysis", r.summary().get("analysis"));
            if (name.equals("brunel")) o.put("state", state);
            if (name.equals("microcircuit")) o.put("scale", scale);
            o.put("duration_s", r.simulatedSeconds());
            o.put("cores", Runtime.getRuntime().availableProcessors());   // where the figure was measured
            o.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            root.out.println(o);
        } else {
            root.out.printf(Locale.ROOT, "%s: %s, %s, %.4g s simulated; setup %.3f s, simulation %.3f s "
                            + "(%s); %s, mean rate %.2f Hz%n", name, Words.count(neurons, "neuron"),
                    Words.count(net.synapseCount(), "synapse"), r.simulatedSeconds(), setup, r.simulateSeconds(),
                    Words.count(threads, "thread"), Words.count(spikes, "spike"), rate);
        }
    }

    /** The process's peak resident memory (VmHWM of /proc/self/status), or -1 where there is none. */
    static double peakRssMb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
