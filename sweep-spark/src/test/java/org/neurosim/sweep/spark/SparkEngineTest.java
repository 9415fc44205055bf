package org.neurosim.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.network.config.ConfigTree;
import org.neurosim.network.sweep.Sweep;

/**
 * The Spark engine, embedded local[2], for real: the same rows as the local engine for the same 6 x 6 grid and
 * seeds (Brunel's model A at 1/25 size, 0.1 s per run).
 */
class SparkEngineTest {
    /** The sweep tests' small Brunel network (network's test resources), run for 100 ms. */
    static final java.nio.file.Path BRUNEL = java.nio.file.Path.of("..", "network", "src", "test", "resources", "sweep",
            "small-brunel.yaml");

    static com.fasterxml.jackson.databind.node.ObjectNode brunel() {
        com.fasterxml.jackson.databind.node.ObjectNode tree = ConfigTree.read(BRUNEL);
        ConfigTree.set(tree, "duration=100 ms");
        return tree;
    }

    static Sweep sweep() {
        return Sweep.of(brunel(), null, PluginRegistry.load())
                .vary("g", List.of("2", "3", "4", "5", "6", "7")).vary("eta", List.of("0.9", "1.5", "2", "3", "4", "5"));
    }

    @Test
    void sparkLocal2GivesTheRowsOfTheLocalEngine() {
        List<Sweep.Row> local = sweep().run(Sweep.local(2));
        List<Sweep.Row> spark = sweep().run(new SparkEngine.Factory().create(2, null));
        assertThat(spark).hasSize(36);
        for (int k = 0; k < 36; k++) {
            assertThat(spark.get(k).complete()).as(spark.get(k).error()).isTrue();
            assertThat(spark.get(k).run()).isEqualTo(local.get(k).run());
            assertThat(spark.get(k).rateHz()).isEqualTo(local.get(k).rateHz());
            assertThat(spark.get(k).cvIsi()).isEqualTo(local.get(k).cvIsi());
        }
        // and the rows are Brunel's: g = 2 (excitation-dominated) fires far above g = 7 at the same drive
        assertThat(local.get(0).rateHz().get("exc")).isGreaterThan(3 * local.get(30).rateHz().get("exc"));
    }
}
