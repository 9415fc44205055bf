package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/**
 * The stimuli of ../shared/spec/config.md ("Additions"), read back through rate neurons with s(z) = z and tau = 0,
 * whose state after step n is exactly the input of step n (and, settled at t = 0, the input of step 0).
 */
class StimuliTest {
    static final double DT = 1e-4;

    /** y of every neuron at every recorded time: rows {t, y_0, y_1, ...}. */
    static List<double[]> traces(String input, int size, String duration, int threads) {
        return traces(input, size, duration, threads, false);
    }

    static List<double[]> traces(String input, int size, String duration, int threads, boolean split) {
        String yaml = "dt: 0.1 ms\nduration: " + duration + "\nthreads: " + threads + "\npopulations:\n"
                + "  r: {model: rate, size: " + size + ", params: {activation: linear, tau: 0 ms}, input: " + input + "}\n"
                + "record: {state: [{population: r, variables: [y], neurons: all}]}\n";
        Network net = Nets.build(yaml);
        return (split ? ReproducibilityTest.runSplit(net) : Nets.run(net)).recorder().traceRows();
    }

    /** The input of step n, read from the row after it. */
    static double inputOfStep(List<double[]> rows, int n) {
        return rows.get(n + 1)[1];
    }

    @Test
    void sineEqualsItsFormulaAtEveryStep() {
        List<double[]> rows = traces("{sine: {amplitude: 2, frequency: 10 Hz, offset: 0.5, phase: 0.3}}", 1, "250 ms", 1);
        assertThat(rows).hasSize(2501);
        for (int n = 0; n < 2500; n++) {
            double t = n * DT;
            assertThat(inputOfStep(rows, n)).isCloseTo(0.5 + 2 * Math.sin(2 * Math.PI * 10 * t + 0.3), within(1e-12));
        }
        assertThat(rows.get(0)[1]).isCloseTo(0.5 + 2 * Math.sin(0.3), within(1e-15));   // settled at t = 0
    }

    @Test
    void pulsesCoverExactlyTheirStepsInEveryPeriod() {
        // start 2 ms = step 20, width 0.5 ms = 5 steps, period 3 ms = 30 steps
        List<double[]> rows = traces("{pulses: {amplitude: 4, width: 0.5 ms, period: 3 ms, start: 2 ms}}", 1, "100 ms", 1);
        int on = 0;
        for (int n = 0; n < 1000; n++) {
            boolean expected = n >= 20 && (n - 20) % 30 < 5;
            assertThat(inputOfStep(rows, n)).as("step %d", n).isEqualTo(expected ? 4.0 : 0.0);
            if (expected) on++;
        }
        assertThat(on).isEqualTo(33 * 5);
        assertThatThrownBy(() -> traces("{pulses: {amplitude: 4, width: 5 ms, period: 3 ms}}", 1, "1 ms", 1))
                .hasMessageContaining("populations.r.input.pulses.width: expected a pulse width at most the period");
    }

    @Test
    void noiseHasItsMeanAndVarianceIsWhiteIndependentPerNeuronAndTheSameAtAnyThreadCount() {
        String noise = "{noise: {mean: 0.3, std: 2}}";
        List<double[]> one = traces(noise, 600, "100 ms", 1);
        List<double[]> two = traces(noise, 600, "100 ms", 2, true);   // 600 neurons: two chunks of 300, one per thread
        assertThat(two).hasSameSizeAs(one);
        for (int k = 0; k < one.size(); k++) assertThat(two.get(k)).containsExactly(one.get(k));
        SummaryStatistics s = new SummaryStatistics();
        for (int k = 1; k < one.size(); k++) for (int i = 1; i <= 600; i++) s.addValue(one.get(k)[i]);
        long n = s.getN();   // 600,000 values: the mean lies within 5 sd / sqrt(n) = 0.013 of 0.3, the variance
        assertThat(n).isEqualTo(600_000);   // within 5 sd of a sample variance, 5 sigma^2 sqrt(2 / n) = 0.037, of 4
        assertThat(s.getMean()).isCloseTo(0.3, within(5 * 2 / Math.sqrt(n)));
        assertThat(s.getVariance()).isCloseTo(4.0, within(5 * 4 * Math.sqrt(2.0 / n)));
        // white: successive steps uncorrelated; independent: neighbouring neurons uncorrelated (5 / sqrt(1000) bound)
        double[] a = new double[999], b = new double[999], c = new double[999];
        for (int k = 1; k < 1000; k++) {
            a[k - 1] = one.get(k)[1];
            b[k - 1] = one.get(k + 1)[1];
            c[k - 1] = one.get(k)[2];
        }
        assertThat(new PearsonsCorrelation().correlation(a, b)).isCloseTo(0, within(5 / Math.sqrt(999)));
        assertThat(new PearsonsCorrelation().correlation(a, c)).isCloseTo(0, within(5 / Math.sqrt(999)));
    }

    @Test
    void lifNeuronsUnderNoiseAndUnderDcSpikeAlikeAtOneAndTwoThreads() {
        // noise changes every neuron's input every step, a per-neuron list keeps it constant (computed from each
        // neuron's last event): both must give the same spikes however the populations are split over threads
        String yaml = "dt: 0.1 ms\nduration: 200 ms\nthreads: %d\npopulations:\n"
                + "  noisy: {model: lif, size: 600, init: {v: \"uniform(0, 1)\"}, input: {noise: {mean: 1.1, std: 0.5}}}\n"
                + "  dc: {model: lif, size: 600, init: {v: \"uniform(0, 1)\"}, input: [" + "1.2, ".repeat(599) + "1.2]}\n"
                + "record: {spikes: all}\n";
        Network one = Nets.build(yaml.formatted(1));
        List<String> a = Nets.spikes(Nets.run(one), one);
        Network two = Nets.build(yaml.formatted(2));
        assertThat(Nets.spikes(ReproducibilityTest.runSplit(two), two)).isEqualTo(a);
        // v_in = 1.2 fires every 2 ms + 20 ms ln 6 = 37.8 ms: 5 or 6 spikes per DC neuron in 200 ms
        long dc = a.stream().filter(s -> s.startsWith("dc ")).count();
        assertThat(dc).isBetween(600L * 5, 600L * 6);
        assertThat(a.stream().filter(s -> s.startsWith("noisy ")).count()).isGreaterThan(600);
    }

    @Test
    void kindFormAndConstantStimulus() {
        List<double[]> rows = traces("{kind: sine, amplitude: 1, frequency: 50 Hz}", 1, "10 ms", 1);
        assertThat(inputOfStep(rows, 50)).isCloseTo(Math.sin(2 * Math.PI * 50 * 50 * DT), within(1e-12));
        assertThat(inputOfStep(traces("{constant: {value: 0.7}}", 1, "1 ms", 1), 3)).isEqualTo(0.7);
        assertThatThrownBy(() -> traces("{sine: {amplitude: 1, frequncy: 5 Hz}}", 1, "1 ms", 1))
                .hasMessage("populations.r.input.sine.frequncy: unknown parameter (did you mean 'frequency'?); known parameters: amplitude, "
                        + "frequency, offset, phase");
        assertThatThrownBy(() -> traces("{chirp: {amplitude: 1}}", 1, "1 ms", 1))
                .hasMessageStartingWith("populations.r.input: unknown stimulus 'chirp'; known stimuli: constant, noise");
    }

    @Test
    void poissonRateFromAStimulusIsAnInhomogeneousProcess() {
        // 500 sources at 200 Hz during the first 10 ms of every 20 ms, 0 Hz otherwise, for 200 ms: spikes only in the
        // on-phases, 500 x 200 Hz x 100 ms = 10,000 of them (Poisson sd 100; 5 sd bound)
        String yaml = "dt: 0.1 ms\nduration: 200 ms\npopulations:\n  p: {model: poisson, size: 500, params: "
                + "{rate: {pulses: {amplitude: 200 Hz, width: 10 ms, period: 20 ms}}}}\nrecord: {spikes: all}\n";
        Network net = Nets.build(yaml);
        List<String> spikes = Nets.spikes(Nets.run(net), net);
        assertThat((double) spikes.size()).isCloseTo(10_000, within(500.0));
        for (String s : spikes) {
            double t = Double.parseDouble(s.split(" ")[2]);
            assertThat(t % 0.020).as("spike at %s s", t).isLessThan(0.010 + 1e-9);
        }
    }
}
