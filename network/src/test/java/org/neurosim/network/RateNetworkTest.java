package org.neurosim.network;

import org.neurosim.network.build.NetworkLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurosim.core.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The course's rate network y = s(W x + b) (../shared/science.md section 5), computed independently here. */
class RateNetworkTest {
    @Test
    void recordedOutputsEqualSOfWxPlusB() {
        Network net = NetworkLoader.load(Path.of("..", "examples", "rate-network.yaml"), Nets.PLUGINS, List.of());
        Simulation.Result r = Nets.run(net);
        double[] x = {1.0, -0.5, 2.0};
        double[][] w1 = {{0.5, -1.0, 0.25}, {1.5, 0.0, -0.75}};
        double[] b1 = {0.1, -0.2};
        double[] h = new double[2];
        for (int i = 0; i < 2; i++) {
            double z = b1[i];
            for (int j = 0; j < 3; j++) z += w1[i][j] * x[j];
            h[i] = Math.tanh(z);
        }
        double z = 0.5 + 2.0 * h[0] - 1.0 * h[1];
        double y = 1 / (1 + Math.exp(-z));
        assertThat(r.recorder().traceNames()).containsExactly("hidden.y[0]", "hidden.y[1]", "y.y[0]");
        for (double[] row : r.recorder().traceRows()) {
            assertThat(row[1]).isCloseTo(h[0], within(1e-12));
            assertThat(row[2]).isCloseTo(h[1], within(1e-12));
            assertThat(row[3]).isCloseTo(y, within(1e-12));
        }
        assertThat(r.recorder().traceRows()).hasSize(21);
    }

    @Test
    void appendingTheBiasAsAColumnGivesTheSameResult() {
        // science.md section 5: append a constant 1 to x and the column b to W
        String yaml = """
                dt: 1 ms
                duration: 3 ms
                populations:
                  x: {model: rate, size: 3, params: {activation: linear}, input: [1.0, -0.5, 1.0]}
                  y: {model: rate, size: 2, params: {activation: relu}}
                projections:
                  - {from: x, to: y, weight: [[0.5, -1.0, 0.1], [1.5, 0.0, -0.2]]}
                record:
                  state: [{population: y, neurons: [0, 1]}]
                """;
        double[] last = Nets.run(Nets.build(yaml)).recorder().traceRows().get(3);
        // y0 = relu(0.5 + 0.5 + 0.1) = 1.1; y1 = relu(1.5 - 0.2) = 1.3
        assertThat(last[1]).isCloseTo(1.1, within(1e-12));
        assertThat(last[2]).isCloseTo(1.3, within(1e-12));
    }

    /**
     * A rising source x (tau dy/dt = -y + 1 from y = 0) drives h through W = 2 with DELAY; h has time constant TAU
     * (0: h = W x at once). dt = 1 ms.
     */
    static String delayed(String delay, String tau) {
        return """
                dt: 1 ms
                duration: 30 ms
                populations:
                  x: {model: rate, size: 2, params: {activation: linear, tau: 5 ms}, input: [1.0, 0.5]}
                  h: {model: rate, size: 1, params: {activation: linear, tau: TAU}}
                projections:
                  - {from: x, to: h, weight: [[2.0, -1.0]], delay: DELAY}
                record:
                  state: [{population: h, neurons: [0]}, {population: x, neurons: [0, 1]}]
                """.replace("DELAY", delay).replace("TAU", tau);
    }

    /**
     * Issue 29 item 4. Reference: NEST's rate models with {@code rate_connection_delayed} (rate_neuron_ipn): the rate
     * at the start of step m enters the target's input in step m + d, and the delay buffers start at zero. x starts at
     * 0, so h's input with a delay of d steps is the undelayed input shifted by d steps, and h's trace the undelayed
     * trace shifted by d rows, exactly; before the fix the delay was ignored (the traces were equal).
     */
    @ParameterizedTest
    @ValueSource(strings = {"0 ms", "2 ms"})
    void aDelayOfWholeStepsShiftsTheTargetsTraceByThatManySteps(String tau) {
        List<double[]> now = Nets.run(Nets.build(delayed("0 ms", tau))).recorder().traceRows();
        List<double[]> late = Nets.run(Nets.build(delayed("3 ms", tau))).recorder().traceRows();
        assertThat(now).hasSize(31);
        assertThat(now.get(10)[1]).isGreaterThan(0.1);
        for (int n = 0; n < now.size(); n++) {
            assertThat(late.get(n)[2]).as("x at row %d", n).isEqualTo(now.get(n)[2]);
            assertThat(late.get(n)[1]).as("h at row %d", n).isEqualTo(n < 3 ? 0.0 : now.get(n - 3)[1]);
        }
    }

    /** Spec config.md, "Rate networks with delays": whole steps only; one delay per projection; >= 0. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-1 ms|projections[0].delay: expected a single delay >= 0 that is a whole number of steps (dt = 1.0 ms), got '-1 ms'",
            "1.5 ms|projections[0].delay: expected a single delay >= 0 that is a whole number of steps (dt = 1.0 ms), got '1.5 ms'",
            "\"normal(3 ms, 1 ms)\"|projections[0].delay: expected a single delay >= 0 that is a whole number of steps",
            "3 mV|projections[0].delay: expected a single delay >= 0 that is a whole number of steps",
            "2000 s|projections[0].delay: expected a delay of at most 1000 s and 10^6 steps, got '2000 s'"})
    void aDelayThatIsNotWholeStepsOrIsNegativeIsRefused(String delay, String message) {
        assertThatThrownBy(() -> Nets.build(delayed(delay, "2 ms"))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(message);
    }

    /** The delay line holds d + 1 rate vectors of the source: one too large for the heap is refused before it is made. */
    @Test
    void aDelayLineLargerThanTheHeapIsRefusedBeforeItIsBuilt() {
        String yaml = delayed("100 s", "2 ms").replace("dt: 1 ms", "dt: 0.1 ms")
                .replace("size: 2, params: {activation: linear, tau: 5 ms}, input: [1.0, 0.5]",
                        "size: 100000, params: {activation: linear, tau: 5 ms}")
                .replace("weight: [[2.0, -1.0]]", "connect: {probability: 0.0001}, weight: 1");
        assertThatThrownBy(() -> Nets.build(yaml)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("populations: the network needs about 745");
    }

    /**
     * Issue 32 item 4: the rate neuron takes tau per neuron. Reference: the closed form of tau_i dy/dt = -y + s(u) with
     * s linear, y(0) = 0 and u = 1 held, y_i(t) = 1 - exp(-t / tau_i), at every step (the exact propagator is exact
     * for constant input, so to round-off); a population mixing tau = 0 (y = s(input)) with tau > 0 is refused.
     */
    @Test
    void tauPerNeuronRelaxesEachNeuronWithItsOwnTimeConstant() {
        String yaml = """
                dt: 0.5 ms
                duration: 40 ms
                populations:
                  r: {model: rate, size: 3, params: {activation: linear, tau: [5 ms, 10 ms, 20 ms]}, input: 1.0}
                record:
                  state: [{population: r, neurons: [0, 1, 2]}]
                """;
        List<double[]> rows = Nets.run(Nets.build(yaml)).recorder().traceRows();
        assertThat(rows).hasSize(81);
        double[] tau = {0.005, 0.010, 0.020};
        for (int n = 0; n < rows.size(); n++) {
            double t = n * 0.0005;
            for (int k = 0; k < 3; k++) {
                assertThat(rows.get(n)[1 + k]).as("neuron %d at %s s", k, t)
                        .isCloseTo(1 - Math.exp(-t / tau[k]), org.assertj.core.api.Assertions.within(1e-12));
            }
        }
        assertThatThrownBy(() -> Nets.build(yaml.replace("[5 ms, 10 ms, 20 ms]", "[0 ms, 10 ms, 20 ms]")))
                .hasMessageContaining("params.tau: 0 (y = s(input)) for some neurons and not for others");
    }
}
