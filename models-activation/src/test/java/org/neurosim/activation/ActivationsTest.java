package org.neurosim.activation;

import org.neurosim.core.plugin.PluginContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosim.core.activation.Activation;
import org.neurosim.core.activation.ActivationFunction;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.core.plugin.PluginRegistry;

/** The activation functions of ../shared/science.md section 3 against their closed forms. */
class ActivationsTest {
    static Activation of(ActivationFunction f) {
        return f.create(new PluginContext("test", Double.NaN), Parameters.defaults(f.parameters()));
    }

    @Test
    void logistic() {
        Activation s = of(Activations.LOGISTIC);
        assertThat(s.value(0)).isEqualTo(0.5);
        assertThat(s.value(2)).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-15)); // 0.880797...
        assertThat(s.value(2)).isCloseTo(0.8807970779778823, within(1e-15));
        assertThat(s.value(-800)).isZero();                  // no overflow
        assertThat(s.value(800)).isEqualTo(1.0);
        assertThat(s.derivative(0)).isEqualTo(0.25);
        assertThat(s.derivative(2)).isCloseTo(0.8807970779778823 * (1 - 0.8807970779778823), within(1e-15));
    }

    @Test
    void arctanAndTanh() {
        Activation a = of(Activations.ARCTAN);
        assertThat(a.value(1)).isCloseTo(Math.PI / 4, within(1e-15));
        assertThat(a.derivative(1)).isEqualTo(0.5);
        Activation t = of(Activations.TANH);
        assertThat(t.value(0.5)).isCloseTo(0.46211715726000974, within(1e-15));
        assertThat(t.derivative(0.5)).isCloseTo(1 - 0.46211715726000974 * 0.46211715726000974, within(1e-15));
    }

    @Test
    void thresholdIsOneAtExactlyZero() {
        Activation s = of(Activations.THRESHOLD);
        assertThat(s.value(-1e-300)).isZero();
        assertThat(s.value(0)).isEqualTo(1);
        assertThat(s.value(-0.0)).isEqualTo(1);   // -0.0 >= 0 in IEEE arithmetic
        assertThat(s.value(3)).isEqualTo(1);
        assertThat(s.derivative(0.3)).isZero();
    }

    @Test
    void reluAndItsKink() {
        Activation s = of(Activations.RELU);
        assertThat(s.value(-2)).isZero();
        assertThat(s.value(0)).isZero();
        assertThat(s.value(2.5)).isEqualTo(2.5);
        assertThat(s.derivative(-1e-12)).isZero();
        assertThat(s.derivative(0)).isEqualTo(1);   // the convention at the kink: right derivative
        assertThat(s.derivative(1)).isEqualTo(1);
    }

    @Test
    void smoothDerivativesMatchCentralDifferences() {
        for (ActivationFunction f : List.of(Activations.LOGISTIC, Activations.ARCTAN, Activations.TANH, Activations.LINEAR)) {
            Activation s = of(f);
            for (double z = -3; z <= 3; z += 0.37) {
                double h = 1e-6;
                double fd = (s.value(z + h) - s.value(z - h)) / (2 * h);
                assertThat(s.derivative(z)).as(f.name() + " at " + z).isCloseTo(fd, within(1e-8));
            }
        }
    }

    @Test
    void arraysAreAppliedElementwise() {
        Activation s = of(Activations.RELU);
        double[] z = {-1, 0.5, 2}, out = new double[3];
        s.apply(z, out, 0, 3);
        assertThat(out).containsExactly(0, 0.5, 2);
    }

    @Test
    void pluginRegistersEveryActivationAndTheRateModel() {
        PluginRegistry r = PluginRegistry.load();
        assertThat(r.all(PluginKind.ACTIVATION).keySet())
                .containsExactlyInAnyOrder("logistic", "arctan", "tanh", "threshold", "relu", "linear", "lif-rate");
        assertThat(r.all(PluginKind.NEURON_MODEL)).containsKeys("rate", "lif");
        assertThat(r.source(PluginKind.ACTIVATION, "tanh")).isEqualTo("models-activation");
        assertThat(r.all(PluginKind.NEURON_MODEL).get("rate").parameters()).extracting(p -> p.name())
                .contains("activation", "tau", "tau_m", "tau_ref");
    }
}
