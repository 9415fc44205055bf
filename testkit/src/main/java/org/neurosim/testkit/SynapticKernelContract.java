package org.neurosim.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurosim.core.checkpoint.StateReader;
import org.neurosim.core.checkpoint.StateWriter;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginContext;
import org.neurosim.core.synapse.Kernel;
import org.neurosim.core.synapse.ModalFilter;
import org.neurosim.core.synapse.SynapticFilter;
import org.neurosim.core.synapse.SynapticKernel;

/**
 * What every synaptic-kernel plugin must do, as tests its own test class inherits:
 * <pre>
 *   class MyKernelTest extends SynapticKernelContract {
 *       protected SynapticKernel kernel() { return new MyKernel(); }
 *       protected Map&lt;String, String&gt; parameters() { return Map.of("tau", "8 ms"); }
 *   }
 * </pre>
 * Checked, for the {@link Kernel} the plugin creates and the {@link SynapticFilter} it makes:
 * <ul>
 *   <li>the online filter, driven by spikes at times off the grid (each added after its step's {@code advance} with
 *       the time since its arrival), equals the closed form scale sum_k w_k h(t - t_k) at every grid point
 *       ({@link Kernel#newFilter}'s promise), to {@link #closedFormTolerance()} of the largest value;</li>
 *   <li>every way of delivering a spike ({@code addSpike}, both {@code addSpikes}, {@code addToEach}) gives the same
 *       output; {@code advance} writes only its range; a {@code pointwiseDecay} is what {@code advance} does;</li>
 *   <li>h has the area it documents ({@link #area()}, 1 by {@link Kernel#value}'s contract), and
 *       {@code peakTime}/{@code peakValue} are the maximum of {@link Kernel#value};</li>
 *   <li>the filter's {@link SynapticFilter#stateArrays}, saved and restored as the engine checkpoints them, give a
 *       fresh filter the same subsequent output, bit for bit;</li>
 *   <li>for a {@link ModalFilter}: the output is the modes' value at s = 0, the modes predict the output of later
 *       steps without spikes, and a spike adds {@code unitSpike} to the coefficients.</li>
 * </ul>
 * An instant kernel ({@link Kernel#isInstant}, the delta) is checked as it documents itself: the output of a step is
 * the weight that arrived in it times the scale, divided by dt.
 */
public abstract class SynapticKernelContract {
    // Over 300 lines: one contract, each check with the driver and the closed form it needs.
    /** The plugin under test. */
    protected abstract SynapticKernel kernel();

    /** Parameters to test with (by name, as configs write them); the defaults by default. */
    protected Map<String, String> parameters() {
        return Map.of();
    }

    /** The time step for the tests (0.1 ms by default). */
    protected double dt() {
        return 1e-4;
    }

    /** The area of h the kernel documents (1: normalised to unit area, as {@link Kernel#value} says). */
    protected double area() {
        return 1;
    }

    /**
     * How close the online filter must come to the closed form, relative to the largest |value| of the test train:
     * 1e-12 for an exact filter (round-off over a few thousand steps). An approximate filter widens it.
     */
    protected double closedFormTolerance() {
        return 1e-12;
    }

    /** The scale passed to {@link Kernel#newFilter} (not 1, so that a filter that ignores it fails). */
    protected double scale() {
        return 1.7;
    }

    protected Kernel newKernel() {
        SynapticKernel k = kernel();
        return k.create(new PluginContext("contract", Double.NaN),
                Parameters.resolve(k.parameters(), parameters(), "synapse"));
    }

    @Test
    void declaredParametersHaveNamesDescriptionsAndValidDefaults() {
        SynapticKernel k = kernel();
        assertThat(k.name()).as("name").matches("[a-z0-9][a-z0-9_\\-]*");
        assertThat(k.description()).as("description").isNotBlank();
        for (ParameterSpec p : k.parameters()) assertThat(p.description()).as("description of " + p.name()).isNotBlank();
        Parameters.resolve(k.parameters(), Map.of(), "synapse");   // throws when a default is invalid
        assertThat(newKernel()).as("kernel").isNotNull();
    }

    /** A train of weighted spikes at sorted times, most of them off the grid, some on it. */
    private double[][] train(long seed, int steps) {
        SplittableRandom random = new SplittableRandom(seed);
        int count = 80;
        double[] times = new double[count], weights = new double[count];
        double dt = dt();
        for (int j = 0; j < count; j++) {
            times[j] = j % 8 == 0 ? random.nextInt(1, steps) * dt : random.nextDouble(0, steps * dt);
            weights[j] = random.nextDouble(-1, 2);
        }
        Arrays.sort(times);
        return new double[][] {times, weights};
    }

    /**
     * Runs a filter of one target over {@code steps} steps with the spikes of a train: each spike that arrived in
     * (t, t + dt] is added after that step's {@code advance}, {@code t + dt - t_k} before the step's end (a spike on
     * a grid point belongs to the step that ends there). Returns the output at every grid point j dt, j = 0..steps.
     */
    private double[] run(SynapticFilter f, double[] times, double[] weights, int steps) {
        double dt = dt();
        double[] out = new double[steps + 1];
        int k = 0;
        out[0] = f.output()[0];
        for (int j = 1; j <= steps; j++) {
            double end = j * dt;
            f.advance(0, 1);
            while (k < times.length && times[k] <= end) {
                f.addSpike(0, weights[k], end - times[k]);
                k++;
            }
            out[j] = f.output()[0];
        }
        return out;
    }

    /**
     * The online filter against the closed form: at each grid point t_j, output = scale sum_k w_k h(t_j - t_k)
     * (Kernel.newFilter's promise; an exact filter's output differs by round-off only: Rotter &amp; Diesmann 1999,
     * exact integration of linear filters with off-grid spikes as in Morrison et al. 2007).
     */
    @Test
    void onlineFilterEqualsTheClosedFormWithSpikesOffTheGrid() {
        Kernel kernel = newKernel();
        int steps = 2000;
        double[][] tw = train(11, steps);
        double[] times = tw[0], weights = tw[1];
        double dt = dt(), scale = scale();
        double[] filtered = run(kernel.newFilter(1, dt, scale), times, weights, steps);
        if (kernel.isInstant()) {
            // the delta's documented grid form: the weight that arrived in (t, t + dt], times the scale, over dt
            int k = 0;
            for (int j = 1; j <= steps; j++) {
                double sum = 0;
                while (k < times.length && times[k] <= j * dt) sum += weights[k++];
                assertThat(filtered[j]).as("step %d", j).isCloseTo(scale * sum / dt, within(1e-12 * Math.abs(scale / dt)));
            }
            return;
        }
        double[] closed = new double[steps + 1];
        for (int j = 0; j <= steps; j++) {
            double sum = 0;
            for (int k = 0; k < times.length; k++) sum += weights[k] * kernel.value(j * dt - times[k]);
            closed[j] = scale * sum;
        }
        double norm = Arrays.stream(closed).map(Math::abs).max().orElse(1);
        assertThat(norm).as("the largest value of the test train").isPositive();
        for (int j = 0; j <= steps; j++) {
            assertThat(filtered[j]).as("output at step %d (t = %s s)", j, j * dt)
                    .isCloseTo(closed[j], within(closedFormTolerance() * norm));
        }
    }

    /**
     * addSpike, both addSpikes and addToEach are one delivery (SynapticFilter's defaults define the bulk ones by
     * addSpike): four targets fed the same spikes through each give the same output, to round-off (1e-14 of the
     * largest), and advance(from, to) leaves the targets outside its range as they were.
     */
    @Test
    void everyDeliveryPathGivesTheSameOutputAndAdvanceKeepsToItsRange() {
        Kernel kernel = newKernel();
        double dt = dt();
        SynapticFilter f = kernel.newFilter(6, dt, scale());
        SplittableRandom random = new SplittableRandom(5);
        double max = 0;
        for (int step = 0; step < 300; step++) {
            f.advance(0, 4);
            if (step % 7 == 0) {
                double w = (float) random.nextDouble(-1, 2);   // a float weight: exact in every path
                double since = step % 21 == 0 ? 0 : random.nextDouble(0, dt);
                f.addSpike(0, w, since);
                f.addSpikes(new int[] {5, 1}, 1, 2, new float[] {0, (float) w}, 0, since);
                f.addSpikes(new int[] {2}, new double[] {w}, 0, 1, since);
                if (since == 0) {
                    double[] each = new double[6];
                    each[3] = w;
                    f.addToEach(each, 3, 4);
                } else {
                    f.addSpikes(new int[] {3}, 0, 1, null, w, since);
                }
            }
            double[] out = f.output();
            max = Math.max(max, Math.abs(out[0]));
            for (int i = 1; i < 4; i++) {
                assertThat(out[i]).as("target %d against addSpike at step %d", i, step)
                        .isCloseTo(out[0], within(1e-14 * Math.max(max, Double.MIN_NORMAL)));
            }
        }
        assertThat(max).as("the test drove the filter").isPositive();
        // targets 4 and 5 were never advanced nor given a spike: 0 still
        assertThat(f.output()[4]).isZero();
        assertThat(f.output()[5]).isZero();
        f.set(4, 1.0);
        f.set(5, 2.0);
        double[] before = f.output().clone();
        f.advance(1, 4);
        assertThat(f.output()[0]).as("target 0, outside advance(1, 4)").isEqualTo(before[0]);
        assertThat(f.output()[4]).as("target 4, outside advance(1, 4)").isEqualTo(before[4]);
        assertThat(f.output()[5]).as("target 5, outside advance(1, 4)").isEqualTo(before[5]);
        double decay = f.pointwiseDecay();
        if (!Double.isNaN(decay)) {
            // SynapticFilter.pointwiseDecay: advance is output[i] *= f, which the network folds into its drive pass
            double[] now = f.output().clone();
            f.advance(0, 6);
            for (int i = 0; i < 6; i++) assertThat(f.output()[i]).as("target %d", i).isEqualTo(now[i] * decay);
        }
    }

    /**
     * The area of h: integral over t &gt;= 0 of value(t) dt = {@link #area()} (Kernel.value's normalisation), by
     * Simpson's rule on [0, T] with T where h has fallen below 1e-17 of its peak, refined until two successive
     * results agree to 1e-12. An instant kernel's area is the weight its filter passes: sum over steps of
     * output dt = w scale.
     */
    @Test
    void hasUnitArea() {
        Kernel kernel = newKernel();
        if (kernel.isInstant()) {
            SynapticFilter f = kernel.newFilter(1, dt(), scale());
            f.advance(0, 1);
            f.addSpike(0, 0.75, 0.3 * dt());
            double sum = f.output()[0] * dt();
            for (int j = 0; j < 20; j++) {
                f.advance(0, 1);
                sum += f.output()[0] * dt();
            }
            assertThat(sum).as("weight passed by one spike").isCloseTo(0.75 * scale() * area(), within(1e-12));
            return;
        }
        double end = tailEnd(kernel);
        double previous = simpson(kernel, end, 1 << 10), now = simpson(kernel, end, 1 << 11);
        for (int n = 1 << 12; n <= 1 << 22 && Math.abs(now - previous) > 1e-13; n <<= 1) {
            previous = now;
            now = simpson(kernel, end, n);
        }
        assertThat(now).as("integral of h over [0, %s s]", end).isCloseTo(area(), within(1e-10 * Math.abs(area())));
    }

    /**
     * peakTime and peakValue are h's maximum (Kernel.peakTime: "the time of h's maximum"; Normalization.PEAK
     * divides by peakValue): no sample of h on a fine grid exceeds peakValue (to 1e-12), the largest comes within
     * the grid's resolution of it, and a golden-section search from the largest sample finds the maximum at
     * peakTime (to 1e-6 of the kernel's time scale).
     */
    @Test
    void peakTimeAndValueAreTheMaximum() {
        Kernel kernel = newKernel();
        if (kernel.isInstant()) {
            assertThat(kernel.peakValue()).as("an instant kernel's peak").isInfinite();
            return;
        }
        double end = tailEnd(kernel), peak = kernel.peakValue(), tp = kernel.peakTime();
        assertThat(tp).as("peak time").isGreaterThanOrEqualTo(0).isLessThan(end);
        assertThat(peak).as("peakValue is value(peakTime)").isCloseTo(kernel.value(tp), within(1e-12 * Math.abs(peak)));
        int n = 200_000;
        double best = Double.NEGATIVE_INFINITY, at = 0;
        for (int j = 0; j <= n; j++) {
            double t = end * j / n, v = kernel.value(t);
            assertThat(v).as("h(%s) against peakValue", t).isLessThanOrEqualTo(peak * (1 + 1e-12));
            if (v > best) {
                best = v;
                at = t;
            }
        }
        assertThat(best).as("the largest sample").isCloseTo(peak, within(1e-6 * peak));
        double lo = Math.max(0, at - end / n), hi = at + end / n, g = (Math.sqrt(5) - 1) / 2;
        for (int k = 0; k < 200 && hi - lo > 1e-15 * end; k++) {
            double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
            if (kernel.value(a) >= kernel.value(b)) hi = b; else lo = a;
        }
        assertThat((lo + hi) / 2).as("the located maximum of h").isCloseTo(tp, within(1e-6 * end));
    }

    /**
     * A checkpoint round trip of the filter state as the engine writes it (SynapseGroup: the number of
     * stateArrays, then each array, through StateWriter and StateReader) gives a fresh filter of the same kernel the
     * same output at once and after the same further spikes, bit for bit (Checkpointable: "continues bit for bit").
     */
    @Test
    void checkpointRoundTripGivesTheSameSubsequentOutput() {
        Kernel kernel = newKernel();
        double dt = dt(), scale = scale();
        SynapticFilter saved = kernel.newFilter(3, dt, scale);
        SplittableRandom random = new SplittableRandom(3);
        for (int step = 0; step < 97; step++) {
            saved.advance(0, 3);
            if (step % 5 == 0) saved.addSpike(step % 3, random.nextDouble(-1, 2), random.nextDouble(0, dt));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter out = new StateWriter(bytes);
        List<double[]> arrays = saved.stateArrays();
        out.section("filter").writeInt(arrays.size());
        for (double[] a : arrays) out.doubles(a);
        out.finish();

        SynapticFilter restored = kernel.newFilter(3, dt, scale);
        StateReader in = StateReader.of(bytes.toByteArray(), "the filter's checkpoint");
        in.section("filter");
        List<double[]> into = restored.stateArrays();
        assertThat(in.readInt()).as("state arrays").isEqualTo(into.size());
        for (double[] a : into) in.doubles(a, "filter state");
        assertThat(restored.output()).as("output right after the restore").isEqualTo(saved.output());
        for (int step = 0; step < 200; step++) {
            saved.advance(0, 3);
            restored.advance(0, 3);
            if (step % 3 == 0) {
                double w = random.nextDouble(-1, 2), since = random.nextDouble(0, dt);
                saved.addSpike(step % 2, w, since);
                restored.addSpike(step % 2, w, since);
            }
            assertThat(restored.output()).as("output %d steps after the restore", step + 1).isEqualTo(saved.output());
        }
    }

    /**
     * ModalFilter's promise: I_i(t + s) = sum_g exp(-s/tau_g) sum_k c_(g,k,i) s^k / k! with c = multiplier state.
     * So the output is sum_g c_(g,0) (s = 0); after m more steps without a spike it is that sum at s = m dt; and a
     * spike of weight w arriving now adds w unitSpike(g, k) to every c_(g,k). Relative tolerance 1e-12.
     */
    @Test
    void modalFilterOutputIsTheSumOfItsModes() {
        Kernel kernel = newKernel();
        SynapticFilter f = kernel.newFilter(2, dt(), scale());
        if (!(f instanceof ModalFilter m)) return;
        double[] taus = m.modeTimeConstants();
        int[] degrees = m.modeDegrees();
        assertThat(taus).as("one time constant per group").hasSameSizeAs(degrees);
        SplittableRandom random = new SplittableRandom(9);
        for (int step = 0; step < 60; step++) {
            f.advance(0, 2);
            if (step % 4 == 0) f.addSpike(1, random.nextDouble(0.2, 1), random.nextDouble(0, dt()));
        }
        double[][] c = coefficients(m, 1);
        double out = f.output()[1];
        assertThat(out).as("a state to test from").isNotZero();
        assertThat(out).as("output = sum_g multiplier(g, 0) state(g, 0)")
                .isCloseTo(modes(taus, c, 0), within(1e-12 * Math.abs(out)));
        for (int step = 1; step <= 300; step++) {
            f.advance(0, 2);
            double s = step * dt(), predicted = modes(taus, c, s);
            assertThat(f.output()[1]).as("output %s s later, from the modes", s)
                    .isCloseTo(predicted, within(1e-12 * Math.abs(out)));
        }
        double[][] before = coefficients(m, 1);
        f.addSpike(1, 0.8, 0);
        double[][] after = coefficients(m, 1);
        for (int g = 0; g < degrees.length; g++) {
            for (int k = 0; k <= degrees[g]; k++) {
                double unit = m.unitSpike(g, k);
                assertThat(after[g][k] - before[g][k]).as("c(%d, %d) after a spike of weight 0.8", g, k)
                        .isCloseTo(0.8 * unit, within(1e-12 * Math.max(Math.abs(after[g][k]), Math.abs(unit))));
            }
        }
    }

    private static double[][] coefficients(ModalFilter m, int target) {
        int[] degrees = m.modeDegrees();
        double[][] c = new double[degrees.length][];
        for (int g = 0; g < degrees.length; g++) {
            c[g] = new double[degrees[g] + 1];
            for (int k = 0; k <= degrees[g]; k++) c[g][k] = m.multiplier(g, k) * m.state(g, k)[target];
        }
        return c;
    }

    private static double modes(double[] taus, double[][] c, double s) {
        double sum = 0;
        for (int g = 0; g < taus.length; g++) {
            double poly = 0, term = 1;
            for (int k = 0; k < c[g].length; k++) {
                poly += c[g][k] * term;
                term *= s / (k + 1);
            }
            sum += Math.exp(-s / taus[g]) * poly;
        }
        return sum;
    }

    /** A time past the peak where h has fallen below 1e-17 of its peak (found by doubling from 1 us). */
    private static double tailEnd(Kernel kernel) {
        double peak = Math.abs(kernel.peakValue()), t = Math.max(1e-6, 2 * kernel.peakTime());
        while (Math.abs(kernel.value(t)) > 1e-17 * peak && t < 1e6) t *= 2;
        return t;
    }

    private static double simpson(Kernel kernel, double end, int n) {
        double h = end / n, sum = kernel.value(0) + kernel.value(end);
        for (int j = 1; j < n; j++) sum += kernel.value(j * h) * (j % 2 == 1 ? 4 : 2);
        return sum * h / 3;
    }
}
