package org.neurosim.integrators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosim.core.model.ConditionallyLinear;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.StateVariable;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.units.Dimension;

/**
 * Exponential Euler on ds/dt = a s + b with a per neuron, including a = 0 and |a dt| below 1e-5 (where
 * (e^(a dt) - 1)/a cancels and the step uses the series) scattered among ordinary neurons. Reference: the exact
 * solution s(t) = -b/a + (s0 + b/a) e^(a t), and s0 + b t for a = 0 (exponential Euler is exact for constant a, b).
 */
class ExponentialEulerTest {
    /** ds/dt = a_i s + b_i with fixed a_i, b_i per neuron. */
    record Linear(double[] a, double[] b) implements ConditionallyLinear {
        @Override public List<StateVariable> stateVariables() { return List.of(new StateVariable("s", Dimension.DIMENSIONLESS)); }
        @Override public Dimension inputDimension() { return Dimension.DIMENSIONLESS; }
        @Override public void restingState(double[] values) { values[0] = 1; }
        @Override public String preferredIntegrator() { return "exponential-euler"; }

        @Override
        public void derivatives(double[][] s, Drive drive, double[][] ds, int from, int to) {
            for (int i = from; i < to; i++) ds[0][i] = a[i] * s[0][i] + b[i];
        }

        @Override
        public void linearForm(double[][] s, Drive drive, double[][] aOut, double[][] bOut, int from, int to) {
            for (int i = from; i < to; i++) {
                aOut[0][i] = a[i];
                bOut[0][i] = b[i];
            }
        }
    }

    @Test
    void exactForConstantCoefficientsIncludingZeroAndTinyRates() {
        double dt = 1e-4;
        int n = 64;
        double[] a = new double[n], b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = switch (i % 4) {
                case 0 -> 0;            // no decay: s grows linearly
                case 1 -> -5e-2;        // |a dt| = 5e-6: series
                case 2 -> 3e-2;         // |a dt| = 3e-6, growing: series
                default -> -50 - i;     // ordinary decay
            };
            b[i] = 0.5 + 0.01 * i;
        }
        PopulationSolver solver = new PopulationSolver(new Linear(a, b), new ExponentialEuler(), Parameters.defaults(List.of()), n, dt);
        Drive drive = new Drive(n);
        int steps = 1000;
        for (int k = 0; k < steps; k++) solver.step(drive, (i, o) -> { }, 0, n);
        double t = steps * dt;
        for (int i = 0; i < n; i++) {
            double expected = a[i] == 0 ? 1 + b[i] * t : -b[i] / a[i] + (1 + b[i] / a[i]) * Math.exp(a[i] * t);
            assertThat(solver.state()[0][i]).as("neuron %d, a = %s", i, a[i]).isCloseTo(expected, within(1e-12 * Math.abs(expected) + 1e-13));
        }
    }
}
