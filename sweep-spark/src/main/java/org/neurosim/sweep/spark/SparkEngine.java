package org.neurosim.sweep.spark;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.JavaFutureAction;
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
            // in waves of a few tasks per worker: every wave's rows reach sweep.csv when it ends, so an interrupted
            // sweep keeps them (one job for the whole grid would hand back nothing before its end, and
            // toLocalIterator runs one partition at a time)
            int wave = Math.max(1, sc.defaultParallelism()) * 4;
            for (int from = 0; from < runs.size(); from += wave) {
                if (stop.getAsBoolean()) return;
                List<Sweep.Run> part = runs.subList(from, Math.min(runs.size(), from + wave));
                JavaFutureAction<List<Sweep.Row>> job = sc.parallelize(part, part.size()).map(task).collectAsync();
                List<Sweep.Row> rows;
                try {
                    while (true) {
                        try {
                            rows = job.get(200, TimeUnit.MILLISECONDS);
                            break;
                        } catch (TimeoutException waiting) {
                            if (stop.getAsBoolean()) {
                                job.cancel(true);
                                return;
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    job.cancel(true);
                    return;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the Spark job failed: " + e.getCause().getMessage(), e.getCause());
                }
                rows.forEach(done);
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

        /** The plugins, found once per executor JVM (a Guice injector takes a fraction of a second). */
        private static volatile PluginRegistry registry;

        @Override
        public Sweep.Row call(Sweep.Run run) {
            PluginRegistry r = registry;
            if (r == null) registry = r = PluginRegistry.load();
            Sweep sweep = Sweep.of(ConfigTree.parse(yaml, "sweep.yaml"), baseDir == null ? null : Path.of(baseDir), r);
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
