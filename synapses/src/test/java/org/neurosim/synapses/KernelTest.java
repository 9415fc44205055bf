package org.neurosim.synapses;

import org.neurosim.core.plugin.PluginContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.junit.jupiter.api.Test;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.synapse.Kernel;
import org.neurosim.core.synapse.Normalization;
import org.neurosim.core.synapse.SynapticKernel;

/** PSC kernels h(t) = kappa t^n exp(-t/tau_s), kappa = 1/(n! tau_s^(n+1)) (../shared/science.md section 4). */
class KernelTest {
    static Kernel kernel(SynapticKernel k, Map<String, String> params) {
        return k.create(new PluginContext("test", Double.NaN), Parameters.resolve(k.parameters(), params, "synapse"));
    }

    static double area(Kernel k, double scale, double until) {
        // integrate piecewise so Simpson's rule resolves the kernel's shape
        SimpsonIntegrator simpson = new SimpsonIntegrator(1e-12, 1e-12, 3, 30);
        double sum = 0, step = until / 200;
        for (int j = 0; j < 200; j++) {
            sum += simpson.integrate(10_000_000, t -> scale * k.value(t), j * step, (j + 1) * step);
        }
        return sum;
    }

    @Test
    void areaNormalisationIntegratesToOne() {
        for (SynapticKernel sk : new SynapticKernel[] {Kernels.EXPONENTIAL, Kernels.ALPHA, Kernels.GAMMA,
                Kernels.DOUBLE_EXPONENTIAL}) {
            Kernel k = kernel(sk, Map.of("tau", "10 ms"));
            assertThat(area(k, Normalization.AREA.scale(k), 0.6)).as(sk.name()).isCloseTo(1.0, within(1e-8));
        }
    }

    @Test
    void peakNormalisationPeaksAtOne() {
        for (SynapticKernel sk : new SynapticKernel[] {Kernels.EXPONENTIAL, Kernels.ALPHA, Kernels.GAMMA,
                Kernels.DOUBLE_EXPONENTIAL}) {
            Kernel k = kernel(sk, Map.of("tau", "10 ms"));
            double scale = Normalization.PEAK.scale(k);
            double max = 0;
            for (double t = 0; t < 0.2; t += 1e-6) max = Math.max(max, scale * k.value(t));
            // the sampled maximum never exceeds 1 and comes within the grid's resolution of it
            assertThat(max).as(sk.name()).isLessThanOrEqualTo(1.0 + 1e-12).isGreaterThan(1.0 - 1e-7);
            assertThat(scale * k.value(k.peakTime())).as(sk.name()).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void gammaPeaksAtNTau() {
        for (int n = 1; n <= 5; n++) {
            Kernel k = kernel(Kernels.GAMMA, Map.of("tau", "7 ms", "n", Integer.toString(n)));
            // the derivative of t^n e^(-t/tau) vanishes at n tau: find it numerically and compare
            double h = 1e-9;
            double peak = new BrentSolver(1e-15).solve(200, t -> (k.value(t + h) - k.value(t - h)) / (2 * h),
                    1e-4, 0.2);
            assertThat(peak).isCloseTo(n * 0.007, within(1e-7));
            assertThat(k.peakTime()).isEqualTo(n * 0.007, within(1e-15));
        }
    }

    @Test
    void closedFormsOfTheCourse() {
        double tau = 0.010;
        Kernel exp = kernel(Kernels.EXPONENTIAL, Map.of("tau", "10 ms"));
        assertThat(exp.value(0.003)).isCloseTo(Math.exp(-0.3) / tau, within(1e-12));
        assertThat(exp.value(-1e-9)).isZero();
        Kernel alpha = kernel(Kernels.ALPHA, Map.of("tau", "10 ms"));
        assertThat(alpha.value(0.003)).isCloseTo(0.003 * Math.exp(-0.3) / (tau * tau), within(1e-10));
        Kernel g3 = kernel(Kernels.GAMMA, Map.of("tau", "10 ms", "n", "3"));
        assertThat(g3.value(0.02)).isCloseTo(Math.pow(0.02, 3) * Math.exp(-2) / (6 * Math.pow(tau, 4)), within(1e-9));
    }

    @Test
    void doubleExponentialNeedsAShorterRise() {
        assertThatThrownBy(() -> kernel(Kernels.DOUBLE_EXPONENTIAL, Map.of("tau", "5 ms", "tau_rise", "5 ms")))
                .hasMessageContaining("tau_rise");
    }

    @Test
    void onlineFilterEqualsTheAnalyticConvolution() {
        Random random = new Random(42);
        double dt = 1e-4;
        int steps = 3000;
        for (SynapticKernel sk : new SynapticKernel[] {Kernels.EXPONENTIAL, Kernels.ALPHA, Kernels.GAMMA,
                Kernels.DOUBLE_EXPONENTIAL}) {
            Kernel k = kernel(sk, Map.of("tau", "8 ms"));
            for (boolean onGrid : new boolean[] {true, false}) {
                int count = 60;
                double[] times = new double[count], weights = new double[count];
                for (int j = 0; j < count; j++) {
                    times[j] = onGrid ? random.nextInt(steps) * dt : random.nextDouble() * steps * dt;
                    weights[j] = random.nextGaussian();
                }
                java.util.Arrays.sort(times);
                double[] grid = new double[steps + 1];
                for (int j = 0; j <= steps; j++) grid[j] = j * dt;
                double scale = Normalization.PEAK.scale(k);
                double[] analytic = SpikeTrains.convolve(times, weights, k, scale, grid);
                double[] filtered = SpikeTrains.filter(times, weights, k, scale, dt, steps);
                double norm = java.util.Arrays.stream(analytic).map(Math::abs).max().orElse(1);
                for (int j = 0; j <= steps; j++) {
                    assertThat(filtered[j]).as("%s on-grid=%s at step %d", sk.name(), onGrid, j)
                            .isCloseTo(analytic[j], within(1e-9 * norm));
                }
            }
        }
    }

    @Test
    void exponentialFilterIsTheEulerExamplesExactSolution() {
        // science.md section 6: ds/dt = -s/tau, s(0) = 1/tau has s(t) = exp(-t/tau)/tau; one spike at t = 0
        double tau = 0.010, dt = 1e-4;
        double[] s = SpikeTrains.filter(new double[] {0}, new double[] {1},
                kernel(Kernels.EXPONENTIAL, Map.of("tau", "10 ms")), 1.0, dt, 500);
        for (int j = 0; j <= 500; j++) {
            assertThat(s[j]).isCloseTo(Math.exp(-j * dt / tau) / tau, within(1e-12 / tau));
        }
    }
}
