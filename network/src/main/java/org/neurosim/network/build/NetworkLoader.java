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
        Cfg root = new Cfg(tree, "");
        root.allowOnly(TOP);
        String name = root.get("name").text("network");
        if (!name.matches("[A-Za-z0-9_.\\-]+")) {
            throw root.get("name").error("expected letters, digits, '-', '_' or '.', got '" + name + "'");
        }
        double dt = root.get("dt").quantity(Dimension.TIME, "0.1 ms");
        if (!(dt > 0)) {
            throw root.get("dt").error("expected a positive time step such as '0.1 ms', got '" + root.get("dt").text()
                    + "'");
        }
        double duration = root.get("duration").required().quantity(Dimension.TIME);
        if (!(duration >= dt)) {
            throw root.get("duration").error("expected a duration of at least one step (dt = " + LoadContext.fmt(dt)
                    + " s), got '" + root.get("duration").text() + "'");
        }
        if (duration / dt > 1e12) throw root.get("duration").error("more than 10^12 steps; use a larger dt");
        long seed = root.has("seed") ? root.get("seed").integer(Long.MIN_VALUE, Long.MAX_VALUE) : 1;
        LoadContext ctx = new LoadContext(registry, baseDir, dt, seed);
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
        MemoryEstimate.check(root, popEntries);

        Map<String, Population> byName = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, Cfg> e : popEntries.entrySet()) {
            byName.put(e.getKey(), PopulationLoader.load(e.getKey(), e.getValue(), index++, globalIntegrator, ctx));
        }
        List<Projection> projections = new ArrayList<>();
        Map<String, SynapseGroup> groups = new LinkedHashMap<>();
        Cfg projs = root.get("projections");
        List<List<Projection>> blocks = new ArrayList<>();
        if (projs.present()) {
            int k = 0;
            for (Cfg pc : projs.list()) {
                blocks.add(ProjectionLoader.load(pc, k++, byName, groups, ctx));
                projections.addAll(blocks.get(blocks.size() - 1));
            }
        }
        for (Map.Entry<String, Cfg> e : popEntries.entrySet()) {
            PoissonInputLoader.load(e.getValue().get("poisson_input"), byName.get(e.getKey()), groups, ctx);
        }
        Network.RecordSpec record = RecordLoader.load(root.get("record"), byName, blocks, groups.values(), duration, ctx);
        return new Network(name, dt, duration, seed, threads, List.copyOf(byName.values()), projections,
                List.copyOf(groups.values()), record, ctx.warnings);
    }
}
