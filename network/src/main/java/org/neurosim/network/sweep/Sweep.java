package org.neurosim.network.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.network.Network;
import org.neurosim.network.Simulation;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.config.ConfigTree;

/**
 * Many runs of one model: the grid of every combination of the varied values, times a number of seeds, each run
 * built from the same parsed config with its values set (no YAML read per run) and simulated on one thread, so
 * that a run's row depends only on its values and seed, whatever runs beside it.
 * <pre>
 *   List&lt;Sweep.Row&gt; rows = Sweep.of(Path.of("brunel2000.yaml")).vary("g", List.of("4", "5")).seeds(3)
 *           .run(Sweep.local(2));
 * </pre>
 * A varied key is a variable of the config's {@code variables} block ({@code g}) or any config key path
 * ({@code populations.exc.size}).
 */
public final class Sweep {
    /** One varied key and its values, as written. */
    public record Axis(String key, List<String> values) { }

    /** One run of the grid: its position, the value of each varied key, its seed. */
    public record Run(int index, Map<String, String> values, long seed) implements java.io.Serializable { }

    /**
     * What a run gave, per population (in config order): mean rate and mean ISI CV (NaN where there are no
     * intervals); {@code error} says why a run is not complete.
     */
    public record Row(Run run, Map<String, Double> rateHz, Map<String, Double> cvIsi, boolean complete,
                      double wallSeconds, String error) implements java.io.Serializable { }

    /** Runs a list of runs and hands each row over as it finishes (from any thread, one at a time). */
    public interface Engine {
        void run(Sweep sweep, List<Run> runs, Consumer<Row> done, BooleanSupplier stop);
    }

    /**
     * An engine other than {@code local}, found with {@link java.util.ServiceLoader} when asked for by name
     * ({@code --engine spark}), so that its libraries are loaded only then.
     */
    public interface EngineFactory {
        String name();

        /** @param master where to run (a cluster URL), or null for the engine's default on this machine */
        Engine create(int workers, String master);
    }

    /** The parsed config as YAML text: what a remote worker rebuilds the sweep from. */
    public String configYaml() {
        try {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().writeValueAsString(config);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folder relative file names resolve against, or null. */
    public Path baseDir() {
        return baseDir;
    }

    private final ObjectNode config;
    private final Path baseDir;
    private final PluginRegistry registry;
    private final List<Axis> axes = new ArrayList<>();
    private int seeds = 1;
    private List<Long> seedValues;   // --vary seed=...: the seeds themselves (not an axis beside the seed column)

    private Sweep(ObjectNode config, Path baseDir, PluginRegistry registry) {
        this.config = config;
        this.baseDir = baseDir;
        this.registry = registry;
    }

    /** A sweep of a config file, with the plugins on the class path. */
    public static Sweep of(Path config) {
        return new Sweep(ConfigTree.read(config), config.toAbsolutePath().getParent(), PluginRegistry.load());
    }

    /** A sweep over the parsed config {@code config} (relative files resolve against {@code baseDir}). */
    public static Sweep of(ObjectNode config, Path baseDir, PluginRegistry registry) {
        return new Sweep(config, baseDir, registry);
    }

    /** Varies a config key or variable over {@code values}; {@code seed} varies the runs' seed itself. */
    public Sweep vary(String key, List<String> values) {
        if (values.isEmpty()) throw new InvalidInputException("--vary " + key + ": expected at least one value");
        if (key.equals("seed")) return varySeed(values);
        for (Axis a : axes) if (a.key().equals(key)) throw new InvalidInputException("--vary " + key + ": given twice");
        axes.add(new Axis(key, List.copyOf(values)));
        return this;
    }

    /** The seeds of {@code --vary seed=...}: whole numbers, each run once. */
    private Sweep varySeed(List<String> values) {
        if (seedValues != null) throw new InvalidInputException("--vary seed: given twice");
        if (seeds > 1) throw bothSeedOptions();
        List<Long> parsed = new ArrayList<>();
        for (String v : values) {
            try {
                parsed.add(Long.parseLong(v.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("--vary seed: expected whole numbers such as 1,2,3, got '" + v + "'");
            }
        }
        seedValues = List.copyOf(parsed);
        return this;
    }

    private static InvalidInputException bothSeedOptions() {
        return new InvalidInputException("--seeds: give either --seeds N (seeds base, base + 1, ...) or --vary "
                + "seed=V1,V2,..., not both");
    }

    public Sweep seeds(int n) {
        if (n < 1) throw new InvalidInputException("--seeds: expected at least 1, got " + n);
        if (n > 1 && seedValues != null) throw bothSeedOptions();
        this.seeds = n;
        return this;
    }

    public List<Axis> axes() { return List.copyOf(axes); }

    /** The populations of the config, in order: the columns of every row. */
    public List<String> populations() {
        List<String> out = new ArrayList<>();
        config.path("populations").fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The config's seed (1 when it has none): run k of a point has seed base + k. */
    long baseSeed() {
        return config.has("seed") ? config.get("seed").asLong() : 1;
    }

    /** Every run: the first key varies slowest, the seed fastest. */
    public List<Run> runs() {
        List<Run> out = new ArrayList<>();
        int points = 1;
        for (Axis a : axes) points *= a.values().size();
        for (int p = 0; p < points; p++) {
            Map<String, String> values = new LinkedHashMap<>();
            int rest = p;
            for (int k = axes.size() - 1; k >= 0; k--) {
                Axis a = axes.get(k);
                values.put(a.key(), a.values().get(rest % a.values().size()));
                rest /= a.values().size();
            }
            Map<String, String> ordered = new LinkedHashMap<>();
            for (Axis a : axes) ordered.put(a.key(), values.get(a.key()));
            for (long seed : seedsOfAPoint()) out.add(new Run(out.size(), ordered, seed));
        }
        return out;
    }

    /** The seeds each point runs with: those of {@code --vary seed}, or the config's seed and the next ones. */
    private List<Long> seedsOfAPoint() {
        if (seedValues != null) return seedValues;
        List<Long> out = new ArrayList<>();
        for (int s = 0; s < seeds; s++) out.add(baseSeed() + s);
        return out;
    }

    /** The config of one run: the values set (a variable, or a key path), its seed, one thread, no files. */
    public ObjectNode configOf(Run run) {
        ObjectNode tree = config.deepCopy();
        JsonNode vars = tree.get("variables");
        run.values().forEach((key, value) -> {
            boolean variable = vars != null && vars.has(key);
            ConfigTree.set(tree, (variable ? "variables." + key : key) + "=" + value);
        });
        tree.put("seed", run.seed());
        tree.put("threads", 1);
        JsonNode analysis = tree.path("record").get("analysis");   // the transient to discard stays
        ConfigTree.set(tree, "record={spikes: []}");
        if (analysis != null) ((ObjectNode) tree.get("record")).set("analysis", analysis);
        return tree;
    }

    /** Checks that every run builds (unknown keys, bad values) by building the first and the last. */
    public void check() {
        List<Run> all = runs();
        for (Run r : List.of(all.get(0), all.get(all.size() - 1))) {
            NetworkLoader.build(configOf(r), baseDir, registry);
        }
    }

    /** Builds and simulates one run. */
    public Row execute(Run run, BooleanSupplier stop) {
        long t0 = System.nanoTime();
        Map<String, Double> rates = new LinkedHashMap<>(), cvs = new LinkedHashMap<>();
        try {
            Network net = NetworkLoader.build(configOf(run), baseDir, registry);
            Simulation.Result r = new Simulation(net).run(null, null, stop, 0);
            JsonNode analysis = r.summary().path("analysis");
            for (String p : populations()) {
                JsonNode a = analysis.path(p);
                rates.put(p, a.has("rate_hz") ? a.get("rate_hz").asDouble()
                        : r.summary().path("populations").path(p).path("mean_rate_hz").asDouble(Double.NaN));
                cvs.put(p, a.has("cv_isi") && a.get("cv_isi").isNumber() ? a.get("cv_isi").asDouble() : Double.NaN);
            }
            return new Row(run, rates, cvs, r.complete(), (System.nanoTime() - t0) / 1e9,
                    r.complete() ? "" : r.reason());
        } catch (RuntimeException e) {
            return new Row(run, rates, cvs, false, (System.nanoTime() - t0) / 1e9,
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** Runs every run on {@code engine}; the rows in grid order. */
    public List<Row> run(Engine engine) {
        return run(engine, runs(), row -> { }, () -> false);
    }

    /** Runs {@code runs} on {@code engine}, handing each row to {@code done} as it finishes; rows in grid order. */
    public List<Row> run(Engine engine, List<Run> runs, Consumer<Row> done, BooleanSupplier stop) {
        List<Row> rows = new ArrayList<>();
        engine.run(this, runs, row -> {
            synchronized (rows) {
                rows.add(row);
                done.accept(row);
            }
        }, stop);
        rows.sort(java.util.Comparator.comparingInt(r -> r.run().index()));
        return rows;
    }

    /** K worker threads in this process, each run on one of them. */
    public static Engine local(int workers) {
        return new LocalEngine(workers);
    }
}
