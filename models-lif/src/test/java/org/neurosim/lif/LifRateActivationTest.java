package org.neurosim.lif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosim.core.activation.Activation;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginContext;

/** The lif-rate activation is the LIF rate curve G. */
class LifRateActivationTest {
    @Test
    void lifRateActivationIsG() {
        LifRateActivation f = new LifRateActivation();
        Activation g = f.create(new PluginContext("test", Double.NaN),
                Parameters.resolve(f.parameters(), Map.of("tau_m", "20 ms", "tau_ref", "2 ms"), "p"));
        // G(2) = 63.0402 Hz, hand-computed (science.md section 2)
        assertThat(g.value(2)).isCloseTo(63.0402, within(1e-3));
        assertThat(g.value(1)).isZero();
    }
}
