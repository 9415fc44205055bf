package org.neurosim.all;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.core.plugin.PluginRegistry;

/** With the one dependency neurosim-all, every standard plugin module is found on the class path. */
class AllPluginsTest {
    @Test
    void theStandardPluginsAreAllThere() {
        PluginRegistry r = PluginRegistry.load();
        assertThat(r.all(PluginKind.NEURON_MODEL).keySet())
                .contains("lif", "lif-cond", "hh", "hh-traub", "rate", "equations");
        assertThat(r.all(PluginKind.KERNEL).keySet()).contains("exponential", "alpha", "delta");
        assertThat(r.all(PluginKind.PLASTICITY_RULE).keySet()).contains("stdp", "tsodyks-markram", "bernoulli");
        assertThat(r.all(PluginKind.CONNECTION_RULE).keySet()).contains("probability", "total");
    }
}
