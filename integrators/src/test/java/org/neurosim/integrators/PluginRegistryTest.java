package org.neurosim.integrators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.plugin.AbstractNeuroSimPlugin;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.core.plugin.PluginRegistry;

class PluginRegistryTest {
    @Test
    void discoversTheIntegratorsThroughServiceLoader() {
        PluginRegistry r = PluginRegistry.load();
        assertThat(r.all(PluginKind.INTEGRATOR).keySet())
                .contains("euler", "heun", "rk4", "exponential-euler", "exact", "exact-grid", "dormand-prince");
        assertThat(r.source(PluginKind.INTEGRATOR, "rk4")).isEqualTo("integrators");
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        PluginRegistry r = PluginRegistry.of(List.of(new IntegratorsPlugin()));
        assertThatThrownBy(() -> r.get(PluginKind.INTEGRATOR, "rk5", "integrator"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("integrator: unknown integrator 'rk5' (did you mean 'rk4'?); known integrators: dormand-prince, euler, euler-maruyama, exact, exact-grid, "
                        + "exponential-euler, heun, rk4");
    }

    static final class AnotherEuler extends AbstractNeuroSimPlugin {
        @Override public String moduleName() { return "my-plugin.jar"; }
        @Override protected void configure() { integrator(new Euler()); }
    }

    @Test
    void twoPluginsClaimingOneNameFailNamingBoth() {
        assertThatThrownBy(() -> PluginRegistry.of(List.of(new IntegratorsPlugin(), new AnotherEuler())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("two plugins claim the integrator name 'euler': integrators and my-plugin.jar; remove one of them");
    }

    @Test
    void unreadablePluginDirectoryIsAnInputError(@TempDir Path tmp) {
        assertThatThrownBy(() -> PluginRegistry.load(tmp.resolve("missing")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is neither a plugin jar nor a readable folder of plugin jars");
    }

    @Test
    void emptyPluginDirectoryStillLoadsTheClassPath(@TempDir Path tmp) {
        assertThat(PluginRegistry.load(tmp).all(PluginKind.INTEGRATOR)).containsKey("rk4");
    }
}
