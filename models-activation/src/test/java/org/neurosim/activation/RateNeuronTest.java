package org.neurosim.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.integrators.Euler;
import org.neurosim.integrators.Exact;
import org.neurosim.integrators.PopulationSolver;

class RateNeuronTest {
    static NeuronDynamics rate(Map<String, String> params) {
        NeuronModel m = PluginRegistry.load().get(PluginKind.NEURON_MODEL, "rate", "model");
        return m.create(PopulationContext.single(Double.NaN), Parameters.resolve(m.parameters(), params, "params"));
    }

    @Test
    void tauZeroGivesSOfTheInputAtEveryStep() {
        PopulationSolver p = new PopulationSolver(rate(Map.of("activation", "tanh")), new Exact(), 3, 1e-4);
        Drive d = new Drive(3);
        d.current[0] = -1;
        d.current[1] = 0.25;
        d.current[2] = 3;
        p.step(d, (n, t) -> { }, 0, 3);
        assertThat(p.state()[0]).containsExactly(Math.tanh(-1), Math.tanh(0.25), Math.tanh(3));
    }

    @Test
    void positiveTauRelaxesExponentiallyToSOfTheInput() {
        // tau dy/dt = -y + s(z), y(0) = s(0) = 0.5 (logistic), z = 2: y(t) = s(2) + (0.5 - s(2)) exp(-t/tau)
        PopulationSolver p = new PopulationSolver(rate(Map.of("tau", "10 ms")), new Exact(), 1, 1e-3);
        Drive d = new Drive(1);
        d.current[0] = 2;
        for (int k = 0; k < 25; k++) p.step(d, (n, t) -> { }, 0, 1);
        double s2 = Activations.logistic(2);
        assertThat(p.state()[0][0]).isCloseTo(s2 + (0.5 - s2) * Math.exp(-2.5), within(1e-12));
    }

    @Test
    void tauZeroRejectsDifferentialIntegratorsAndUnknownActivations() {
        assertThatThrownBy(() -> new PopulationSolver(rate(Map.of()), new Euler(), 1, 1e-3))
                .hasMessageContaining("tau = 0");
        assertThatThrownBy(() -> rate(Map.of("activation", "softmax")))
                .hasMessageContaining("unknown activation function 'softmax'");
    }
}
