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

    LoadContext(PluginRegistry registry, Path baseDir, double dt, long seed) {
        this.registry = registry;
        this.baseDir = baseDir;
        this.dt = dt;
        this.seed = seed;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
