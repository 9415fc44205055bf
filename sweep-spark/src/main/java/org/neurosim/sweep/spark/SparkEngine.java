package org.neurosim.sweep.spark;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.network.config.ConfigTree;
import org.neurosim.network.sweep.Sweep;

/**
 * A sweep as one Spark job: one task per run, each task rebuilding the sweep from the config's YAML text and
 * running its run on one thread, exactly as the local engine does, so the rows are the same. Embedded
 * {@code local[K]} by default; {@code --master spark://host:7077} (or yarn, k8s://...) sends the tasks to a
 * cluster, whose executors need NeuroSim's jars (spark-submit --jars, see README).
 */
public final class SparkEngine implements Sweep.Engine {
    private final int workers;
    private final String master;

    public SparkEngine(int workers, String master) {
        this.workers = workers;
        this.master = master;
    }

    @Override
    public void run(Sweep sweep, List<Sweep.Run> runs, Consumer<Sweep.Row> done, BooleanSupplier stop) {
        if (runs.isEmpty()) return;
        SparkConf conf = new SparkConf().setAppName("neurosim-sweep")
                .setMaster(master != null ? master : "local[" + workers + "]")
                .set("spark.ui.enabled", "false");            // no web server for a sweep
        if (master == null) conf.set("spark.driver.host", "127.0.0.1");   // embedded: no network name needed
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("ERROR");
            Task task = new Task(sweep.configYaml(), sweep.baseDir() == null ? null : sweep.baseDir().toString());
            Iterator<Sweep.Row> rows = sc.parallelize(runs, runs.size()).map(task).toLocalIterator();
            while (rows.hasNext()) {
                if (stop.getAsBoolean()) return;
                done.accept(rows.next());
            }
        }
    }

    /** What each Spark task does: its run, from the config text (plugins found on the executor's class path). */
    static final class Task implements Function<Sweep.Run, Sweep.Row> {
        private static final long serialVersionUID = 1L;
        private final String yaml;
        private final String baseDir;

        Task(String yaml, String baseDir) {
            this.yaml = yaml;
            this.baseDir = baseDir;
        }

        @Override
        public Sweep.Row call(Sweep.Run run) {
            Sweep sweep = Sweep.of(ConfigTree.parse(yaml, "sweep.yaml"), baseDir == null ? null : Path.of(baseDir),
                    PluginRegistry.load());
            return sweep.execute(run, () -> false);
        }
    }

    /** {@code --engine spark}. */
    public static final class Factory implements Sweep.EngineFactory {
        @Override public String name() { return "spark"; }

        @Override
        public Sweep.Engine create(int workers, String master) {
            return new SparkEngine(workers, master);
        }
    }
}
