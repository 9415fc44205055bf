package org.neurosim.synapses;

import org.neurosim.core.synapse.Kernel;
import org.neurosim.core.synapse.SynapticFilter;

/**
 * The spike train s(t) = sum_k delta(t - t_k) convolved with a PSC kernel, as the course computes it:
 * (s * h)(t) = sum_k w_k h(t - t_k), either summed directly or through the kernel's exact online filter on a grid.
 */
public final class SpikeTrains {
    private SpikeTrains() { }

    /** sum_k w_k h(t - t_k) at each of {@code times}, summed directly from the closed form. */
    public static double[] convolve(double[] spikeTimes, double[] weights, Kernel kernel, double scale, double[] times) {
        double[] out = new double[times.length];
        for (int j = 0; j < times.length; j++) {
            double sum = 0;
            for (int k = 0; k < spikeTimes.length; k++) {
                sum += weights[k] * kernel.value(times[j] - spikeTimes[k]);
            }
            out[j] = scale * sum;
        }
        return out;
    }

    /**
     * The same sum at grid points t = j dt (j = 0..steps) computed by the online filter, each spike entering at its
     * exact time. Spike times must be sorted.
     */
    public static double[] filter(double[] spikeTimes, double[] weights, Kernel kernel, double scale, double dt,
                                  int steps) {
        SynapticFilter f = kernel.newFilter(1, dt, scale);
        double[] out = new double[steps + 1];
        int k = 0;
        while (k < spikeTimes.length && spikeTimes[k] <= 0) {
            f.addSpike(0, weights[k], -spikeTimes[k]);
            k++;
        }
        out[0] = f.output()[0];
        for (int j = 1; j <= steps; j++) {
            double end = j * dt;
            f.advance(0, 1);
            while (k < spikeTimes.length && spikeTimes[k] <= end) {
                f.addSpike(0, weights[k], end - spikeTimes[k]);
                k++;
            }
            out[j] = f.output()[0];
        }
        return out;
    }
}
