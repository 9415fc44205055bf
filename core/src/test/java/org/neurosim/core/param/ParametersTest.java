package org.neurosim.core.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.units.Dimension;

class ParametersTest {
    private final List<ParameterSpec> specs = List.of(
            ParameterSpec.positive("tau_m", Dimension.TIME, "20 ms", "membrane time constant"),
            ParameterSpec.quantity("v_th", Dimension.DIMENSIONLESS, "1", "threshold").alsoAccepting(Dimension.VOLTAGE),
            ParameterSpec.integer("n", "0", 0, 10, "order"),
            ParameterSpec.text("activation", "logistic", "s(z)"));

    @Test
    void fillsDefaultsInSi() {
        Parameters p = Parameters.resolve(specs, Map.of("tau_m", "10 ms"), "params");
        assertThat(p.get("tau_m")).isCloseTo(0.01, within(1e-15));
        assertThat(p.get("v_th")).isEqualTo(1.0);
        assertThat(p.getInt("n")).isZero();
        assertThat(p.text("activation")).isEqualTo("logistic");
    }

    @Test
    void acceptsAnAlternativeDimensionAndRemembersIt() {
        Parameters p = Parameters.resolve(specs, Map.of("v_th", "-50 mV"), "params");
        assertThat(p.get("v_th")).isCloseTo(-0.05, within(1e-15));
        assertThat(p.dimensionOf("v_th")).isEqualTo(Dimension.VOLTAGE);
    }

    @Test
    void errorsNameTheKey() {
        assertThatThrownBy(() -> Parameters.resolve(specs, Map.of("tau", "1 ms"), "populations.exc.params"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("populations.exc.params.tau: unknown parameter; known parameters: tau_m, v_th, n, activation");
        assertThatThrownBy(() -> Parameters.resolve(specs, Map.of("tau_m", "20 mV"), "p"))
                .hasMessage("p.tau_m: expected a time such as '20 ms', got '20 mV'");
        assertThatThrownBy(() -> Parameters.resolve(specs, Map.of("tau_m", "-1 ms"), "p"))
                .hasMessage("p.tau_m: -1 ms is out of range; expected a value of at least 0 ms");
        assertThatThrownBy(() -> Parameters.resolve(specs, Map.of("n", "2.5"), "p"))
                .hasMessage("p.n: expected a whole number, got '2.5'");
        assertThatThrownBy(() -> Parameters.resolve(specs, Map.of("n", "11"), "p"))
                .hasMessage("p.n: 11 is out of range; expected a value from 0 to 10");
        assertThatThrownBy(() -> Parameters.resolve(specs, Map.of("tau_m", "NaN ms"), "p"))
                .hasMessageStartingWith("p.tau_m: expected a time");
    }

    /** A default the plugin itself gets wrong is reported as the plugin's fault, naming the key to set. */
    @org.junit.jupiter.api.Test
    void anInvalidDefaultIsThePluginsFault() {
        var spec = ParameterSpec.quantity("tau", org.neurosim.core.units.Dimension.TIME, "20 mV", "a time constant");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Parameters.resolve(java.util.List.of(spec),
                java.util.Map.of(), "populations.p.params"))
                .hasMessage("the plugin's default for parameter 'tau' ('20 mV') is invalid: expected a time such as "
                        + "'20 ms', got '20 mV'; set populations.p.params.tau yourself, and tell the plugin's author");
        // given by the user, the same value is the user's mistake
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Parameters.resolve(java.util.List.of(spec),
                java.util.Map.of("tau", "20 mV"), "populations.p.params"))
                .hasMessage("populations.p.params.tau: expected a time such as '20 ms', got '20 mV'");
    }

    private static Parameters.PerNeuron three(long seed) {
        return new Parameters.PerNeuron(3, new java.util.SplittableRandom(seed));
    }

    private static DataValue list(String... items) {
        return new DataValue(List.of(items), "populations.p.params.tau_m", null);
    }

    @Test
    void takesAListPerNeuronReadThroughValues() {
        Parameters p = Parameters.resolve(specs, Map.of("tau_m", list("10 ms", "20 ms", "30 ms")),
                "populations.p.params", null, three(1));
        assertThat(p.values("tau_m", 3)).containsExactly(0.01, 0.02, 0.03);
        assertThat(p.uniform("tau_m")).isFalse();
        assertThat(p.values("v_th", 3)).containsExactly(1.0, 1.0, 1.0);
        // a model that reads one value refuses the list with a line naming the key
        assertThatThrownBy(() -> p.get("tau_m")).isInstanceOf(InvalidInputException.class)
                .hasMessage("populations.p.params.tau_m: this model takes one value for the whole population here, "
                        + "not one per neuron");
        // a list of equal values is one value
        Parameters same = Parameters.resolve(specs, Map.of("tau_m", list("10 ms", "10 ms", "10 ms")),
                "populations.p.params", null, three(1));
        assertThat(same.get("tau_m")).isEqualTo(0.01);
    }

    @Test
    void drawsADistributionPerNeuronFromThePopulationsStream() {
        Parameters p = Parameters.resolve(specs, Map.of("tau_m", "uniform(10 ms, 20 ms)"), "populations.p.params",
                null, three(7));
        // the same draws as the stream gives: low + (high - low) u, in neuron order
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) expected[i] = 0.01 + (0.02 - 0.01) * r.nextDouble();
        assertThat(p.values("tau_m", 3)).containsExactly(expected);
    }

    @Test
    void checksEveryValueAndTheListsLength() {
        assertThatThrownBy(() -> Parameters.resolve(specs, Map.of("tau_m", list("10 ms", "-1 ms", "30 ms")),
                "populations.p.params", null, three(1)))
                .hasMessage("populations.p.params.tau_m[1]: -1 ms is out of range; expected a value of at least 0 ms");
        assertThatThrownBy(() -> Parameters.resolve(specs, Map.of("tau_m", list("10 ms", "20 ms")),
                "populations.p.params", null, three(1)))
                .hasMessage("populations.p.params.tau_m: expected 3 values (one per neuron), got 2");
        assertThatThrownBy(() -> Parameters.resolve(specs, Map.of("tau_m", list("10 ms", "20 mV", "30 ms")),
                "populations.p.params", null, three(1)))
                .hasMessageStartingWith("populations.p.params.tau_m[1]: expected a time");
        assertThatThrownBy(() -> Parameters.resolve(specs, Map.of("tau_m", "normal(1 ms, 5 ms)"),
                "populations.p.params", null, three(1)))
                .hasMessageContaining("out of range; expected a value of at least 0 ms for every neuron");
        // outside a population (a kernel, a rule) one value is expected
        assertThatThrownBy(() -> Parameters.resolve(specs, Map.of("tau_m", "uniform(1 ms, 2 ms)"), "synapse"))
                .hasMessage("synapse.tau_m: expected one value (a time such as '20 ms'); values per neuron are taken "
                        + "by a population's params only");
    }
}
