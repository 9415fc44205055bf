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
}
