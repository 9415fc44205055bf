package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.Seeds;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.source.SpikeSource;
import org.neurosim.core.source.SpikeSourceModel;
import org.neurosim.network.source.GammaSource;
import org.neurosim.network.source.PoissonDeadTimeSource;

/**
 * The renewal sources {@code gamma} and {@code poisson-dead-time} against their closed forms: mean rate, ISI mean,
 * variance and CV, the dead time, one point of the ISI distribution, and the rate in the first milliseconds (the
 * trains are stationary from t = 0). Each source is driven directly, as the engine drives it (one call per step with
 * that step's stream), over many neurons and a long run.
 *
 * <p>Tolerances are 5 standard errors of each estimate, derived from the sample size: for a correct source a
 * deviation that large has a probability below 1e-6 for any seed (the test is deterministic for its seed). With N
 * intervals of mean mu, variance s2 and kurtosis kappa (E(x - mu)^4 / s2^2): SE(mean ISI) = sqrt(s2 / N);
 * SE(sample variance) = s2 sqrt((kappa - 1) / N); SE(CV) / CV = sqrt((kappa - 1) / (4N) + CV^2 / N) (delta method,
 * leaving out the covariance of mean and SD, which is positive for these right-skewed laws and only makes the
 * bound wider); the spike count of a stationary renewal train over a time T much longer than its ISI has variance
 * CV^2 rate T (Fano factor CV^2), so SE(rate) = sqrt(CV^2 rate / (n T)) over n neurons; a count in a window shorter
 * than the ISI has variance below its mean, so SE = sqrt(expected count); a proportion p out of N, sqrt(p(1-p)/N).
 */
class RenewalSourcesTest {
    /** What a source emitted: per-interval sums, the first spikes, and checks on every spike. */
    static final class Trains {
        final int n;
        final double duration;
        long spikes, intervals, belowThreshold;
        double sum, sumSq, minInterval = Double.POSITIVE_INFINITY;
        long[] earlyCounts;          // spikes in [w k, w (k + 1)) for the first windows
        double window;

        Trains(int n, double duration) {
            this.n = n;
            this.duration = duration;
        }

        double meanIsi() { return sum / intervals; }
        double varIsi() { return (sumSq - sum * sum / intervals) / (intervals - 1); }
        double cv() { return Math.sqrt(varIsi()) / meanIsi(); }
        double rate() { return spikes / (n * duration); }
    }

    static SpikeSource source(SpikeSourceModel model, int n, double dt, Map<String, String> params) {
        PopulationContext c = new PopulationContext("populations.p", "p", n, dt, 1);
        return model.create(c, Parameters.resolve(model.parameters(), params, "populations.p.params"));
    }

    /**
     * Runs a source for {@code duration} and gathers the interval statistics; {@code threshold}: the ISI below which
     * intervals are counted (one point of the distribution function).
     */
    static Trains run(SpikeSource s, int n, double dt, double duration, long seed, double threshold) {
        Trains t = new Trains(n, duration);
        t.window = 0.01;
        t.earlyCounts = new long[5];
        double[] last = new double[n];
        java.util.Arrays.fill(last, Double.NaN);
        long steps = Math.round(duration / dt);
        for (long step = 0; step < steps; step++) {
            long now = step;
            s.emit(step, Seeds.stepStream(seed, step), (i, offset) -> {
                assertThat(offset).isGreaterThanOrEqualTo(0).isLessThan(dt);
                double time = now * dt + offset;
                t.spikes++;
                int w = (int) (time / t.window);
                if (w < t.earlyCounts.length) t.earlyCounts[w]++;
                if (last[i] == last[i]) {
                    double isi = time - last[i];
                    t.intervals++;
                    t.sum += isi;
                    t.sumSq += isi * isi;
                    t.minInterval = Math.min(t.minInterval, isi);
                    if (isi <= threshold) t.belowThreshold++;
                }
                last[i] = time;
            });
        }
        return t;
    }

    /** Asserts |measured - expected| within 5 standard errors. */
    static void within5Se(String what, double measured, double expected, double se) {
        assertThat(Math.abs(measured - expected)).as("%s: measured %s, expected %s, SE %s", what, measured, expected,
                se).isLessThanOrEqualTo(5 * se);
    }

    /** Checks the first windows' counts against n rate w each: no transient at the start. */
    static void stationaryFromTheStart(Trains t, double rate) {
        double expected = t.n * rate * t.window;
        for (int w = 0; w < t.earlyCounts.length; w++) {
            within5Se("spikes in window " + w, t.earlyCounts[w], expected, Math.sqrt(expected));
        }
    }

    @ParameterizedTest(name = "shape {0}")
    @ValueSource(ints = {1, 3, 8})
    void gammaTrainsHaveTheRateAndIntervalLawOfTheirShape(int k) {
        double rate = 20, dt = 1e-3, duration = 25;
        int n = 2000;
        double mean = 1 / rate;
        Trains t = run(source(new GammaSource(), n, dt, Map.of("shape", "" + k, "rate", "20 Hz")), n, dt, duration,
                11 + k, mean);
        double cv = 1 / Math.sqrt(k), var = mean * mean / k;
        double kurtosis = 3 + 6.0 / k;   // of a gamma law of shape k
        long N = t.intervals;   // about 1e6
        within5Se("rate", t.rate(), rate, Math.sqrt(cv * cv * rate / (n * duration)));
        within5Se("mean ISI", t.meanIsi(), mean, Math.sqrt(var / N));
        within5Se("ISI variance", t.varIsi(), var, var * Math.sqrt((kurtosis - 1) / N));
        within5Se("ISI CV", t.cv(), cv, cv * Math.sqrt((kurtosis - 1) / (4.0 * N) + cv * cv / N));
        // P(ISI <= mean) = P(Erlang(k, k rate) <= 1/rate) = 1 - exp(-k) sum_{j<k} k^j / j!
        double tail = 0, term = 1;
        for (int j = 0; j < k; j++) {
            tail += term;
            term *= (double) k / (j + 1);
        }
        double p = 1 - Math.exp(-k) * tail;
        within5Se("P(ISI <= mean ISI)", (double) t.belowThreshold / N, p, Math.sqrt(p * (1 - p) / N));
        stationaryFromTheStart(t, rate);
        System.out.printf("gamma k=%d: %d ISIs, rate %.4f Hz, mean ISI %.6f s, var %.4e (expected %.4e), CV %.5f "
                        + "(expected %.5f), P(ISI<=mean) %.5f (expected %.5f), first windows %s (expected %.0f each)%n",
                k, N, t.rate(), t.meanIsi(), t.varIsi(), var, t.cv(), cv, (double) t.belowThreshold / N, p,
                java.util.Arrays.toString(t.earlyCounts), n * rate * t.window);
    }

    @ParameterizedTest(name = "dt {0} ms")
    @ValueSource(doubles = {0.1, 5})
    void deadTimePoissonTrainsHaveTheirRateCvAndNoIntervalShorterThanTheDeadTime(double dtMs) {
        // r d = 0.6: CV 0.4, hazard h = r / (1 - r d) = 100 Hz after the dead time; at dt = 5 ms some intervals
        // (15 ms and more) span few steps and spikes keep their exact times
        double rate = 40, dead = 0.015, dt = dtMs * 1e-3, duration = 25;
        int n = 2000;
        double mean = 1 / rate, wait = (1 - rate * dead) / rate;
        Trains t = run(source(new PoissonDeadTimeSource(), n, dt, Map.of("rate", "40 Hz", "dead_time", "15 ms")),
                n, dt, duration, 7, dead + wait);
        double cv = 1 - rate * dead, var = wait * wait;
        double kurtosis = 9;   // of d + an exponential interval
        long N = t.intervals;   // about 1e6
        // spike times are step * dt + offset, exact to a few ulps of 25 s (4e-15 s): the dead time holds to 1e-12 s
        assertThat(t.minInterval).isGreaterThanOrEqualTo(dead - 1e-12).isLessThan(dead + 1e-4);
        within5Se("rate", t.rate(), rate, Math.sqrt(cv * cv * rate / (n * duration)));
        within5Se("mean ISI", t.meanIsi(), mean, Math.sqrt(var / N));
        within5Se("ISI variance", t.varIsi(), var, var * Math.sqrt((kurtosis - 1) / N));
        within5Se("ISI CV", t.cv(), cv, cv * Math.sqrt((kurtosis - 1) / (4.0 * N) + cv * cv / N));
        double p = 1 - Math.exp(-1);   // P(ISI - d <= 1/h)
        within5Se("P(ISI <= d + 1/h)", (double) t.belowThreshold / N, p, Math.sqrt(p * (1 - p) / N));
        stationaryFromTheStart(t, rate);
        System.out.printf("poisson-dead-time dt=%s ms: %d ISIs, rate %.4f Hz, mean ISI %.6f s, var %.4e (expected "
                        + "%.4e), CV %.5f (expected %.5f), min ISI %.9f s, P(ISI<=d+1/h) %.5f (expected %.5f), first "
                        + "windows %s (expected %.0f each)%n", dtMs, N, t.rate(), t.meanIsi(), t.varIsi(), var, t.cv(),
                cv, t.minInterval, (double) t.belowThreshold / N, p, java.util.Arrays.toString(t.earlyCounts),
                n * rate * t.window);
    }

    @Test
    void aRateOfZeroGivesNoSpikes() {
        for (SpikeSourceModel m : List.of(new GammaSource(), new PoissonDeadTimeSource())) {
            Trains t = run(source(m, 10, 1e-3, Map.of("rate", "0 Hz")), 10, 1e-3, 1, 3, 0);
            assertThat(t.spikes).as(m.name()).isZero();
        }
    }

    @Test
    void startAndStopKeepTheSpikesInBetween() {
        String yaml = """
                dt: 0.1 ms
                duration: 400 ms
                seed: 3
                populations:
                  g: {model: gamma, size: 500, params: {shape: 4, rate: 50 Hz, start: 100 ms, stop: 300 ms}}
                  d: {model: poisson-dead-time, size: 500, params: {rate: 50 Hz, dead_time: 5 ms, start: 100.05 ms}}
                record: {spikes: all}
                """;
        Network net = Nets.build(yaml);
        List<String> spikes = Nets.spikes(Nets.run(net), net);
        double gFirst = Double.MAX_VALUE, gLast = 0, dFirst = Double.MAX_VALUE;
        long g = 0;
        for (String s : spikes) {
            String[] f = s.split(" ");
            double time = Double.parseDouble(f[2]);
            if (f[0].equals("g")) {
                g++;
                gFirst = Math.min(gFirst, time);
                gLast = Math.max(gLast, time);
            } else {
                dFirst = Math.min(dFirst, time);
            }
        }
        assertThat(gFirst).isGreaterThanOrEqualTo(0.1 - 1e-12).isLessThan(0.101);
        assertThat(gLast).isLessThan(0.3).isGreaterThan(0.299);
        assertThat(dFirst).isGreaterThanOrEqualTo(0.10005 - 1e-12).isLessThan(0.1011);
        // 500 neurons at 50 Hz over 200 ms: 5000 expected; SE below sqrt(5000) = 71 (CV 1/2: Fano 1/4)
        assertThat(g).isBetween(5000L - 355, 5000L + 355);
    }

    @Test
    void theSameSeedGivesTheSameSpikesAtAnyThreadCount() {
        String yaml = """
                dt: 0.1 ms
                duration: 100 ms
                seed: 21
                threads: THREADS
                populations:
                  g: {model: gamma, size: 300, params: {shape: 3, rate: 30 Hz}}
                  d: {model: poisson-dead-time, size: 300, params: {rate: 30 Hz, dead_time: 3 ms}}
                  exc: {model: lif, size: 200, params: {tau_m: 20 ms, v_th: 20 mV, v_reset: 10 mV, v_rest: 0 mV}}
                projections:
                  - {from: g, to: exc, connect: {probability: 0.2}, weight: 1.5 mV, delay: 1 ms}
                  - {from: d, to: exc, connect: {probability: 0.2}, weight: 1.5 mV, delay: 1.2 ms}
                record: {spikes: all}
                """;
        Network one = Nets.build(yaml.replace("THREADS", "1"));
        List<String> a = Nets.spikes(ReproducibilityTest.runSplit(one), one);
        assertThat(a).hasSizeGreaterThan(1000).anyMatch(s -> s.startsWith("exc "));
        Network two = Nets.build(yaml.replace("THREADS", "2"));
        assertThat(Nets.spikes(ReproducibilityTest.runSplit(two), two)).isEqualTo(a);
    }

    @Test
    void badParametersAreRefusedNamingTheKey() {
        String net = "dt: 0.1 ms\nduration: 10 ms\npopulations:\n  p: {model: MODEL, size: 10, params: PARAMS}\n";
        assertThatThrownBy(() -> Nets.build(net.replace("MODEL", "poisson-dead-time")
                .replace("PARAMS", "{rate: 100 Hz, dead_time: 10 ms}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("populations.p.params.dead_time: rate x dead_time must be below 1")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Nets.build(net.replace("MODEL", "poisson-dead-time")
                .replace("PARAMS", "{rate: 10 Hz, dead_time: -1 ms}")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("populations.p.params.dead_time: ");
        assertThatThrownBy(() -> Nets.build(net.replace("MODEL", "gamma").replace("PARAMS", "{shape: 0, rate: 5 Hz}")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("populations.p.params.shape: ");
        assertThatThrownBy(() -> Nets.build(net.replace("MODEL", "gamma").replace("PARAMS", "{shape: 2.5}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("populations.p.params.shape: expected a whole number");
        assertThatThrownBy(() -> Nets.build(net.replace("MODEL", "gamma").replace("PARAMS", "{rate: -5 Hz}")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("populations.p.params.rate: ");
        assertThatThrownBy(() -> Nets.build(net.replace("MODEL", "gamma")
                .replace("PARAMS", "{start: 5 ms, stop: 2 ms}")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("populations.p.params.stop: ");
    }
}
