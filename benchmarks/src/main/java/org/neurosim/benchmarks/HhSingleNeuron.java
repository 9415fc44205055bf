package org.neurosim.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.Parameters;
import org.neurosim.hh.HodgkinHuxley;
import org.neurosim.integrators.DormandPrince;
import org.neurosim.integrators.ExponentialEuler;
import org.neurosim.integrators.RungeKutta4;
import org.neurosim.integrators.SingleNeuron;

/**
 * The cost of one HH neuron for 500 ms at dt 0.01 and 0.025 ms (median of 7 timed runs after 20 warm-up runs, as
 * ../shared/peers/neuron_hh.py times NEURON), and the accuracy each reaches against dormand-prince at tolerance
 * 1e-12: first-spike time error and rate error at 10 uA/cm^2. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar org.neurosim.benchmarks.HhSingleNeuron}.
 */
public final class HhSingleNeuron {
    public static void main(String[] args) {
        NeuronDynamics hh = new HodgkinHuxley().create(PopulationContext.single(1e-5), Parameters.defaults(new HodgkinHuxley().parameters()));
        double current = 10e-2;   // 10 uA/cm^2 in A/m^2
        DormandPrince dp = new DormandPrince();
        SingleNeuron.Result ref = SingleNeuron.run(hh, dp,
                Parameters.resolve(dp.parameters(), Map.of("abs_tol", "1e-12", "rel_tol", "1e-12"), "p"),
                current, 0.5, 1e-4, false);
        System.out.printf(Locale.ROOT, "reference (dormand-prince 1e-12): first spike %.6f ms, %d spikes, rate after 100 ms %.2f Hz%n",
                ref.spikeTimes()[0] * 1e3, ref.spikeCount(), ref.rate(0.1, 0.5));
        System.out.println("| integrator | dt (ms) | wall per 500 ms (ms) | first-spike error (ms) | last-spike error (ms) | rate (Hz) |");
        System.out.println("|---|---|---|---|---|---|");
        for (Integrator in : List.<Integrator>of(new RungeKutta4(), new ExponentialEuler())) {
            for (double dt : new double[] {1e-5, 2.5e-5}) {
                for (int w = 0; w < 20; w++) SingleNeuron.run(hh, in, current, 0.5, dt);
                double[] times = new double[7];
                SingleNeuron.Result r = null;
                for (int k = 0; k < times.length; k++) {
                    long t0 = System.nanoTime();
                    r = SingleNeuron.run(hh, in, current, 0.5, dt);
                    times[k] = (System.nanoTime() - t0) / 1e6;
                }
                java.util.Arrays.sort(times);
                double firstErr = Math.abs(r.spikeTimes()[0] - ref.spikeTimes()[0]) * 1e3;
                int n = Math.min(r.spikeCount(), ref.spikeCount());
                double lastErr = Math.abs(r.spikeTimes()[n - 1] - ref.spikeTimes()[n - 1]) * 1e3;
                System.out.printf(Locale.ROOT, "| %s | %.3f | %.2f | %.5f | %.4f | %.2f |%n", in.name(), dt * 1e3,
                        times[3], firstErr, lastErr, r.rate(0.1, 0.5));
            }
        }
    }
}
