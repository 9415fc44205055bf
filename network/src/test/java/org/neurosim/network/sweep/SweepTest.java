package org.neurosim.network.sweep;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.network.config.ConfigTree;

/** Sweeps through the Java API: the grid, its determinism at any number of workers, variables and key paths. */
class SweepTest {
    /** Brunel's model A at 1/25 of its size (C_E 40, J scaled so that J C_E stays 100 mV), 0.2 s. */
    static final Path BRUNEL = Path.of("src", "test", "resources", "sweep", "small-brunel.yaml");

    static String text() {
        try {
            return java.nio.file.Files.readString(BRUNEL);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Sweep sweep() {
        ObjectNode tree = ConfigTree.read(BRUNEL);
        return Sweep.of(tree, null, PluginRegistry.load()).vary("g", List.of("3", "6"))
                .vary("eta", List.of("1", "2")).seeds(2);
    }

    @Test
    void theGridIsEveryCombinationTimesTheSeedsFirstKeySlowest() {
        List<Sweep.Run> runs = sweep().runs();
        assertThat(runs).hasSize(8);
        assertThat(runs.get(0).values()).containsExactly(java.util.Map.entry("g", "3"), java.util.Map.entry("eta", "1"));
        assertThat(runs.get(0).seed()).isEqualTo(1);
        assertThat(runs.get(1).seed()).isEqualTo(2);
        assertThat(runs.get(2).values().get("eta")).isEqualTo("2");
        assertThat(runs.get(7).values()).containsEntry("g", "6").containsEntry("eta", "2");
    }

    /** The same rows at 1 and 2 workers: each run depends on its values and seed only. */
    @Test
    void rowsAreTheSameWhateverTheNumberOfWorkers() {
        List<Sweep.Row> one = sweep().run(Sweep.local(1)), two = sweep().run(Sweep.local(2));
        assertThat(one).hasSize(8);
        for (int k = 0; k < 8; k++) {
            assertThat(one.get(k).complete()).as(one.get(k).error()).isTrue();
            assertThat(two.get(k).rateHz()).isEqualTo(one.get(k).rateHz());
            assertThat(two.get(k).cvIsi()).isEqualTo(one.get(k).cvIsi());
        }
        // more inhibition, less activity: g = 6 fires less than g = 3 at the same eta and seed (Brunel 2000, Fig. 8)
        assertThat(one.get(4).rateHz().get("exc")).isLessThan(one.get(0).rateHz().get("exc"));
        // and more drive, more activity
        assertThat(one.get(2).rateHz().get("exc")).isGreaterThan(one.get(0).rateHz().get("exc"));
        // different seeds, different networks
        assertThat(one.get(1).rateHz()).isNotEqualTo(one.get(0).rateHz());
    }

    /** A varied variable equals setting it in the config: the run of g = 3 is the config's run with g: 3. */
    @Test
    void aVariedVariableIsTheConfigWithThatValue() {
        Sweep s = sweep();
        Sweep.Run r = s.runs().get(0);   // g 3, eta 1, seed 1
        ObjectNode direct = ConfigTree.parse(text().replace("{g: 5, eta: 2}", "{g: 3, eta: 1}"), "x.yaml");
        Sweep.Row row = s.execute(r, () -> false);
        Sweep.Row same = Sweep.of(direct, null, PluginRegistry.load()).vary("seed", List.of("1")).run(Sweep.local(1)).get(0);
        assertThat(row.rateHz()).isEqualTo(same.rateHz());
    }

    /** From a file, as the README shows it: Brunel's example at g = 5, eta = 2 is the config as written. */
    @Test
    void aSweepOfAFileBuildsItsRuns() {
        Sweep s = Sweep.of(java.nio.file.Path.of("..", "examples", "brunel2000.yaml")).vary("g", List.of("4", "5"));
        assertThat(s.runs()).hasSize(2);
        assertThat(s.configOf(s.runs().get(1)).at("/variables/g").asText()).isEqualTo("5");
        assertThat(s.populations()).containsExactly("exc", "inh");
    }

    @Test
    void aKeyThatIsNotInTheConfigFailsBeforeAnyRun() {
        Sweep s = Sweep.of(ConfigTree.read(BRUNEL), null, PluginRegistry.load())
                .vary("populations.exc.colour", List.of("red"));
        assertThatThrownBy(s::check).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("populations.exc.colour: unknown key");
    }
}
