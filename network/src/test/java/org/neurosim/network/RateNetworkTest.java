package org.neurosim.network;

import org.neurosim.network.build.NetworkLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
