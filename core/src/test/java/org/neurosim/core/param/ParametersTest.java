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
}
