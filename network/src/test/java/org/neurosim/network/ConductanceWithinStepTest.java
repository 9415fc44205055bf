package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 29 item 19: a conductance synapse's decay inside the step. One spike (1 ms, delay 1 ms: it arrives at the
 * grid point 2 ms) opens a 60 nS conductance with tau 0.2 ms (reversal 0 mV) onto a conductance-based LIF (NEST's
 * iaf_cond_exp: C dV/dt = g_L (E_L - V) + g(t) (E - V), C = 250 pF, g_L = 25 nS, E_L = -70 mV). Reference: that
 * equation with g(t) = w exp(-(t - 2 ms) / tau) (exponential kernel) or w (s / tau) exp(1 - s / tau), s = t - 2 ms
 * (alpha kernel, peak-normalised), integrated by Commons Math's Dormand-Prince 8(5,3) at tolerances 1e-14 V, from
 * the arrival on. The PSP is 3.031 mV; with the conductance held over each step and the arrival at a grid point
 * taken at the next step's end (before the fix) every grid integrator gave 2.349 mV at dt 0.1 ms (22.5% smaller)
 * and 2.957 mV at dt 0.01 ms (2.4%).
 */
class ConductanceWithinStepTest {
    static final double C = 250e-12, G_L = 25e-9, E_L = -0.070, W = 60e-9, TAU = 0.2e-3, ARRIVAL = 2e-3;

    static String config(String integrator, String dt, String kernel) {
        return config(integrator, dt, kernel, "1 ms");
    }

    static String config(String integrator, String dt, String kernel, String spike) {
        return """
                dt: DT
                duration: 8 ms
                integrator: INTEGRATOR
                populations:
                  src: {model: spike-times, size: 1, times: [[SPIKE]]}
                  n:
                    model: lif-cond
                    size: 1
                    params: {c_m: 250 pF, tau_m: 10 ms, v_rest: -70 mV, v_th: -50 mV, v_reset: -70 mV}
                projections:
                  - from: src
                    to: n
                    connect: {all: true}
                    weight: 60 nS
                    delay: 1 ms
                    synapse: {kernel: KERNEL, tau: 0.2 ms, normalize: peak, reversal: 0 mV}
                record:
                  state: [{population: n, variables: [v], neurons: [0]}]
                """.replace("DT", dt).replace("INTEGRATOR", integrator).replace("KERNEL", kernel)
                .replace("SPIKE", spike);
    }

    static DoubleUnaryOperator conductance(String kernel) {
        return kernel.equals("exponential") ? s -> W * Math.exp(-s / TAU) : s -> W * (s / TAU) * Math.exp(1 - s / TAU);
    }

    /** V(t) of the reference at the given times (all at or after the arrival), s after the arrival. */
    static double[] reference(String kernel, double[] times) {
        return reference(kernel, times, ARRIVAL);
    }

    /** As above with the conductance starting at {@code arrival}. */
    static double[] reference(String kernel, double[] times, double arrival) {
        DoubleUnaryOperator g = conductance(kernel);
        FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            @Override public int getDimension() { return 1; }
            @Override public void computeDerivatives(double t, double[] y, double[] dy) {
                dy[0] = (G_L * (E_L - y[0]) + g.applyAsDouble(t) * (0 - y[0])) / C;
            }
        };
        DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-12, 1e-5, 1e-14, 1e-14);
        double[] v = new double[times.length];
        double[] y = {E_L};
        double t = 0;
        for (int k = 0; k < times.length; k++) {
            double to = times[k] - arrival;
            if (to > t) {
                dp.integrate(ode, t, y, to, y);
                t = to;
            }
            v[k] = y[0];
        }
        return v;
    }

    /**
     * The largest error of V over the grid points from the arrival to 6 ms after it, relative to the PSP's peak,
     * stays below the bound: the integrator's own error, of its order (measured: rk4 2e-5 / 2e-9 at dt 0.1 / 0.01 ms,
     * heun 2e-2 / 2e-4, euler 1.1e-2 / 1.1e-3, exponential-euler 4e-4 / 4e-6; the alpha kernel, the filter's modes:
     * rk4 6e-5 / 6e-9, exponential-euler 1.7e-4 / 1.7e-6). The peak, 3.031 mV (alpha: 7.78 mV), is that of the
     * reference.
     */
    @ParameterizedTest(name = "{0}, {1} kernel, dt {2}")
    @CsvSource({
            "rk4, exponential, 0.1 ms, 1e-4", "rk4, exponential, 0.01 ms, 1e-8",
            "heun, exponential, 0.1 ms, 3e-2", "heun, exponential, 0.01 ms, 3e-4",
            "euler, exponential, 0.1 ms, 2e-2", "euler, exponential, 0.01 ms, 2e-3",
            "exponential-euler, exponential, 0.1 ms, 1e-3", "exponential-euler, exponential, 0.01 ms, 1e-5",
            "rk4, alpha, 0.1 ms, 1e-4", "rk4, alpha, 0.01 ms, 1e-8",
            "exponential-euler, alpha, 0.1 ms, 1e-3", "exponential-euler, alpha, 0.01 ms, 1e-5"})
    void thePspOfOneConductanceSpikeFollowsTheAccurateSolution(String integrator, String kernel, String dt,
                                                               double bound) {
        largestRelativeError(config(integrator, dt, kernel), kernel, ARRIVAL, integrator + " " + kernel + " dt " + dt,
                bound);
    }

    /**
     * A spike arriving inside a step (at 2.01 ms, dt 0.1 ms) opens its conductance at the step's end, 2.1 ms, with its
     * whole weight, as NEST's iaf_cond_exp takes a spike at the next grid point: the reference is the same equation
     * with the conductance from 2.1 ms. Before the fix the conductance entered at 2.1 ms decayed by 0.09 ms and was
     * held over each step (largest error 19% of the PSP with rk4 and exponential-euler); decayed without being held, 36% of its integral
     * would have been lost.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"rk4, 1e-4", "exponential-euler, 1e-3"})
    void aSpikeInsideAStepOpensItsWholeConductanceAtTheStepsEnd(String integrator, double bound) {
        largestRelativeError(config(integrator, "0.1 ms", "exponential", "1.01 ms"), "exponential", 2.1e-3,
                integrator + " arriving at 2.01 ms", bound);
    }

    private static void largestRelativeError(String yaml, String kernel, double arrival, String what, double bound) {
        List<double[]> rows = Nets.run(Nets.build(yaml)).recorder().traceRows();
        List<double[]> after = rows.stream().filter(r -> r[0] >= arrival - 1e-12 && r[0] <= arrival + 6e-3).toList();
        double[] times = after.stream().mapToDouble(r -> r[0]).toArray();
        double[] ref = reference(kernel, times, arrival);
        double peak = 0, worst = 0;
        for (int k = 0; k < times.length; k++) {
            peak = Math.max(peak, ref[k] - E_L);
            worst = Math.max(worst, Math.abs(after.get(k)[1] - ref[k]));
        }
        System.out.printf("%s: PSP %.4f mV, largest error %.3g of it%n", what, peak * 1e3, worst / peak);
        assertThat(peak).as("the reference PSP").isBetween(1e-3, 1e-2);
        assertThat(worst / peak).as("largest error of V relative to the PSP").isLessThan(bound);
    }
}
