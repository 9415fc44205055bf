package org.neurosim.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.ExactWithSynapses;
import org.neurosim.core.model.GridPropagated;
import org.neurosim.core.model.InputEvents;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.model.SpikeRule;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginContext;
import org.neurosim.core.synapse.Kernel;
import org.neurosim.core.synapse.ModalFilter;
import org.neurosim.core.synapse.SynapticFilter;
import org.neurosim.core.synapse.SynapticKernel;

/**
 * What a model that integrates its current synapses exactly ({@link ExactWithSynapses}) must do, checked against a
 * fine-step reference of its own equations, as tests its own test class inherits:
 * <pre>
 *   class MyModelEventsTest extends ExactWithSynapsesContract {
 *       protected NeuronModel model() { return new MyModel(); }
 *       protected List&lt;Input&gt; inputs() {
 *           return List.of(new Input(Kernels.EXPONENTIAL, Map.of("tau", "5 ms"), 1.5e-3));
 *       }
 *       protected double subthresholdInput() { return 0.5; }
 *       protected double spikingInput() { return 3; }
 *   }
 * </pre>
 * The contract binds filters made by the inputs' kernels ({@link Kernel#newFilter}) to a population of
 * {@link #size()} neurons and drives all but the last with a scripted list of events at times off the step grid:
 * different for each neuron, several in one step for some, some at the same instant, excitatory and inhibitory, in
 * rows (one presynaptic spike onto several neurons, with a weight per synapse or one for all) and as single events,
 * and delta events ({@link InputEvents#JUMP}) when {@link #takesJumps()}. It steps the model as the network does
 * ({@link ExactWithSynapses#advanceWithArrivals} with the step's events in a {@link ScriptedInputEvents}, then the
 * filters the model does not advance itself advanced and given the step's events, {@code dt - offset} before the
 * step's end), and compares it at every step's end with the <b>reference</b>: the model's own
 * {@link NeuronDynamics#derivatives} with a current of the external input plus sum_e w_e scale h(t - t_e) from the
 * kernel's closed form ({@link Kernel#value}), integrated by classical Runge-Kutta at a step {@value #FINE} times
 * finer, the events on that fine grid (but off the step grid), its spikes the crossings of the threshold located by
 * linear interpolation on the fine grid, followed by the reset and refractoriness of the model's {@link SpikeRule}.
 * Checked:
 * <ul>
 *   <li>below threshold, the membrane at every step's end;</li>
 *   <li>with spikes, each spike time (also one a jump causes, at the jump's time), the membrane, the membrane held at
 *       its reset while refractory, and the refractory time left;</li>
 *   <li>events delivered late ({@link ExactWithSynapses#addLate}, after the step they fall in): the membrane at that
 *       step's end and after;</li>
 *   <li>for a {@link GridPropagated} model, {@link GridPropagated#advanceOnGrid} against the same reference with each
 *       event moved to the first grid point after it (inputs on the grid), spikes at step ends and refractoriness
 *       in whole steps; and that it zeroes the sums it took.</li>
 * </ul>
 * The model's spike rule must be the crossing rule (an upward crossing of the threshold by the membrane).
 */
public abstract class ExactWithSynapsesContract {
    // Over 300 lines: one contract with its scripted events, the fine-step reference and the driver that steps the
    // model as the engine does; each check is a short method over those three.
    /** The reference's steps per model step. */
    public static final int FINE = 1000;

    /**
     * The membrane's tolerance, relative to the distance from rest to threshold. The reference's own error is far
     * below it: classical Runge-Kutta's global error is about (h/tau)^4 per time constant, with h = dt / 1000 = 0.1 us
     * against the millisecond time constants of membranes and synapses, so below 1e-16; and on the fine grid the
     * current is smooth within each step (events sit on its boundaries), so that order holds. Its round-off, one unit
     * in the last place per fine step, is damped over the membrane's time constant: some 10^5 fine steps, so at most
     * about 1e-11 of the range. The model's closed form adds round-off of 1e-15. 1e-9 leaves a factor of 100 over
     * that (lif's largest difference below threshold is 2e-14 of the range), while a model that placed an event one
     * fine step (0.1 us) off is wrong by some 4e-6, and one that read a weight 0.1% off by 7e-5.
     */
    public static final double VOLTAGE_TOLERANCE = 1e-9;

    /**
     * The spike time's tolerance, as a fraction of the fine step (0.1 us: 1e-10 s), to which is added the effect of
     * the membrane's tolerance, {@link #VOLTAGE_TOLERANCE} over the membrane's slope at the crossing. Linear
     * interpolation inside a fine step h errs by h^2 |V''| / (8 |V'|), below 1e-3 h as long as V'/V'' (a time scale of
     * the membrane's course near threshold) is above 125 h = 12.5 us at dt = 0.1 ms; the model's own root finding
     * stops within 1e-15 s. A crossing taken on the step grid instead errs by some dt^2 |V''| / |V'|: 1e-7 s.
     */
    public static final double TIME_TOLERANCE = 1e-3;

    /** One input of the model: a kernel plugin, its parameters, and the scale its filter is made with. */
    public record Input(SynapticKernel kernel, Map<String, String> parameters, double scale) { }

    /** The plugin under test. */
    protected abstract NeuronModel model();

    /** Parameters to test with (by name, as configs write them); the defaults by default. */
    protected Map<String, String> parameters() {
        return Map.of();
    }

    /**
     * The inputs bound to the model, in input order (one or two): kernels of a synapse plugin, and for each the scale
     * its filter is made with (the filter's output is scale sum_e w_e h(t - t_e)). The script's weights are between
     * 0.5 and 1.5 in size; choose the scale so that such an event moves the membrane by a few percent of the way
     * from rest to threshold.
     */
    protected abstract List<Input> inputs();

    /** The population's size (at least 3); the last neuron gets no event. */
    protected int size() {
        return 6;
    }

    /** The time step (0.1 ms by default). */
    protected double dt() {
        return 1e-4;
    }

    /** The length of each run, in steps. */
    protected int steps() {
        return 300;
    }

    /** True when the model takes delta events ({@link InputEvents#JUMP}): the script then has some. */
    protected boolean takesJumps() {
        return false;
    }

    /** The size of a delta event's jump of the membrane (the model's membrane unit, SI). */
    protected double jumpWeight() {
        return 0;
    }

    /**
     * A constant external input (the model's input dimension, SI) under which, with the script's events, the membrane
     * stays below threshold from rest.
     */
    protected abstract double subthresholdInput();

    /** A constant external input under which the neurons fire a few times in a run (a few ms between spikes). */
    protected abstract double spikingInput();

    // ------------------------------------------------------------------------------------------------------------
    // the checks

    /** Below threshold: the membrane of every neuron at every step's end equals the reference's. */
    @Test
    void subthresholdMembraneFollowsTheFineReference() {
        Bench b = new Bench();
        List<Spike> script = script(b);
        double[][] start = b.start(false);
        Reference ref = b.reference(script, subthresholdInput(), start, false, false);
        b.requireSubthreshold(ref, "the subthreshold script");
        b.requireEventsMatter(ref, subthresholdInput(), start, false);
        Run run = b.runExact(script, subthresholdInput(), start);
        assertThat(run.spikeCount()).as("spikes of a model whose reference stays below threshold").isZero();
        b.compareMembrane(run, ref, VOLTAGE_TOLERANCE, null, "below threshold");
    }

    /**
     * With spikes: every spike at the reference's crossing time (one caused by a jump at the jump's time), the
     * membrane at every step's end, held at its reset while refractory, and the refractory time left.
     */
    @Test
    void spikesResetsAndRefractorinessFollowTheFineReference() {
        Bench b = new Bench();
        double[][] start = b.start(true);
        List<Spike> script = new ArrayList<>(script(b));
        long kick = -1, pair = -1;
        int paired = Math.min(2, b.n - 2);
        if (takesJumps()) {
            Reference pre = b.reference(script, spikingInput(), start, false, true);
            kick = b.addKick(pre, script);
            pair = b.addCancellingPair(pre, script, paired);
        }
        Reference ref = b.reference(script, spikingInput(), start, false, false);
        assertThat(ref.spikeCount()).as("spikes of the reference under spikingInput() (choose it so that each neuron "
                + "fires a few times in %d steps)", steps()).isGreaterThanOrEqualTo(b.n);
        if (kick >= 0) {
            double at = kick * b.hf, both = pair * b.hf;
            assertThat(ref.spikes.get(0).stream().anyMatch(s -> s[0] == at))
                    .as("the reference fires neuron 0 at the jump placed just below its crossing").isTrue();
            assertThat(ref.spikes.get(paired).stream().noneMatch(s -> s[0] == both))
                    .as("no spike of neuron %d at the two jumps that cancel", paired).isTrue();
        }
        Run run = b.runExact(script, spikingInput(), start);
        double[] shift = b.compareSpikes(run, ref, false);
        b.compareMembrane(run, ref, VOLTAGE_TOLERANCE, shift, "with spikes");
        b.compareRefractoriness(run, ref, shift);
    }

    /**
     * Events known only once their step is over ({@link ExactWithSynapses#addLate}; here every third presynaptic
     * spike of the script): the membrane then equals the reference at that step's end, and at every later step.
     */
    @Test
    void lateEventsGiveTheReferenceAtTheEndOfTheirStep() {
        Bench b = new Bench();
        List<Spike> script = script(b);
        List<Spike> late = new ArrayList<>();
        for (int k = 0; k < script.size(); k++) late.add(script.get(k).delivered(k % 3 == 1));
        assertThat(late.stream().filter(Spike::late).map(Spike::input).distinct().count())
                .as("inputs with late events").isGreaterThanOrEqualTo(Math.min(2, b.inputs + (takesJumps() ? 1 : 0)));
        double[][] start = b.start(false);
        Reference ref = b.reference(late, subthresholdInput(), start, false, false);
        b.requireSubthreshold(ref, "the subthreshold script");
        Run run = b.runExact(late, subthresholdInput(), start);
        assertThat(run.spikeCount()).as("spikes of a model whose reference stays below threshold").isZero();
        b.compareMembrane(run, ref, VOLTAGE_TOLERANCE, null, "with late events");
    }

    /** The grid-constrained step below threshold: the reference with every event on the grid point after it. */
    @Test
    void gridStepFollowsTheFineReferenceWithInputsOnTheGrid() {
        Bench b = new Bench();
        Assumptions.assumeTrue(b.create() instanceof GridPropagated, "not a GridPropagated model");
        List<Spike> script = script(b);
        double[][] start = b.start(false);
        Reference ref = b.reference(script, subthresholdInput(), start, true, false);
        b.requireSubthreshold(ref, "the subthreshold script on the grid");
        Run run = b.runOnGrid(script, subthresholdInput(), start);
        assertThat(run.spikeCount()).as("spikes of a model whose reference stays below threshold").isZero();
        b.compareMembrane(run, ref, VOLTAGE_TOLERANCE, null, "on the grid, below threshold");
    }

    /**
     * The grid-constrained step with spikes: a neuron at or above threshold at a step's end spikes there, is reset
     * and held for round(tau_ref / dt) whole steps (its jumps dropped), as the reference on the grid does.
     */
    @Test
    void gridStepSpikesAtStepEndsAndHoldsForWholeSteps() {
        Bench b = new Bench();
        Assumptions.assumeTrue(b.create() instanceof GridPropagated, "not a GridPropagated model");
        List<Spike> script = script(b);
        double[][] start = b.start(true);
        Reference ref = b.reference(script, spikingInput(), start, true, false);
        assertThat(ref.spikeCount()).as("spikes of the grid reference under spikingInput()")
                .isGreaterThanOrEqualTo(b.n);
        Run run = b.runOnGrid(script, spikingInput(), start);
        double[] shift = b.compareSpikes(run, ref, true);
        b.compareMembrane(run, ref, VOLTAGE_TOLERANCE, shift, "on the grid, with spikes");
        b.compareRefractoriness(run, ref, shift);
    }

    // ------------------------------------------------------------------------------------------------------------
    // the script

    /**
     * One scripted presynaptic spike: its events onto {@code targets} at fine-grid time {@code at} (in fine steps
     * from the start) through {@code input} ({@link InputEvents#JUMP} for a delta event), with weights[k] or one
     * {@code weight} for all; given to the model as a row or as single events, in its step or late.
     */
    record Spike(long at, int input, int[] targets, float[] weights, double weight, boolean row, boolean late) {
        double weight(int k) {
            return weights == null ? weight : weights[k];
        }

        Spike delivered(boolean late) {
            return new Spike(at, input, targets, weights, weight, row, late);
        }
    }

    /**
     * The events of a run, from a fixed seed: rows onto random subsets of the driven neurons (one with a target
     * twice), single events per neuron, a burst of four events in one step onto neuron 1 with two at one instant,
     * a row and a single event at one instant onto neuron 2, and delta events when the model takes them. Weights
     * are multiples of 1/64 (exact in float, as rows store them); about 55% excitatory.
     */
    // Over 50 lines: the scripted events read top to bottom as the list in the Javadoc above, one block per kind.
    private List<Spike> script(Bench b) {
        SplittableRandom r = new SplittableRandom(20261208L);
        int driven = b.n - 1, steps = steps();
        long total = (long) steps * FINE;
        List<Spike> out = new ArrayList<>();
        for (int q = 0; q < steps / 10; q++) {
            int size = r.nextInt(2, driven + 1);
            int[] targets = subset(r, driven, size);
            if (q == 3) targets = append(targets, targets[0]);   // two synapses onto one neuron
            boolean exc = r.nextDouble() < 0.55;
            int input = r.nextInt(b.inputs);
            if (r.nextBoolean()) {
                float[] w = new float[targets.length];
                for (int k = 0; k < w.length; k++) w[k] = (float) weight(r, exc);
                out.add(new Spike(offGrid(r, total), input, targets, w, 0, true, false));
            } else {
                out.add(new Spike(offGrid(r, total), input, targets, null, weight(r, exc), true, false));
            }
        }
        for (int i = 0; i < driven; i++) {
            for (int q = 0; q < 8; q++) {
                out.add(new Spike(offGrid(r, total), r.nextInt(b.inputs), new int[] {i}, null,
                        weight(r, r.nextDouble() < 0.55), false, false));
            }
        }
        // a burst: four events inside step steps/4 onto neuron 1, two of them (excitatory and inhibitory) at once
        long base = (long) (steps / 4) * FINE;
        out.add(new Spike(base + 117, 0, new int[] {1}, null, 1.25, false, false));
        out.add(new Spike(base + 402, b.inputs - 1, new int[] {1}, null, 0.75, false, false));
        out.add(new Spike(base + 402, 0, new int[] {1}, null, -0.5, false, false));
        out.add(new Spike(base + 871, b.inputs - 1, new int[] {1}, null, 1.0, false, false));
        // a row and a single event at one instant onto neuron 2
        long at = (long) (steps / 2) * FINE + 333;
        out.add(new Spike(at, 0, new int[] {2, 0}, new float[] {1.0f, 0.5f}, 0, true, false));
        out.add(new Spike(at, b.inputs - 1, new int[] {2}, null, -0.75, false, false));
        if (takesJumps()) {
            double jw = jumpWeight();
            for (int q = 0; q < steps / 20; q++) {
                boolean exc = r.nextDouble() < 0.55;
                if (q % 3 == 0) {
                    int[] targets = subset(r, driven, r.nextInt(2, driven + 1));
                    out.add(new Spike(offGrid(r, total), InputEvents.JUMP, targets, null, jw * weight(r, exc), true,
                            false));
                } else {
                    out.add(new Spike(offGrid(r, total), InputEvents.JUMP, new int[] {r.nextInt(driven)}, null,
                            jw * weight(r, exc), false, false));
                }
            }
            // two jumps at one instant onto neuron 3 % driven, up and down
            long both = (long) (3 * steps / 4) * FINE + 555;
            out.add(new Spike(both, InputEvents.JUMP, new int[] {3 % driven}, null, jw, false, false));
            out.add(new Spike(both, InputEvents.JUMP, new int[] {3 % driven}, null, -0.5 * jw, false, false));
        }
        return out;
    }

    /** A weight between 0.5 and 1.5 in size, a multiple of 1/64. */
    private static double weight(SplittableRandom r, boolean excitatory) {
        double w = r.nextInt(32, 97) / 64.0;
        return excitatory ? w : -w;
    }

    /** A fine-grid time in (0, total) that is not on the step grid. */
    private static long offGrid(SplittableRandom r, long total) {
        long at;
        do {
            at = r.nextLong(1, total);
        } while (at % FINE == 0);
        return at;
    }

    private static int[] subset(SplittableRandom r, int n, int size) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1), t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, size);
    }

    private static int[] append(int[] a, int x) {
        int[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = x;
        return out;
    }

    // ------------------------------------------------------------------------------------------------------------
    // the model's side: the network's protocol

    /** What a run of the model gave: the membrane and refractory time left at every step's end, and its spikes. */
    record Run(double[][] v, double[][] refractory, List<List<double[]>> spikes) {
        int spikeCount() {
            return spikes.stream().mapToInt(List::size).sum();
        }
    }

    /** One test's model, kernels and scales, with the reference and the drivers. */
    final class Bench {
        final int n = size(), inputs, membrane, nv, steps = steps();
        final double dt = dt(), hf = dt / FINE;
        final Kernel[] kernels;
        final double[] scales, rest, threshold, range;
        final SpikeRule rule;

        Bench() {
            assertThat(n).as("size()").isGreaterThanOrEqualTo(3);
            List<Input> in = inputs();
            assertThat(in).as("inputs()").isNotEmpty();
            inputs = in.size();
            kernels = new Kernel[inputs];
            scales = new double[inputs];
            for (int k = 0; k < inputs; k++) {
                SynapticKernel plugin = in.get(k).kernel();
                kernels[k] = plugin.create(new PluginContext("contract", Double.NaN),
                        Parameters.resolve(plugin.parameters(), in.get(k).parameters(), "synapse"));
                scales[k] = in.get(k).scale();
            }
            NeuronDynamics d = create();
            assertThat(d).as("the model's dynamics").isInstanceOf(ExactWithSynapses.class);
            rule = d.spikeRule();
            assertThat(rule.spikes()).as("a spiking model").isTrue();
            assertThat(rule.isCondition()).as("the crossing rule (this contract does not check a condition rule)")
                    .isFalse();
            membrane = rule.membrane();
            nv = d.stateVariables().size();
            double[][] s = new double[nv][n];
            d.restingState(s);
            rest = new double[n];
            threshold = new double[n];
            range = new double[n];
            for (int i = 0; i < n; i++) {
                rest[i] = s[membrane][i];
                threshold[i] = rule.threshold(i);
                range[i] = threshold[i] - rest[i];
                assertThat(range[i]).as("threshold above rest, neuron %d", i).isPositive();
            }
        }

        /** A fresh instance of the model's dynamics for the population. */
        NeuronDynamics create() {
            NeuronModel m = model();
            return m.create(new PopulationContext("contract", "contract", n, dt, 1),
                    Parameters.resolve(m.parameters(), parameters(), "params"));
        }

        /** The state at rest, the membranes set at fractions of the way to threshold (spread over the neurons). */
        double[][] start(boolean spiking) {
            double[][] s = new double[nv][n];
            create().restingState(s);
            for (int i = 0; i < n; i++) {
                double f = spiking ? 0.2 + 0.7 * i / (n - 1) : 0.1 * i / (n - 1);
                s[membrane][i] = rest[i] + f * range[i];
            }
            return s;
        }

        private ModalFilter[] bind(ExactWithSynapses model) {
            ModalFilter[] filters = new ModalFilter[inputs];
            for (int k = 0; k < inputs; k++) {
                SynapticFilter f = kernels[k].newFilter(n, dt, scales[k]);
                assertThat(f).as("input %d's filter (a kernel with a closed form of modes)", k)
                        .isInstanceOf(ModalFilter.class);
                filters[k] = (ModalFilter) f;
            }
            model.bindInputs(List.of(filters));
            return filters;
        }

        private static double[][] copy(double[][] s) {
            double[][] out = new double[s.length][];
            for (int k = 0; k < s.length; k++) out[k] = s[k].clone();
            return out;
        }

        /** The script's presynaptic spikes by the step their time falls in. */
        private List<List<Spike>> byStep(List<Spike> script, boolean onGrid) {
            List<List<Spike>> out = new ArrayList<>();
            for (int s = 0; s <= steps; s++) out.add(new ArrayList<>());
            for (Spike sp : script) {
                int s = (int) (sp.at() / FINE);
                if (onGrid) s = (int) gridTime(sp) / FINE;
                if (s <= steps) out.get(s).add(sp);
            }
            return out;
        }

        /**
         * The model stepped as the network steps it (Engine.advance and addToFilters; takeLate): each step's known
         * events into {@link ExactWithSynapses#advanceWithArrivals}, then the filters the model does not advance advanced and given those events, dt - offset before the
         * step's end; then the step's late events into every filter and {@link ExactWithSynapses#addLate}.
         */
        Run runExact(List<Spike> script, double external, double[][] start) {
            ExactWithSynapses m = (ExactWithSynapses) create();
            ModalFilter[] filters = bind(m);
            boolean[] kept = new boolean[inputs];
            for (int k = 0; k < inputs; k++) kept[k] = m.advancesInput(k);
            double[][] state = copy(start);
            Drive drive = new Drive(n, m.separatesSynapticCurrent());
            Arrays.fill(drive.current, external);
            double[] refractory = new double[n];
            Run run = newRun(state);
            List<List<Spike>> steps = byStep(script, false);
            ScriptedInputEvents now = new ScriptedInputEvents(), late = new ScriptedInputEvents();
            for (int s = 0; s < this.steps; s++) {
                now.clear();
                late.clear();
                for (Spike sp : steps.get(s)) {
                    double offset = (sp.at() - (long) s * FINE) * hf;
                    ScriptedInputEvents into = sp.late() ? late : now;
                    if (sp.row()) {
                        into.addRow(sp.targets(), 0, sp.targets().length, sp.weights(), sp.weight(), offset,
                                sp.input());
                    } else {
                        for (int k = 0; k < sp.targets().length; k++) {
                            into.add(sp.targets()[k], offset, sp.weight(k), sp.input());
                        }
                    }
                }
                final int step = s;
                m.advanceWithArrivals(state, drive, dt, refractory, (i, o) -> run.spikes.get(i).add(new double[] {step, o}),
                        now, 0, n);
                for (int k = 0; k < inputs; k++) if (!kept[k]) filters[k].advance(0, n);
                addToFilters(filters, kept, now);
                if (!late.isEmpty()) {
                    boolean[] none = new boolean[inputs];   // the network gives late events to every filter
                    addToFilters(filters, none, late);
                    m.addLate(state, late, dt);
                }
                record(run, s + 1, state, refractory);
            }
            return run;
        }

        /** Engine.addToFilters: the step's events into the filters the model does not keep, rows then singles. */
        private void addToFilters(ModalFilter[] filters, boolean[] kept, ScriptedInputEvents a) {
            for (int r = 0; r < a.rows(); r++) {
                int input = a.rowInput(r);
                if (input == InputEvents.JUMP || kept[input]) continue;
                filters[input].addSpikes(a.rowTargets(r), a.rowFrom(r), a.rowTo(r), a.rowWeights(r), a.rowWeight(r),
                        dt - a.rowOffset(r));
            }
            for (int k = 0; k < a.count(); k++) {
                int input = a.input(k);
                if (input != InputEvents.JUMP && !kept[input]) {
                    filters[input].addSpike(a.target(k), a.weight(k), dt - a.offset(k));
                }
            }
        }

        /**
         * The grid-constrained step as the network drives it (GridTarget, Engine.advance): at step m the weights of
         * the events whose grid point is m dt summed per input and neuron ({@code arrived}, null for an input without
         * any), the jumps whose grid point is (m + 1) dt ({@code jumps}, taken at the step's end), then the filters
         * the model does not keep advanced. Checks that the model zeroes what it took.
         */
        Run runOnGrid(List<Spike> script, double external, double[][] start) {
            GridPropagated m = (GridPropagated) create();
            ModalFilter[] filters = bind(m);
            boolean[] kept = new boolean[inputs];
            for (int k = 0; k < inputs; k++) kept[k] = m.advancesInput(k);
            double[][] state = copy(start);
            Drive drive = new Drive(n, m.separatesSynapticCurrent());
            Arrays.fill(drive.current, external);
            double[] refractory = new double[n];
            Run run = newRun(state);
            List<List<Spike>> byGridStep = byStep(script, true);   // index g: events whose grid point is g dt
            for (int s = 0; s < steps; s++) {
                double[][] arrived = new double[inputs][];
                double[] jumps = null;
                for (Spike sp : byGridStep.get(s)) {
                    if (sp.input() == InputEvents.JUMP) continue;
                    if (arrived[sp.input()] == null) arrived[sp.input()] = new double[n];
                    for (int k = 0; k < sp.targets().length; k++) arrived[sp.input()][sp.targets()[k]] += sp.weight(k);
                }
                for (Spike sp : byGridStep.get(s + 1)) {
                    if (sp.input() != InputEvents.JUMP) continue;
                    if (jumps == null) jumps = new double[n];
                    for (int k = 0; k < sp.targets().length; k++) jumps[sp.targets()[k]] += sp.weight(k);
                }
                final int step = s;
                m.advanceOnGrid(state, drive, dt, refractory, (i, o) -> run.spikes.get(i).add(new double[] {step, o}),
                        arrived, jumps, 0, n);
                for (int k = 0; k < inputs; k++) {
                    if (arrived[k] != null) {
                        assertThat(arrived[k]).as("input %d's arrived sums after step %d (the model zeroes what it "
                                + "took)", k, s).containsOnly(0.0);
                    }
                }
                if (jumps != null) assertThat(jumps).as("the jumps after step %d (zeroed)", s).containsOnly(0.0);
                for (int k = 0; k < inputs; k++) if (!kept[k]) filters[k].advance(0, n);
                record(run, s + 1, state, refractory);
            }
            return run;
        }

        private Run newRun(double[][] state) {
            List<List<double[]>> spikes = new ArrayList<>();
            for (int i = 0; i < n; i++) spikes.add(new ArrayList<>());
            Run run = new Run(new double[steps + 1][], new double[steps + 1][], spikes);
            record(run, 0, state, new double[n]);
            return run;
        }

        private void record(Run run, int s, double[][] state, double[] refractory) {
            run.v[s] = state[membrane].clone();
            run.refractory[s] = refractory.clone();
        }

        /** The grid point an event enters at on the grid: the first one after it (off the grid itself). */
        long gridTime(Spike sp) {
            return (sp.at() / FINE + 1) * FINE;
        }

        /** The reference for a script; {@code traced}: with every neuron's membrane at every fine-grid point. */
        Reference reference(List<Spike> script, double external, double[][] start, boolean onGrid, boolean traced) {
            Reference ref = new Reference(this, script, external, start, onGrid, traced);
            ref.run();
            return ref;
        }

        // --------------------------------------------------------------------------------------------------------
        // comparisons

        void requireSubthreshold(Reference ref, String what) {
            assertThat(ref.spikeCount()).as("reference spikes for %s (lower the inputs' scales or "
                    + "subthresholdInput())", what).isZero();
        }

        /** The events move the membrane by far more than the tolerance (else the test would show nothing). */
        void requireEventsMatter(Reference ref, double external, double[][] start, boolean onGrid) {
            Reference quiet = reference(List.of(), external, start, onGrid, false);
            for (int i = 0; i < n - 1; i++) {
                double most = 0;
                for (int s = 0; s <= steps; s++) most = Math.max(most, Math.abs(ref.v[s][i] - quiet.v[s][i]));
                assertThat(most / range[i]).as("how far the events move neuron %d's membrane, relative to "
                        + "threshold - rest (raise the inputs' scales)", i).isGreaterThan(1e-2);
            }
            for (int s = 0; s <= steps; s++) {
                assertThat(ref.v[s][n - 1]).as("neuron %d, without events", n - 1).isEqualTo(quiet.v[s][n - 1]);
            }
        }

        /**
         * The membrane at every step's end within {@code tolerance} of the range, widened after spikes by the
         * membrane's largest slope times how far the neuron's spikes were from the reference's ({@code shift}: a
         * reset a little earlier or later shifts the course after it by that much).
         */
        void compareMembrane(Run run, Reference ref, double tolerance, double[] shift, String what) {
            for (int i = 0; i < n; i++) {
                double tol = tolerance * range[i] + (shift == null ? 0 : ref.maxSlope[i] * shift[i]);
                double worst = 0;
                int at = -1;
                for (int s = 0; s <= steps; s++) {
                    double e = Math.abs(run.v[s][i] - ref.v[s][i]);
                    if (!(e <= worst)) {
                        worst = e;
                        at = s;
                    }
                }
                if (!(worst <= tol)) {
                    fail(String.format("%s: neuron %d's membrane differs from the reference by %.3g (%.3g of "
                            + "threshold - rest; tolerance %.3g) at the end of step %d: model %s, reference %s",
                            what, i, worst, worst / range[i], tol / range[i], at - 1, run.v[at][i], ref.v[at][i]));
                }
            }
        }

        /**
         * Every neuron's spikes against the reference's: as many, each inside its step, at the reference's time
         * within {@link ExactWithSynapsesContract#TIME_TOLERANCE} of a fine step plus the membrane's tolerance over its slope there (a jump's
         * spike: at the jump's time; on the grid: at the end of the same step). Returns per neuron the largest
         * difference found.
         */
        double[] compareSpikes(Run run, Reference ref, boolean onGrid) {
            double[] shift = new double[n];
            for (int i = 0; i < n; i++) {
                List<double[]> mine = run.spikes.get(i), theirs = ref.spikes.get(i);
                List<Double> times = new ArrayList<>();
                for (double[] sp : mine) {
                    assertThat(sp[1]).as("neuron %d's spike offset in step %d", i, (int) sp[0]).isBetween(0.0, dt);
                    if (onGrid) assertThat(sp[1]).as("a spike on the grid: at its step's end").isEqualTo(dt);
                    times.add(sp[0] * dt + sp[1]);
                }
                times.sort(Comparator.naturalOrder());
                List<Double> expected = theirs.stream().map(s -> s[0]).toList();
                if (times.size() != expected.size()) {
                    fail(String.format("neuron %d spiked %d times at %s s; the reference %d times at %s s", i,
                            times.size(), times, expected.size(), expected));
                }
                for (int k = 0; k < times.size(); k++) {
                    double slope = theirs.get(k)[1];
                    double tol = onGrid ? 1e-9 * dt : TIME_TOLERANCE * hf
                            + (Double.isNaN(slope) ? 0 : VOLTAGE_TOLERANCE * range[i] / Math.abs(slope));
                    double e = Math.abs(times.get(k) - expected.get(k));
                    if (!(e <= tol)) {
                        fail(String.format("neuron %d's spike %d at %s s, the reference's at %s s: %.3g s apart "
                                + "(tolerance %.3g s)%s", i, k, times.get(k), expected.get(k), e, tol,
                                !onGrid && Double.isNaN(slope) ? ", at a jump" : ""));
                    }
                    shift[i] = Math.max(shift[i], e);
                }
            }
            return shift;
        }

        /**
         * While the reference is refractory at a step's end, the model's membrane is at the reset the spike rule
         * applies (when it clamps), and the refractory time left is the reference's, within the neuron's spike-time
         * difference and {@link ExactWithSynapsesContract#TIME_TOLERANCE} of a fine step.
         */
        void compareRefractoriness(Run run, Reference ref, double[] shift) {
            int held = 0;
            for (int i = 0; i < n; i++) {
                double tol = TIME_TOLERANCE * hf + shift[i];
                for (int s = 1; s <= steps; s++) {
                    double left = ref.refractory[s][i];
                    assertThat(run.refractory[s][i]).as("neuron %d's refractory time left at the end of step %d", i,
                            s - 1).isCloseTo(left, org.assertj.core.api.Assertions.within(tol));
                    if (left > tol && rule.clamp()) {
                        held++;
                        assertThat(run.v[s][i]).as("neuron %d's membrane, refractory at the end of step %d: held at "
                                + "its reset", i, s - 1).isEqualTo(ref.v[s][i]);
                    }
                }
            }
            if (rule.refractoryPeriod() > 0) assertThat(held).as("step ends inside a refractory period").isPositive();
        }

        /**
         * A jump that makes neuron 0 spike: from a reference without it ({@code pre}, traced), the first fine-grid
         * point (off the step grid) before neuron 0's first crossing where the membrane is within half a jump of the
         * threshold. In its step, a current event onto neuron 0 after it, as a row (gathered before the single
         * events: the per-neuron view must give them in time order; it comes while the neuron is held); and a jump
         * of three times its size half a refractory period later, which the held neuron must ignore. Returns the
         * jump's time (fine steps).
         */
        long addKick(Reference pre, List<Spike> script) {
            double jw = jumpWeight();
            assertThat(jw).as("jumpWeight() (the model takes jumps)").isPositive();
            long at = before(pre, 0, threshold[0] - 0.5 * jw, threshold[0]);
            script.add(new Spike(at, InputEvents.JUMP, new int[] {0}, null, jw, false, false));
            long after = at + Math.max(1, (FINE - at % FINE) / 2);
            if (after % FINE != 0) script.add(new Spike(after, 0, new int[] {0}, null, 1.0, true, false));
            long later = at + Math.round(0.5 * rule.refractoryPeriod(0) / hf);
            if (later > at && later % FINE != 0 && later < (long) steps * FINE) {
                script.add(new Spike(later, InputEvents.JUMP, new int[] {0}, null, 3 * jw, false, false));
            }
            return at;
        }

        /**
         * Two jumps at one instant onto neuron i, up by a jump then down by three quarters of one, where the first
         * alone would cross the threshold and their sum does not: the first fine-grid point before i's first
         * crossing with the membrane between 3/4 and 1/4 of a jump below the threshold. Events at one instant act
         * together, their sum, before the threshold is tested (as NEST's precise models take simultaneous inputs).
         * Later in that step, a current event onto i as a row: the neuron goes on after the pair (no spike), so that
         * reading its events out of time order would show at the step's end. Returns their time (fine steps).
         */
        long addCancellingPair(Reference pre, List<Spike> script, int i) {
            double jw = jumpWeight();
            long at = before(pre, i, threshold[i] - 0.75 * jw, threshold[i] - 0.25 * jw);
            script.add(new Spike(at, InputEvents.JUMP, new int[] {i}, null, jw, false, false));
            script.add(new Spike(at, InputEvents.JUMP, new int[] {i}, null, -0.75 * jw, false, false));
            long after = at + Math.max(1, (FINE - at % FINE) / 2);
            if (after % FINE != 0) script.add(new Spike(after, 0, new int[] {i}, null, 1.0, true, false));
            return at;
        }

        /** The first fine-grid point off the step grid before neuron i's first crossing with lo &lt;= V &lt; hi. */
        private long before(Reference pre, int i, double lo, double hi) {
            assertThat(pre.spikes.get(i)).as("neuron %d's spikes under spikingInput()", i).isNotEmpty();
            double crossing = pre.spikes.get(i).get(0)[0] / hf;
            for (long j = 1; j < crossing; j++) {
                double v = pre.trace[i][(int) j];
                if (j % FINE != 0 && v >= lo && v < hi) return j;
            }
            return fail("no point before neuron " + i + "'s first crossing with the membrane in [" + lo + ", " + hi
                    + ") (a larger jumpWeight?)");
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // the reference

    /**
     * The model's own equations ({@link NeuronDynamics#derivatives}) for each neuron alone, by classical Runge-Kutta
     * at h = dt / {@link ExactWithSynapsesContract#FINE}, with the current: the external input plus sum_e w_e scale_k h_k(t - t_e) over the
     * current events so far, from the kernels' closed forms. Events are on the fine grid: a step that starts at an
     * event's time includes it (h_k(0) at its start), one that ends there does not, so the current is smooth inside
     * every fine step. Delta events jump the membrane at their time (events at one instant summed first).
     *
     * <p>Spikes, per the spike rule: off the grid, an upward crossing of the threshold inside a fine step is located by
     * linear interpolation between its ends, the state is integrated to that time, reset, and held (clamped) for the
     * refractory period, released at its exact end inside a fine step; a membrane at or above threshold at a fine
     * step's start (after a jump) spikes at that instant; jumps to a held neuron are dropped. On the grid (the events at
     * the grid points after them), the threshold is tested at step ends only, after that instant's jumps; a neuron
     * above it spikes at the step's end and is held round(tau_ref / dt) whole steps, the jumps at their ends dropped.
     */
    static final class Reference {
        private final ExactWithSynapsesContract.Bench b;
        private final NeuronDynamics d;
        private final boolean grid;
        private final double external;
        private final double[][] start;
        // per neuron, in time order (equal times in script order): fine-grid time, input, weight
        private final long[][] at;
        private final int[][] input;
        private final double[][] weight;
        // results: membrane and refractory time left at every step's end (row 0: the start), spikes {time, slope}
        final double[][] v, refractory;
        final List<List<double[]>> spikes = new ArrayList<>();
        final double[] maxSlope;
        double[][] trace;   // when traced: each neuron's membrane at every fine-grid point (after its jumps)
        // work
        private final double[][] s, y, k1, k2, k3, k4, saved;
        private final Drive drive;

        Reference(ExactWithSynapsesContract.Bench b, List<Spike> script, double external, double[][] start,
                  boolean grid, boolean traced) {
            this.b = b;
            this.d = b.create();
            this.grid = grid;
            this.external = external;
            this.start = start;
            int n = b.n;
            List<List<long[]>> events = new ArrayList<>();   // {time, input, index of script entry, k}
            for (int i = 0; i < n; i++) events.add(new ArrayList<>());
            for (int e = 0; e < script.size(); e++) {
                Spike sp = script.get(e);
                long t = grid ? b.gridTime(sp) : sp.at();
                for (int k = 0; k < sp.targets().length; k++) events.get(sp.targets()[k]).add(new long[] {t, e, k});
            }
            at = new long[n][];
            input = new int[n][];
            weight = new double[n][];
            for (int i = 0; i < n; i++) {
                List<long[]> list = events.get(i);
                list.sort(Comparator.comparingLong(x -> x[0]));   // stable: script order at equal times
                at[i] = new long[list.size()];
                input[i] = new int[list.size()];
                weight[i] = new double[list.size()];
                for (int e = 0; e < list.size(); e++) {
                    Spike sp = script.get((int) list.get(e)[1]);
                    at[i][e] = list.get(e)[0];
                    input[i][e] = sp.input();
                    weight[i][e] = sp.weight((int) list.get(e)[2]);
                }
            }
            v = new double[b.steps + 1][n];
            refractory = new double[b.steps + 1][n];
            maxSlope = new double[n];
            int nv = b.nv;
            s = new double[nv][n];
            y = new double[nv][n];
            k1 = new double[nv][n];
            k2 = new double[nv][n];
            k3 = new double[nv][n];
            k4 = new double[nv][n];
            saved = new double[nv][n];
            drive = new Drive(n, d.separatesSynapticCurrent());
            if (traced) trace = new double[n][b.steps * FINE + 1];
        }

        int spikeCount() {
            return spikes.stream().mapToInt(List::size).sum();
        }

        void run() {
            for (int i = 0; i < b.n; i++) {
                spikes.add(new ArrayList<>());
                neuron(i);
            }
        }

        // neuron i's course; "held" is in fine steps from the start (off the grid) or a step index (on it)
        private int next;               // events before it have begun
        private double heldUntil, heldValue;
        private long heldUntilStep;

        // Over 50 lines: one neuron's fine-step RK4 with its events, threshold, reset and hold, whose local state every
        // branch shares (as the model's own event loop).
        private void neuron(int i) {
            for (int k = 0; k < b.nv; k++) s[k][i] = start[k][i];
            int mem = b.membrane;
            double th = b.threshold[i], tauRef = b.rule.refractoryPeriod(i);
            long hold = Math.round(tauRef / b.dt), total = (long) b.steps * FINE;
            next = 0;
            cachedAt = -1;
            heldUntil = Double.NEGATIVE_INFINITY;
            heldUntilStep = -1;
            v[0][i] = s[mem][i];
            for (long j = 0; ; j++) {
                double jump = 0;
                boolean jumps = false;
                while (next < at[i].length && at[i][next] == j) {
                    if (input[i][next] == InputEvents.JUMP) {
                        jump += weight[i][next];
                        jumps = true;
                    } else {
                        cachedAt = -1;   // a current event begins: the current at j is not the last step's end
                    }
                    next++;
                }
                if (grid) {
                    if (j % FINE == 0 && j > 0) {   // the end of step m: its jumps, then the threshold
                        long m = j / FINE - 1;
                        if (m <= heldUntilStep) {
                            s[mem][i] = heldValue;
                        } else {
                            s[mem][i] += jump;
                            if (s[mem][i] >= th) {
                                spike(i, j * b.hf, Double.NaN);
                                heldUntilStep = m + hold;
                            }
                        }
                        v[(int) (m + 1)][i] = s[mem][i];
                        refractory[(int) (m + 1)][i] = Math.max(0, heldUntilStep - m) * b.dt;
                    }
                } else {
                    if (j % FINE == 0 && j > 0) {
                        v[(int) (j / FINE)][i] = s[mem][i];
                        refractory[(int) (j / FINE)][i] = Math.max(0, (heldUntil - j) * b.hf);
                    }
                    boolean held = heldUntil > j;
                    if (jumps && !held) s[mem][i] += jump;
                    if (!held && s[mem][i] >= th) {   // a jump over the threshold (or a start above it)
                        spike(i, j * b.hf, Double.NaN);
                        heldUntil = j + tauRef / b.hf;
                    }
                }
                if (trace != null) trace[i][(int) j] = s[mem][i];
                if (j == total) break;
                if (grid) {
                    double v0 = s[mem][i];
                    rk4(i, j, 0, 1);
                    if (j / FINE <= heldUntilStep) s[mem][i] = heldValue;
                    slope(i, 1, v0, s[mem][i]);
                } else {
                    fineStep(i, j, th, tauRef);
                }
            }
        }

        /** Spike at time t: reset per the rule; the membrane it leaves is held while refractory. */
        private void spike(int i, double t, double slope) {
            spikes.get(i).add(new double[] {t, slope});
            b.rule.reset().apply(s, i);
            heldValue = s[b.membrane][i];
        }

        /** Fine step j off the grid: held until the release, then free; a crossing located, reset and held. */
        private void fineStep(int i, long j, double th, double tauRef) {
            int mem = b.membrane;
            double c = 0;
            while (c < 1) {
                if (heldUntil - j > c) {
                    double c1 = Math.min(1, heldUntil - j);
                    rk4(i, j, c, c1);
                    if (b.rule.clamp()) s[mem][i] = heldValue;
                    c = c1;
                    continue;
                }
                for (int k = 0; k < b.nv; k++) saved[k][i] = s[k][i];
                double v0 = s[mem][i];
                rk4(i, j, c, 1);
                double v1 = s[mem][i];
                slope(i, 1 - c, v0, v1);
                if (v1 >= th && v0 < th) {
                    double f = c + (1 - c) * (th - v0) / (v1 - v0);
                    for (int k = 0; k < b.nv; k++) s[k][i] = saved[k][i];
                    if (f > c) rk4(i, j, c, f);   // the state at the crossing, then the reset
                    spike(i, (j + f) * b.hf, (v1 - v0) / ((1 - c) * b.hf));
                    heldUntil = j + f + tauRef / b.hf;
                    c = f;
                    continue;
                }
                c = 1;
            }
        }

        /** The membrane's largest slope so far, from v0 to v1 over that fraction of a fine step. */
        private void slope(int i, double fraction, double v0, double v1) {
            if (fraction > 0) maxSlope[i] = Math.max(maxSlope[i], Math.abs(v1 - v0) / (fraction * b.hf));
        }

        /**
         * The synaptic current at c fine steps (0 &lt;= c &lt;= 1) into fine step j: every current event that has
         * begun (time &lt;= j), w scale h((j - t_e + c) h_fine).
         */
        private double current(int i, long j, double c) {
            double sum = 0;
            long[] t = at[i];
            int[] in = input[i];
            double[] w = weight[i];
            for (int e = 0; e < next; e++) {
                int k = in[e];
                if (k == InputEvents.JUMP) continue;
                sum += b.scales[k] * w[e] * b.kernels[k].value(((j - t[e]) + c) * b.hf);
            }
            return sum;
        }

        // the current at the start of fine step cachedAt, computed as the end of the one before: the same sum of the
        // same terms ((j - t_e) + 1 and (j + 1 - t_e) + 0 are the same integer), unless an event begins there
        private long cachedAt;
        private double cached;

        /** Classical Runge-Kutta for neuron i from c0 to c1 fine steps into fine step j. */
        private void rk4(int i, long j, double c0, double c1) {
            double h = (c1 - c0) * b.hf;
            double i0 = c0 == 0 && cachedAt == j ? cached : current(i, j, c0);
            double im = current(i, j, 0.5 * (c0 + c1)), i1 = current(i, j, c1);
            if (c1 == 1) {
                cached = i1;
                cachedAt = j + 1;
            }
            int nv = b.nv;
            derivatives(i, s, i0, k1);
            for (int k = 0; k < nv; k++) y[k][i] = s[k][i] + 0.5 * h * k1[k][i];
            derivatives(i, y, im, k2);
            for (int k = 0; k < nv; k++) y[k][i] = s[k][i] + 0.5 * h * k2[k][i];
            derivatives(i, y, im, k3);
            for (int k = 0; k < nv; k++) y[k][i] = s[k][i] + h * k3[k][i];
            derivatives(i, y, i1, k4);
            for (int k = 0; k < nv; k++) {
                s[k][i] += h / 6 * (k1[k][i] + 2 * k2[k][i] + 2 * k3[k][i] + k4[k][i]);
            }
        }

        private void derivatives(int i, double[][] state, double synaptic, double[][] ds) {
            if (drive.synapticCurrent != null) {
                drive.current[i] = external;
                drive.synapticCurrent[i] = synaptic;
            } else {
                drive.current[i] = external + synaptic;
            }
            d.derivatives(state, drive, ds, i, i + 1);
        }
    }
}
