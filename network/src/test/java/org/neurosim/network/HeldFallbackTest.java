package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * exact and exact-grid treat input they cannot integrate with the membrane the same way (issue 31): a filter without
 * modes ({@code exponential-opaque}, {@link PlainPathPlugin}) makes either hold the population's input over each step,
 * warned about in one line and reported as {@code stepping: held}; {@code stepping: held} asks for the same with
 * either. With the input held, both propagate the membrane in closed form over each step, so below threshold they
 * give the same membrane at every step's end (to round-off: exact computes it from each neuron's last event).
 */
class HeldFallbackTest {
    static final String NET = """
            name: held
            dt: 0.1 ms
            duration: 100 ms
            seed: 2
            integrator: %1$s
            populations:
              src: {model: poisson, size: 50, params: {rate: 40 Hz}}
              post:
                model: lif
                size: 3
                params: {tau_m: 20 ms, tau_ref: 2 ms, v_rest: 0 mV, v_th: 1000 mV, v_reset: 0 mV}%3$s
            projections:
              - {from: src, to: post, connect: {all: true}, weight: 0.4 mV, delay: 1 ms,
                 synapse: {kernel: %2$s, tau: 5 ms, normalize: peak}}
            record: {state: [{population: post, variables: [v]}]}
            """;

    static Simulation.Result run(String integrator, String kernel, String stepping) {
        return Nets.run(Nets.build(NET.formatted(integrator, kernel, stepping.isEmpty() ? "" : "\n    stepping: " + stepping)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"exponential-opaque, ''", "exponential, held"})
    void exactAndExactGridHoldTheInputAlikeAndSaySo(String kernel, String stepping) {
        Simulation.Result exact = run("exact", kernel, stepping), grid = run("exact-grid", kernel, stepping);
        for (Simulation.Result r : List.of(exact, grid)) {
            assertThat(r.summary().get("populations").get("post").get("stepping").asText()).isEqualTo("held");
            String warnings = r.summary().has("warnings") ? r.summary().get("warnings").toString() : "";
            // warned only where the config did not ask for it
            assertThat(warnings.contains("holds this population's synaptic input")).isEqualTo(stepping.isEmpty());
        }
        if (stepping.isEmpty()) {
            assertThat(grid.summary().get("warnings").toString()).contains("integrator exact-grid holds");
        }
        List<double[]> a = exact.recorder().traceRows(), b = grid.recorder().traceRows();
        assertThat(a).hasSameSizeAs(b);
        double largest = 0;
        for (int k = 0; k < a.size(); k++) {
            for (int j = 1; j < a.get(k).length; j++) {
                largest = Math.max(largest, Math.abs(a.get(k)[j]));
                assertThat(b.get(k)[j]).isCloseTo(a.get(k)[j], within(1e-15));
            }
        }
        assertThat(largest).as("the synapses move the membrane").isGreaterThan(1e-3);
    }
}
