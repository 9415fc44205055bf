package org.neurosim.network.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.core.units.Dimension;
import org.neurosim.network.Network;
import org.neurosim.network.config.Cfg;
import org.neurosim.network.config.ConfigTree;
import org.neurosim.network.engine.Population;
import org.neurosim.network.engine.Projection;
import org.neurosim.network.engine.SynapseGroup;

/**
 * Builds a {@link Network} from a config tree (../shared/spec/config.md), one block at a time: the run's
 * settings here, then {@link MemoryEstimate}, {@link PopulationLoader}, {@link ProjectionLoader} and
 * {@link RecordLoader}. Every error names its key path ({@code projections[2].synapse.tau: ...}) and what is
 * expected.
 */
public final class NetworkLoader {
    static final Set<String> TOP = Set.of("name", "dt", "duration", "seed", "integrator", "threads", "populations",
            "projections", "record");

    private NetworkLoader() { }

    /**
     * Wires every projection, on up to {@code threads} threads (the run's); each uses only its own random stream, so the network is the same at any thread count. The first failure
     * in config order is the one reported.
     */
    private static void wireAll(List<List<ProjectionLoader.Pending>> pending, int threads, LoadContext ctx) {
        List<ProjectionLoader.Pending> all = new ArrayList<>();
        pending.forEach(all::addAll);
        if (threads <= 1 || all.size() <= 1) {
            for (ProjectionLoader.Pending p : all) ProjectionWiring.wire(p, ctx);
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(threads, all.size()), r -> {
                    Thread t = new Thread(r, "neurosim-build");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (ProjectionLoader.Pending p : all) done.add(pool.submit(() -> ProjectionWiring.wire(p, ctx)));
            for (java.util.concurrent.Future<?> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    if (e.getCause() instanceof Error err) throw err;
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while building the network", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads the config file, applies {@code --set} assignments, and builds the network. */
    public static Network load(Path file, PluginRegistry registry, List<String> sets) {
        ObjectNode root = ConfigTree.read(file);
        for (String s : sets) ConfigTree.set(root, s);
        if (!root.has("name")) {
            String n = file.getFileName().toString();
            root.put("name", n.replaceFirst("\\.ya?ml$", ""));
        }
        return build(root, file.toAbsolutePath().getParent(), registry);
    }

    /** Builds the network of a config tree; relative file names are resolved against {@code baseDir}. */
    public static Network build(ObjectNode tree, Path baseDir, PluginRegistry registry) {
        return build(tree, baseDir, registry, Map.of());
    }

    /**
     * As above, with synapse lists handed over beside the config: a projection's {@code connect: {arrays: KEY}}
     * takes {@code arrays.get(KEY)} (from NumPy through JPype, or Java code), so that no synapse passes through text.
     */
    public static Network build(ObjectNode tree, Path baseDir, PluginRegistry registry,
                                Map<String, org.neurosim.core.connect.SynapseList> arrays) {
        tree = org.neurosim.network.config.Variables.resolve(tree);
        Cfg root = new Cfg(tree, "");
        root.allowOnly(TOP);
        String name = name(root);
        double dt = root.get("dt").quantity(Dimension.TIME, "0.1 ms");
        if (!(dt > 0)) {
            throw root.get("dt").error("expected a positive time step such as '0.1 ms', got '" + root.get("dt").text()
                    + "'");
        }
        double duration = duration(root, dt);
        long seed = root.has("seed") ? root.get("seed").integer(Long.MIN_VALUE, Long.MAX_VALUE) : 1;
        LoadContext ctx = new LoadContext(registry, baseDir, dt, seed, Map.copyOf(arrays));
        int threads = root.has("threads") ? (int) root.get("threads").integer(1, 1024) : 1;
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads > cores) {
            ctx.warnings.add("threads: " + threads + " threads on " + cores + " processors wait for each other every "
                    + "step; use at most " + cores);
        }
        String globalIntegrator = root.get("integrator").text(null);

        Cfg pops = root.get("populations").required();
        Map<String, Cfg> popEntries = pops.entries();
        if (popEntries.isEmpty()) throw pops.error("expected at least one population");
        MemoryEstimate.check(root, popEntries, arrays);
        RecordLoader.checkEarly(root.get("record"), duration);

        Map<String, Population> byName = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, Cfg> e : popEntries.entrySet()) {
            byName.put(e.getKey(), PopulationLoader.load(e.getKey(), e.getValue(), index++, globalIntegrator, ctx));
        }
        Map<String, SynapseGroup> groups = new LinkedHashMap<>();
        List<List<Projection>> blocks = projections(root.get("projections"), byName, groups, threads, ctx);
        List<Projection> projections = new ArrayList<>();
        blocks.forEach(projections::addAll);
        for (Map.Entry<String, Cfg> e : popEntries.entrySet()) {
            PoissonInputLoader.load(e.getValue().get("poisson_input"), byName.get(e.getKey()), groups, ctx);
        }
        Network.RecordSpec record = RecordLoader.load(root.get("record"), byName, blocks, groups.values(), duration, ctx);
        return new Network(name, dt, duration, seed, threads, List.copyOf(byName.values()), projections,
                List.copyOf(groups.values()), record, ctx.warnings, ctx.inputFiles.stream().sorted().toList());
    }

    /** The config's name, which names the output folder out/NAME. */
    private static String name(Cfg root) {
        String name = root.get("name").text("network");
        if (!name.matches("[A-Za-z0-9_.\\-]+")) {
            throw root.get("name").error("expected letters, digits, '-', '_' or '.', got '" + name + "'");
        }
        if (name.matches("\\.+")) {   // "." or ".." as out/<name> is the working folder or above it
            throw root.get("name").error("expected a name with a letter, digit, '-' or '_' (it names the output "
                    + "folder out/<name>), got '" + name + "'");
        }
        return name;
    }

    /** The config's duration: a whole number of steps of dt, at least one, at most 10^12. */
    private static double duration(Cfg root, double dt) {
        double duration = root.get("duration").required().quantity(Dimension.TIME);
        if (!(duration >= dt)) {
            throw root.get("duration").error("expected a duration of at least one step (dt = " + LoadContext.fmt(dt)
                    + " s), got '" + root.get("duration").text() + "'");
        }
        if (duration / dt > 1e12) throw root.get("duration").error("more than 10^12 steps; use a larger dt");
        if (org.neurosim.core.StepTime.wholeSteps(duration, dt) < 0) {
            long below = (long) Math.floor(duration / dt);
            throw root.get("duration").error("expected a whole number of steps of dt = " + plain(dt) + " s, got '"
                    + root.get("duration").text() + "' (" + plain(duration / dt) + " steps); use " + plain(below * dt)
                    + " s or " + plain((below + 1) * dt) + " s");
        }
        return duration;
    }

    /**
     * The projections, a block per entry of {@code projections} (one entry can make several), their synapse groups
     * added to {@code groups}; the connections of all are drawn on {@code threads} threads.
     */
    private static List<List<Projection>> projections(Cfg projs, Map<String, Population> byName,
                                                      Map<String, SynapseGroup> groups, int threads, LoadContext ctx) {
        List<List<Projection>> blocks = new ArrayList<>();
        if (projs.present()) {
            List<List<ProjectionLoader.Pending>> pending = new ArrayList<>();
            int k = 0;
            for (Cfg pc : projs.list()) pending.add(ProjectionLoader.prepare(pc, k++, byName, ctx));
            wireAll(pending, threads, ctx);
            for (List<ProjectionLoader.Pending> block : pending) {
                List<Projection> made = new ArrayList<>();
                for (ProjectionLoader.Pending p : block) made.add(ProjectionLoader.finish(p, groups, ctx));
                blocks.add(made);
            }
        }
        return blocks;
    }

    /** v to six significant digits, without trailing zeros or an exponent (0.0012, not 0.00120000). */
    private static String plain(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
