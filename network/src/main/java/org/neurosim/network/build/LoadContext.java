package org.neurosim.network.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neurosim.core.plugin.PluginRegistry;

/** What every part of the loader shares: the plugins, the config's folder, the run's dt and seed, the warnings. */
final class LoadContext {
    final PluginRegistry registry;
    final Path baseDir;
    final double dt;
    final long seed;
    final List<String> warnings = new ArrayList<>();
    /** Every file the config's values named and a plugin read (weights CSVs, spike-time files...), as resolved. */
    final java.util.Set<Path> inputFiles = java.util.concurrent.ConcurrentHashMap.newKeySet();   // projections wire in parallel

    /** Synapse lists handed over beside the config, named by {@code connect: {arrays: KEY}}. */
    final java.util.Map<String, org.neurosim.core.connect.SynapseList> arrays;
    /** Each population's neuron positions (x, y, z in metres, one array each), for those that give them. */
    final java.util.Map<String, double[][]> positions = new java.util.concurrent.ConcurrentHashMap<>();

    LoadContext(PluginRegistry registry, Path baseDir, double dt, long seed) {
        this(registry, baseDir, dt, seed, java.util.Map.of());
    }

    LoadContext(PluginRegistry registry, Path baseDir, double dt, long seed,
                java.util.Map<String, org.neurosim.core.connect.SynapseList> arrays) {
        this.arrays = arrays;
        this.registry = registry;
        this.baseDir = baseDir;
        this.dt = dt;
        this.seed = seed;
    }

    /** A config value as a plugin's data, its files relative to the config's folder and noted as inputs. */
    org.neurosim.core.param.DataValue data(org.neurosim.network.config.Cfg c) {
        return c.data(baseDir, this::input);
    }

    /** A mapping's entries as a plugin's given parameters, their files noted as inputs. */
    java.util.Map<String, Object> given(org.neurosim.network.config.Cfg c) {
        return c.given(baseDir, this::input);
    }

    private void input(Path file) {
        inputFiles.add(file.toAbsolutePath().normalize());
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
