package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginContext;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.core.synapse.Kernel;
import org.neurosim.core.synapse.SynapticKernel;

/**
 * Linear neurons with linear synapses integrate exactly: a LIF driven through a peak-normalised synapse by spikes
 * on and off the grid, with a delay, follows the superposition of single-spike responses
 * V(t) = sum_k w (h * g)(t - t_k - d), g(s) = exp(-s/tau_m)/tau_m, at every recorded step. The reference is that
 * convolution integral evaluated by Gauss-Legendre quadrature (Commons Math) to 1e-15 relative, independent of the
 * simulator's closed forms; for the exponential kernel it is w tau_s (e^(-s/tau_s) - e^(-s/tau_m)) / (tau_s - tau_m).
 * Delay 0 is exact too while the neuron stays below threshold (the response to an arrival inside its own step is
 * added at the step's end).
 */
class ExactSynapsesTest {
    static final double TAU_M = 0.020, W = 0.8;
    static final double[] SPIKES = {0.010, 0.0125, 0.02007, 0.0303, 0.0317};   // 20.07 ms is off every grid here

    static double reference(Kernel kernel, double scale, double delay, double t) {
        IterativeLegendreGaussIntegrator gauss = new IterativeLegendreGaussIntegrator(8, 1e-15, 1e-18);
        double v = 0;
        for (double tk : SPIKES) {
            double s = t - tk - delay;
            if (s <= 0) continue;
            v += W * scale * gauss.integrate(100_000, u -> kernel.value(u) * Math.exp(-(s - u) / TAU_M) / TAU_M, 0, s);
        }
        return v;
    }

    /** The kernel plugin's function with these parameters, made as the loader makes it. */
    static Kernel kernel(String name, Map<String, String> params) {
        SynapticKernel sk = Nets.PLUGINS.get(PluginKind.KERNEL, name, null);
        return sk.create(new PluginContext("k", Double.NaN), Parameters.resolve(sk.parameters(), params, "k"));
    }

    @ParameterizedTest(name = "{0} {1}, dt {2} ms, delay {3} ms")
    @CsvSource({
            "exponential, '',       0.1,  1",
            "exponential, '',       0.1,  0.1",
            "exponential, '',       0.1,  0",
            "exponential, '',       0.01, 1.05",
            "exponential, '',       1,    1.05",
            "alpha,       '',       0.1,  1.05",
            "alpha,       '',       1,    1",
            "gamma,       'n: 2,',  0.1,  1",
            "gamma,       'n: 2,',  0.01, 1.05",
            "double-exponential, 'tau_rise: 1 ms,', 0.1, 1.05",
            "double-exponential, 'tau_rise: 1 ms,', 1,   1",
    })
    void lifThroughALinearSynapseEqualsTheConvolutionAtEveryStep(String kernelName, String extra, double dtMs,
                                                                 double delayMs) {
        String yaml = """
                dt: %s ms
                duration: 60 ms
                populations:
                  src: {model: spike-times, size: 1, times: [[10 ms, 12.5 ms, 20.07 ms, 30.3 ms, 31.7 ms]]}
                  post: {model: lif, size: 1, params: {tau_m: 20 ms, v_th: 100}}   # never fires: the PSPs alone
                projections:
                  - {from: src, to: post, connect: {all: true}, weight: 0.8, delay: %s ms,
                     synapse: {kernel: %s, %s tau: 5 ms, normalize: peak}}
                record: {state: [{population: post, variables: [v]}]}
                """.formatted(dtMs, delayMs, kernelName, extra);
        Network net = Nets.build(yaml);
        List<double[]> rows = Nets.run(net).recorder().traceRows();
        Map<String, String> p = new java.util.LinkedHashMap<>(Map.of("tau", "5 ms"));
        if (kernelName.equals("gamma")) p.put("n", "2");
        if (kernelName.equals("double-exponential")) p.put("tau_rise", "1 ms");
        Kernel kernel = kernel(kernelName, p);
        double scale = 1 / kernel.peakValue(), delay = delayMs * 1e-3;
        double peak = 0, worst = 0;
        for (double[] row : rows) {
            double ref = reference(kernel, scale, delay, row[0]);
            peak = Math.max(peak, Math.abs(ref));
            worst = Math.max(worst, Math.abs(row[1] - ref));
        }
        assertThat(peak).isGreaterThan(0.05);
        assertThat(worst / peak).as("largest error relative to the peak %s", peak).isLessThan(1e-9);
        if (kernelName.equals("exponential") && dtMs == 0.1 && delayMs == 1) {
            // the case: at 11.1 ms the first PSP has risen for 0.1 ms: 0.8 * 5 (e^-0.02 - e^-0.005) / 15
            double expected = W * 5.0 * (Math.exp(-0.1 / 5) - Math.exp(-0.1 / 20)) / (5 - 20);
            assertThat(expected).isCloseTo(0.00395, within(5e-6));
            assertThat(rows.get(111)[1]).isCloseTo(expected, within(1e-15));
        }
    }
    /**
     * A neuron that crosses in the step of an arrival is redone from its filter's state at the step's start, though
     * the filter has already taken that step's arrivals (the model adds them in its membrane pass and the redone
     * neuron takes its own back out). With the threshold set to the convolution's value at 21.09 ms, 0.02 ms after
     * the arrival at 21.07 ms and inside the same 0.1 ms step, the neuron fires at 21.09 ms (the reference's root is
     * that time by construction); its synaptic current is the kernels' sum at every step, as if no spike had happened
     * (the reset acts on V alone), and its second spike, driven from V = 0 after 2 ms refractory by the later PSCs, is
     * at the root of that convolution (in closed form, root by Commons Math's Brent).
     */
    @Test
    void aNeuronFiringInTheStepOfAnArrivalIsRedoneFromTheStepsStart() {
        double crossing = 0.02109, delay = 0.001;
        Kernel kernel = kernel("exponential", Map.of("tau", "5 ms"));
        double scale = 1 / kernel.peakValue(), vTh = reference(kernel, scale, delay, crossing);
        for (double t = 0; t < crossing - 1e-7; t += 1e-6) {   // the first crossing: V stays below until then
            assertThat(reference(kernel, scale, delay, t)).isLessThan(vTh);
        }
        Network net = Nets.build("""
                dt: 0.1 ms
                duration: 40 ms
                populations:
                  src: {model: spike-times, size: 1, times: [[10 ms, 12.5 ms, 20.07 ms, 30.3 ms, 31.7 ms]]}
                  post: {model: lif, size: 1, params: {tau_m: 20 ms, v_th: %s, v_reset: 0, tau_ref: 2 ms}}
                projections:
                  - {from: src, to: post, connect: {all: true}, weight: 0.8, delay: 1 ms,
                     synapse: {kernel: exponential, tau: 5 ms, normalize: peak}}
                record: {spikes: [post], state: [{population: post, variables: [v, i_syn]}]}
                """.formatted(Double.toString(vTh)));
        Simulation.Result r = Nets.run(net);
        List<String> spikes = Nets.spikes(r, net).stream().filter(l -> l.startsWith("post ")).toList();
        assertThat(spikes).hasSize(2);
        assertThat(Double.parseDouble(spikes.get(0).split(" ")[2])).isCloseTo(crossing, within(1e-12));
        // the second spike: from V = 0 at the end of the refractory time,
        // V(t) = int_te^t I(u) e^(-(t-u)/tau_m)/tau_m du,
        // with I(u) = sum_k A e^(-(u - a_k)/tau_s) after each arrival a_k: in closed form, each term
        // A/tau_m e^(a_k/tau_s - t/tau_m) (e^(alpha t) - e^(alpha from)) / alpha, alpha = 1/tau_m - 1/tau_s
        double te = crossing + 0.002, tauS = 0.005, alpha = 1 / TAU_M - 1 / tauS;
        double amplitude = W * scale * kernel.value(0);
        assertThat(W * scale * kernel.value(0.003)).isCloseTo(amplitude * Math.exp(-0.003 / tauS), within(1e-15));
        java.util.function.DoubleUnaryOperator after = t -> {
            double v = 0;
            for (double tk : SPIKES) {
                double a = tk + delay, from = Math.max(te, a);
                if (t <= from) continue;
                v += amplitude / TAU_M * Math.exp(a / tauS - t / TAU_M)
                        * (Math.exp(alpha * t) - Math.exp(alpha * from)) / alpha;
            }
            return v;
        };
        double hi = te;
        while (after.applyAsDouble(hi) < vTh) hi += 1e-5;
        double second = new org.apache.commons.math3.analysis.solvers.BrentSolver(1e-16)
                .solve(1000, t -> after.applyAsDouble(t) - vTh, hi - 1e-5, hi);
        assertThat(second).isCloseTo(0.03436, within(1e-5));
        assertThat(Double.parseDouble(spikes.get(1).split(" ")[2])).isCloseTo(second, within(1e-11));
        for (double[] row : r.recorder().traceRows()) {   // the current goes on through both spikes
            double current = 0;
            for (double tk : SPIKES) {
                // a sample at t holds the arrivals before t (one at t itself enters in the step from t)
                if (row[0] > tk + delay + 1e-9) current += W * scale * kernel.value(row[0] - tk - delay);
            }
            assertThat(row[2]).as("i_syn at %s s", row[0]).isCloseTo(current, within(1e-12));
        }
    }

    /**
     * Simultaneous jumps are summed before the threshold is checked: at 19.8 mV an excitatory +0.5 mV and an
     * inhibitory -2.5 mV arriving at the same instant leave V at 17.8 mV (taking the excitatory one first would fire).
     * In a network with exact delays such ties are the rule, since a neuron fired by a jump spikes at the jump's
     * time: Brunel's AI network ran at 330 Hz instead of 37 Hz (the held-drive rate) before this was so.
     */
    @org.junit.jupiter.api.Test
    void simultaneousJumpsAreSummedBeforeTheThresholdIsChecked() {
        Network net = Nets.build("""
                dt: 0.1 ms
                duration: 3 ms
                integrator: exact
                populations:
                  e: {model: spike-times, size: 1, times: [[1.05 ms]]}
                  i: {model: spike-times, size: 1, times: [[1.05 ms]]}
                  post: {model: lif, size: 1, params: {tau_m: 20 ms, tau_ref: 2 ms, v_rest: 0 mV, v_th: 20 mV,
                         v_reset: 10 mV}, init: {v: 19.8 mV}, input: 19.8 mV}
                projections:
                  - {from: e, to: post, connect: {all: true}, weight: 0.5 mV, delay: 1.5 ms}
                  - {from: i, to: post, connect: {all: true}, weight: -2.5 mV, delay: 1.5 ms}
                record: {spikes: [post], state: [{population: post, variables: [v]}]}
                """);
        Simulation.Result r = Nets.run(net);
        assertThat(r.recorder().rasterCount()).isZero();
        // V = 19.8 mV until 2.55 ms, then 17.8 mV relaxing towards 19.8 mV for the rest of the step (0.05 ms)
        double expected = 0.0198 - 0.002 * Math.exp(-0.05 / 20);
        assertThat(r.recorder().traceRows().get(26)[1]).isCloseTo(expected, within(1e-15));
    }
}
