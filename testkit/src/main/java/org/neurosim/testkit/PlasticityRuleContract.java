package org.neurosim.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurosim.core.checkpoint.StateReader;
import org.neurosim.core.checkpoint.StateWriter;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.synapse.PlasticityRule;
import org.neurosim.core.synapse.SynapseContext;
import org.neurosim.core.synapse.SynapseDynamics;
import org.neurosim.core.units.Dimension;

/**
 * What every plasticity-rule plugin must do, as tests its own test class inherits:
 * <pre>
 *   class MyStdpTest extends PlasticityRuleContract {
 *       protected PlasticityRule rule() { return new MyStdp(); }
 *       protected Map&lt;String, String&gt; parameters() { return Map.of("w_max", "1"); }
 *       protected double pairWindow(double lag, double w0) {   // the weight change of one pair at lag t_post - t_pre
 *           return lag &gt;= 0 ? 0.01 * Math.exp(-lag / 0.02) : -0.0105 * Math.exp(lag / 0.02);
 *       }
 *       protected double upperBound() { return 1; }
 *   }
 * </pre>
 * The rule is driven through the synapse SPI as the engine drives it ({@link SynapseDynamics}): an arrival is
 * {@code transmit} then, for a rule that {@link SynapseDynamics#learns}, {@code onPre}; a postsynaptic spike is
 * {@code onPost} over the target's incoming synapses; events in time order, an arrival before a postsynaptic spike
 * at the same time. Checked: one pre/post pair changes the weight by the rule's pair window (a rule that does not
 * learn: by nothing), the weights stay within the rule's bounds under long random trains, and a checkpoint round
 * trip ({@code save}, then {@code restore} into the rule rebuilt from the same projection) continues bit for bit.
 */
public abstract class PlasticityRuleContract {
    /** The plugin under test. */
    protected abstract PlasticityRule rule();

    /** Parameters to test with (by name, as configs write them); the defaults by default. */
    protected Map<String, String> parameters() {
        return Map.of();
    }

    /**
     * The weight change of one pair, a presynaptic arrival and a postsynaptic spike at lag = t_post - t_pre (at lag 0
     * the arrival comes first), from weight w0 and before any clipping: the rule's pair window in closed form, from
     * its reference. 0, the default, for a rule that does not learn.
     */
    protected double pairWindow(double lag, double w0) {
        return 0;
    }

    /** The lags (s) at which the pair window is checked. */
    protected double[] lags() {
        return new double[] {-0.1, -0.0403, -0.00517, -1e-5, 0, 1e-5, 0.0023, 0.0197, 0.08};
    }

    /** The weight of the synapse in the pair test (a float: the projection stores weights as floats). */
    protected double initialWeight() {
        return 0.5;
    }

    /** The smallest weight the rule may reach (its w_min); none by default. */
    protected double lowerBound() {
        return Double.NEGATIVE_INFINITY;
    }

    /** The largest weight the rule may reach (its w_max); none by default. */
    protected double upperBound() {
        return Double.POSITIVE_INFINITY;
    }

    /** What a weight is in the test projection (the rule's bounds are parsed in it). */
    protected Dimension weightDimension() {
        return Dimension.DIMENSIONLESS;
    }

    /** The rule's dynamics for a projection of the given rows (one per source) and initial weights. */
    protected SynapseDynamics dynamics(int[] rowStart, int[] targets, int targetCount, float[] weights) {
        PlasticityRule r = rule();
        SynapseContext c = new SynapseContext("synapse.plasticity", 1e-4, rowStart.length - 1, targetCount, rowStart,
                null, targets, weights, 0, weightDimension(), 17);
        return r.create(c, Parameters.resolve(r.parameters(), parameters(), c.key()));
    }

    @Test
    void declaredParametersHaveNamesAndDescriptions() {
        PlasticityRule r = rule();
        assertThat(r.name()).as("name").matches("[a-z0-9][a-z0-9_\\-]*");
        assertThat(r.description()).as("description").isNotBlank();
        for (ParameterSpec p : r.parameters()) assertThat(p.description()).as("description of " + p.name()).isNotBlank();
        Parameters.resolve(r.parameters(), parameters(), "synapse.plasticity");   // throws when one is invalid
    }

    /**
     * One pair at each of {@link #lags()}, on one synapse from rest, two base times (the second past 100 of the
     * usual trace time constants, where trace frames move): the weight changes by {@link #pairWindow}, to 1e-12 of
     * the weight (round-off of w0 + dw), and a rule that does not learn leaves it as it was.
     */
    @Test
    void onePairChangesTheWeightByThePairWindow() {
        double w0 = (float) initialWeight();
        boolean learning = false;
        for (double base : new double[] {1.234567, 3.5}) {
            for (double lag : lags()) {
                SynapseDynamics d = dynamics(new int[] {0, 1}, new int[] {0}, 1, new float[] {(float) w0});
                learning = d.learns();
                double tPre = base, tPost = base + lag;
                double[] efficacy = new double[1];
                if (lag >= 0) {
                    arrival(d, 0, 0, 1, tPre, efficacy);
                    post(d, 0, tPost, new int[] {0}, 0, 1);
                } else {
                    post(d, 0, tPost, new int[] {0}, 0, 1);
                    arrival(d, 0, 0, 1, tPre, efficacy);
                }
                double expected = w0 + pairWindow(lag, w0);
                assertThat(efficacy[0]).as("what the arrival transmitted").isFinite();
                assertThat(d.weight(0)).as("weight after a pair at lag %s s (t_pre = %s s)", lag, tPre)
                        .isCloseTo(expected, within(1e-12 * Math.max(Math.abs(w0), Math.abs(expected - w0))));
            }
        }
        if (!learning) return;
        // a learning rule's window is not 0 everywhere: a subclass that forgot pairWindow fails above, and this
        // guards against a window that only happens to match a rule that does nothing
        double any = 0;
        for (double lag : lags()) any = Math.max(any, Math.abs(pairWindow(lag, w0)));
        assertThat(any).as("the pair window of a rule that learns").isPositive();
    }

    /** A projection of 5 sources onto 4 targets, all to all (20 synapses, rows by source). */
    private static final int SOURCES = 5, TARGETS = 4;

    private static int[] rowStart() {
        int[] start = new int[SOURCES + 1];
        for (int j = 0; j <= SOURCES; j++) start[j] = j * TARGETS;
        return start;
    }

    private static int[] targets() {
        int[] t = new int[SOURCES * TARGETS];
        for (int s = 0; s < t.length; s++) t[s] = s % TARGETS;
        return t;
    }

    /** Initial weights: at, near and between the bounds (when they are finite), else spread over [0, 1]. */
    private float[] initialWeights() {
        double lo = lowerBound(), hi = upperBound();
        boolean bounded = Double.isFinite(lo) && Double.isFinite(hi);
        float[] w = new float[SOURCES * TARGETS];
        for (int s = 0; s < w.length; s++) {
            double x = s / (w.length - 1.0);   // 0 .. 1
            w[s] = (float) (bounded ? lo + x * (hi - lo) : x);
        }
        if (bounded) {
            w[1] = (float) (lo + 1e-3 * (hi - lo));
            w[w.length - 2] = (float) (hi - 1e-3 * (hi - lo));
        }
        return w;
    }

    /** Random pre and post spikes of the test projection, in time order: {time, 0 (pre) or 1 (post), index}. */
    private static List<double[]> events(long seed, double from, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> events = new ArrayList<>();
        double t = from;
        for (int k = 0; k < count; k++) {
            t += random.nextDouble(0, 2e-3);   // about 100 Hz over all neurons: many pairs inside every window
            boolean pre = random.nextBoolean();
            events.add(new double[] {t, pre ? 0 : 1, random.nextInt(pre ? SOURCES : TARGETS)});
        }
        return events;
    }

    /** The incoming synapses of each target, by target: {@code incoming[inStart[i] .. inStart[i+1])}. */
    private static int[][] incoming(int[] targets) {
        int[] start = new int[TARGETS + 1];
        for (int t : targets) start[t + 1]++;
        for (int i = 0; i < TARGETS; i++) start[i + 1] += start[i];
        int[] incoming = new int[targets.length], next = start.clone();
        for (int s = 0; s < targets.length; s++) incoming[next[targets[s]]++] = s;
        return new int[][] {start, incoming};
    }

    private static void play(SynapseDynamics d, double[] event, int[] rowStart, int[][] in, double[] efficacy) {
        int k = (int) event[2];
        if (event[1] == 0) arrival(d, k, rowStart[k], rowStart[k + 1], event[0], efficacy);
        else post(d, k, event[0], in[1], in[0][k], in[0][k + 1]);
    }

    private static void arrival(SynapseDynamics d, int row, int from, int to, double time, double[] efficacy) {
        d.transmit(row, from, to, time, efficacy);
        if (d.learns()) d.onPre(row, from, to, time);
    }

    private static void post(SynapseDynamics d, int target, double time, int[] incoming, int from, int to) {
        if (d.learns()) d.onPost(target, time, incoming, from, to);
    }

    /**
     * 3000 random pre and post spikes at about 100 Hz through 20 synapses, some starting at or next to a bound:
     * after every event each weight is finite and within [{@link #lowerBound()}, {@link #upperBound()}] (hard
     * bounds: clipped, never past them), what each arrival transmits is finite, and a rule that does not learn keeps
     * the weights it was given.
     */
    @Test
    void weightsStayWithinTheirBounds() {
        int[] rowStart = rowStart(), targets = targets();
        int[][] in = incoming(targets);
        float[] given = initialWeights();
        SynapseDynamics d = dynamics(rowStart, targets, TARGETS, given.clone());
        double[] efficacy = new double[targets.length];
        double lo = lowerBound(), hi = upperBound();
        boolean changed = false;
        for (double[] e : events(23, 0.01, 3000)) {
            play(d, e, rowStart, in, efficacy);
            for (int s = 0; s < targets.length; s++) {
                double w = d.weight(s);
                assertThat(w).as("weight of synapse %d at t = %s s", s, e[0]).isFinite().isBetween(lo, hi);
                assertThat(efficacy[s]).as("efficacy of synapse %d", s).isFinite();
                if (!d.learns()) assertThat(w).as("weight of synapse %d of a rule that does not learn", s)
                        .isEqualTo((double) given[s]);
                changed |= w != given[s];
            }
        }
        if (d.learns()) assertThat(changed).as("the train changed some weight").isTrue();
    }

    /**
     * A checkpoint round trip (Checkpointable: save, then restore into the component rebuilt from the same config)
     * continues bit for bit: after 400 events the rule is saved, a fresh one is made from the same projection and
     * restored, and both then see the same 600 events: every transmitted efficacy, weight and recorded variable is
     * identical.
     */
    @Test
    void checkpointRoundTripContinuesBitForBit() {
        int[] rowStart = rowStart(), targets = targets();
        int[][] in = incoming(targets);
        float[] given = initialWeights();
        SynapseDynamics saved = dynamics(rowStart, targets, TARGETS, given.clone());
        double[] a = new double[targets.length], b = new double[targets.length];
        for (double[] e : events(31, 5.0, 400)) play(saved, e, rowStart, in, a);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter out = new StateWriter(bytes);
        saved.save(out);
        out.finish();
        SynapseDynamics restored = dynamics(rowStart, targets, TARGETS, given.clone());
        restored.restore(StateReader.of(bytes.toByteArray(), "the rule's checkpoint"));
        assertThat(restored.variables()).isEqualTo(saved.variables());
        int n = 0;
        for (double[] e : events(37, 5.5, 600)) {
            Arrays.fill(a, Double.NaN);
            Arrays.fill(b, Double.NaN);
            play(saved, e, rowStart, in, a);
            play(restored, e, rowStart, in, b);
            assertThat(b).as("efficacies at event %d after the restore", n).isEqualTo(a);
            for (int s = 0; s < targets.length; s++) {
                assertThat(restored.weight(s)).as("weight of synapse %d at event %d", s, n).isEqualTo(saved.weight(s));
                for (int k = 0; k < saved.variables().size(); k++) {
                    assertThat(restored.value(k, s)).as("%s of synapse %d at event %d", saved.variables().get(k), s, n)
                            .isEqualTo(saved.value(k, s));
                }
            }
            n++;
        }
    }
}
