package org.neurosim.network.output;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.neurosim.network.engine.Population;

/**
 * The analysis every run with spikes writes to summary.json, per spiking population, over the spikes from
 * {@code start} on (a transient is discarded):
 * <ul>
 *   <li>{@code rate_hz}: spikes / (neurons x time);</li>
 *   <li>{@code cv_isi}: the coefficient of variation of the inter-spike intervals, per neuron with at least two
 *       intervals, averaged over those neurons (as the NEST microcircuit example's analysis: 1 for a Poisson
 *       process, 0 for a clock);</li>
 *   <li>{@code synchrony}: the variance of the population's spike count in 3 ms bins over its mean (Potjans &amp;
 *       Diesmann 2014; 1 for independent Poisson neurons, larger when they fire together);</li>
 *   <li>{@code peak_frequency_hz}: the frequency of the largest peak (above 5 Hz) of the power spectrum of the
 *       population's spike count in 0.5 ms bins (the oscillation of Brunel's synchronous states).</li>
 * </ul>
 * Memory: four numbers per neuron and a count per 0.5 ms bin and population; no object per spike.
 */
public final class SpikeStatistics implements org.neurosim.core.checkpoint.Checkpointable {
    public static final double SYNCHRONY_BIN = 3e-3, SPECTRUM_BIN = 0.5e-3;
    private final List<Population> populations;
    private final double start;
    private final double[][] lastSpike, sumIsi, sumIsi2;
    private final int[][] intervals;
    private final long[] spikes;
    private final int[][] fine;     // spike counts per 0.5 ms bin
    private final int finePerSync;

    /** Spikes from {@code start} on (absolute times) of a run that ends at {@code end}. */
    public SpikeStatistics(List<Population> populations, double start, double end) {
        this.populations = populations;
        this.start = start;
        int n = populations.size();
        lastSpike = new double[n][];
        sumIsi = new double[n][];
        sumIsi2 = new double[n][];
        intervals = new int[n][];
        spikes = new long[n];
        fine = new int[n][];
        int bins = (int) Math.max(1, Math.ceil((end - start) / SPECTRUM_BIN));
        for (Population p : populations) {
            if (!p.spiking()) continue;
            int k = p.index;
            lastSpike[k] = new double[p.size];
            Arrays.fill(lastSpike[k], Double.NaN);
            sumIsi[k] = new double[p.size];
            sumIsi2[k] = new double[p.size];
            intervals[k] = new int[p.size];
            fine[k] = new int[bins];
        }
        finePerSync = (int) Math.round(SYNCHRONY_BIN / SPECTRUM_BIN);
    }

    /** A spike of neuron i of population p at time t. */
    void spike(int p, int i, double t) {
        if (t < start || lastSpike[p] == null) return;
        double last = lastSpike[p][i];
        if (last == last) {
            double isi = t - last;
            sumIsi[p][i] += isi;
            sumIsi2[p][i] += isi * isi;
            intervals[p][i]++;
        }
        lastSpike[p][i] = t;
        spikes[p]++;
        int b = (int) ((t - start) / SPECTRUM_BIN);
        if (b < fine[p].length) fine[p][b]++;
    }

    /** The results of population p over [start, end], or null for a population that does not spike. */
    public Result result(int p, double end) {
        if (lastSpike[p] == null) return null;
        Population pop = populations.get(p);
        double span = end - start;
        double rate = span > 0 ? spikes[p] / (pop.size * span) : 0;
        double cvSum = 0;
        int cvCount = 0;
        for (int i = 0; i < pop.size; i++) {
            int n = intervals[p][i];
            if (n < 2) continue;
            double mean = sumIsi[p][i] / n, var = Math.max(0, sumIsi2[p][i] / n - mean * mean);
            cvSum += Math.sqrt(var) / mean;
            cvCount++;
        }
        int usedFine = (int) Math.min(fine[p].length, Math.floor(span / SPECTRUM_BIN));
        int coarse = usedFine / finePerSync;
        double s = 0, s2 = 0;
        for (int b = 0; b < coarse; b++) {
            double c = 0;
            for (int f = b * finePerSync; f < (b + 1) * finePerSync; f++) c += fine[p][f];
            s += c;
            s2 += c * c;
        }
        double mean = coarse > 0 ? s / coarse : 0;
        double synchrony = mean > 0 ? (s2 / coarse - mean * mean) / mean : Double.NaN;
        return new Result(rate, cvCount > 0 ? cvSum / cvCount : Double.NaN, cvCount, synchrony,
                peakFrequency(fine[p], usedFine));
    }

    /** The largest peak above 5 Hz of the periodogram of the counts (mean removed, zero-padded to a power of two). */
    static double peakFrequency(int[] counts, int n) {
        if (n < 64) return Double.NaN;
        int size = Integer.highestOneBit(n - 1) << 1;
        double mean = 0;
        for (int b = 0; b < n; b++) mean += counts[b];
        mean /= n;
        double[] x = new double[size];
        for (int b = 0; b < n; b++) x[b] = counts[b] - mean;
        var spectrum = new FastFourierTransformer(DftNormalization.STANDARD).transform(x, TransformType.FORWARD);
        double df = 1 / (size * SPECTRUM_BIN), best = -1, at = Double.NaN;
        for (int k = 1; k < size / 2; k++) {
            double f = k * df;
            if (f <= 5) continue;
            double power = spectrum[k].abs();
            if (power > best) {
                best = power;
                at = f;
            }
        }
        return at;
    }

    /** One population's statistics; NaN where undefined (no neuron with two intervals, no spikes). */
    public record Result(double rateHz, double cvIsi, int neuronsWithCv, double synchrony, double peakFrequencyHz) { }

    public double start() {
        return start;
    }

    /** Per population: last spike times, ISI sums, interval and spike counts, the fine spike histogram. */
    @Override
    public void save(org.neurosim.core.checkpoint.StateWriter out) {
        out.section("statistics").longs(spikes);
        for (int p = 0; p < lastSpike.length; p++) {
            if (lastSpike[p] == null) continue;
            out.doubles(lastSpike[p]).doubles(sumIsi[p]).doubles(sumIsi2[p]).ints(intervals[p]).ints(fine[p]);
        }
    }

    @Override
    public void restore(org.neurosim.core.checkpoint.StateReader in) {
        in.section("statistics");
        in.longs(spikes, "spike counts");
        for (int p = 0; p < lastSpike.length; p++) {
            if (lastSpike[p] == null) continue;
            in.doubles(lastSpike[p], "last spike times");
            in.doubles(sumIsi[p], "ISI sums");
            in.doubles(sumIsi2[p], "ISI sums");
            in.ints(intervals[p], "ISI counts");
            int[] saved = in.ints("spike histogram");   // its length follows the duration, which a resume may extend
            System.arraycopy(saved, 0, fine[p], 0, Math.min(saved.length, fine[p].length));
        }
    }
}
