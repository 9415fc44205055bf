package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The current-based LIF of NEST (iaf_psc_exp, iaf_psc_alpha: C_m dV/dt = -(C_m/tau_m)(V - E_L) + I_syn + I_e) as
 * lif with c_m, with the parameters of the Potjans-Diesmann microcircuit (C_m 250 pF, tau_m 10 ms, tau_syn 0.5 ms,
 * E_L -65 mV, V_th -50 mV, t_ref 2 ms). References are the closed forms of the model, solved by hand:
 * <pre>
 *   exponential PSC I = J e^(-t/tau_s):      V - E_L = (J / C) tau_s tau_m / (tau_s - tau_m) (e^(-t/tau_s) - e^(-t/tau_m))
 *   alpha PSC I = J (e t / tau_s) e^(-t/tau_s): V - E_L = (J e / (C tau_s beta^2)) (e^(-t/tau_m) - e^(-t/tau_s) (1 + beta t)),
 *                                              beta = 1/tau_s - 1/tau_m
 *   DC I_e from E_L:                          V - E_L = (I_e tau_m / C) (1 - e^(-t/tau_m))
 * </pre>
 * and spike times are the roots of their sum, found by Brent's method (Commons Math) to 1e-15 s.
 */
class NestLifTest {
    static final double C = 250e-12, TAU_M = 0.010, TAU_S = 0.0005, E_L = -0.065, J = 87.8e-12;

    static String neuron(String kernel, String input, String spikeTimes, String dt) {
        return """
                dt: %s
                duration: 100 ms
                populations:
                  src: {model: spike-times, size: 1, times: [[%s]]}
                  n:
                    model: lif
                    size: 1
                    params: {c_m: 250 pF, tau_m: 10 ms, tau_ref: 2 ms, v_rest: -65 mV, v_th: -50 mV, v_reset: -65 mV}
                    init: {v: -65 mV}
                    input: %s
                projections:
                  - {from: src, to: n, connect: {all: true}, weight: 87.8 pA, delay: 1.5 ms,
                     synapse: {kernel: %s, tau: 0.5 ms, normalize: peak}}
                record: {spikes: [n], state: [{population: n, variables: [v]}]}
                """.formatted(dt, spikeTimes, input, kernel);
    }

    static double psp(String kernel, double s) {
        if (s <= 0) return 0;
        if (kernel.equals("exponential")) {
            return J / C * TAU_S * TAU_M / (TAU_S - TAU_M) * (Math.exp(-s / TAU_S) - Math.exp(-s / TAU_M));
        }
        double beta = 1 / TAU_S - 1 / TAU_M;
        return J * Math.E / (C * TAU_S * beta * beta) * (Math.exp(-s / TAU_M) - Math.exp(-s / TAU_S) * (1 + beta * s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exponential", "alpha"})
    void singleSpikeGivesNestsPostsynapticPotential(String kernel) {
        Network net = Nets.build(neuron(kernel, "0 pA", "5 ms", "0.1 ms"));
        List<double[]> rows = Nets.run(net).recorder().traceRows();
        double peak = 0, worst = 0;
        for (double[] row : rows) {
            double ref = psp(kernel, row[0] - 0.0065);   // the spike at 5 ms arrives after 1.5 ms
            peak = Math.max(peak, ref);
            worst = Math.max(worst, Math.abs(row[1] - E_L - ref));
        }
        // the PSP of the microcircuit's 87.8 pA weight: about 0.15 mV for exponential PSCs (the model's 0.15 mV)
        if (kernel.equals("exponential")) assertThat(peak).isCloseTo(0.15e-3, within(0.01e-3));
        assertThat(worst).isLessThan(1e-9 * peak);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exponential", "alpha"})
    void spikeTimeUnderDcPlusSpikesIsTheRootOfTheClosedForm(String kernel) {
        // 370 pA alone takes V toward E_L + 14.8 mV (14.76 mV by 60 ms), below the threshold at E_L + 15 mV: the three
        // input spikes make it fire, once
        double ie = 370e-12;
        double[] inputs = {0.06, 0.06131, 0.06274};
        UnivariateFunction v = t -> {
            double u = ie * TAU_M / C * (1 - Math.exp(-t / TAU_M)) - 0.015;
            for (double tk : inputs) u += psp(kernel, t - tk - 0.0015);
            return u;
        };
        double first = 0;
        for (double t = 0.0615; t < 0.1; t += 1e-6) {   // bracket the first crossing on a fine grid, then Brent
            if (v.value(t) >= 0) {
                first = new BrentSolver(1e-16, 1e-15).solve(1000, v, t - 1e-6, t);
                break;
            }
        }
        assertThat(first).isBetween(0.0615, 0.07);
        for (String dt : new String[] {"0.1 ms", "0.01 ms"}) {
            Network net = Nets.build(neuron(kernel, "370 pA", "60 ms, 61.31 ms, 62.74 ms", dt));
            List<String> spikes = Nets.spikes(Nets.run(net), net);
            assertThat(spikes).as("dt %s", dt).isNotEmpty();
            assertThat(Double.parseDouble(spikes.get(0).split(" ")[2])).as("dt %s", dt).isCloseTo(first, within(1e-9));
        }
    }
}
