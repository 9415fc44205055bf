package org.neurosim.lif;

import java.util.List;
import org.neurosim.core.model.AnalyticRate;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.ExactWithSynapses;
import org.neurosim.core.model.GridPropagated;
import org.neurosim.core.model.InputEvents;
import org.neurosim.core.model.SpikeRule;
import org.neurosim.core.model.SpikeSink;
import org.neurosim.core.model.StateVariable;
import org.neurosim.core.synapse.ModalFilter;
import org.neurosim.core.units.Dimension;

/**
 * LIF equations over a population. Exact propagation for input held constant over a step: with
 * v_inf = v_rest + input, V(t + s) = v_inf + (V(t) - v_inf) exp(-s/tau_m); the threshold is reached after
 * s* = tau_m ln((v_inf - V) / (v_inf - v_th)) when v_inf &gt; v_th. Spike, reset and the end of refractoriness are
 * placed at these exact times, several per step if need be.
 *
 * <p>A population step runs in passes over arrays: every neuron relaxes toward v_inf as if nothing happened
 * (vectorised), the few that reached v_th are listed, and those plus the refractory ones (kept as a bit set) are
 * redone one by one from their start-of-step value. The result is the neuron-by-neuron event-driven solution
 * (LifPopulationStepTest). Under constant input each neuron is computed from its last event ({@link LifAnchors}), so
 * round-off does not grow with the number of steps. With its current synapses bound ({@link ExactWithSynapses}) the
 * step integrates them in closed form too ({@link LifSynapses}), with spikes inside the step or, under exact-grid, on
 * the grid ({@link #advanceOnGrid}: one propagation per step, spikes at its end, refractoriness in whole steps).
 *
 * <p>One instance serves one population: its work arrays and exp(-dt/tau_m) are made once, for the population's
 * size and time step.
 *
 * <p>Every parameter may differ between neurons ({@link LifParameters}): each neuron then follows its own values in
 * every path (derivatives, the spike rule's threshold, reset and refractory period, the anchors, the propagators
 * of the synapses and the arrivals' responses, refractoriness in whole steps on the grid), exactly as a population of
 * that one neuron would. The passes over all neurons keep their scalar form when the values are all alike and have
 * a second form with arrays where the membrane's equation differs (tau_m, c_m or v_rest per neuron; a threshold per
 * neuron only changes the pass that lists crossings); the per-neuron work (redoing a neuron) reads the values of its
 * neuron.
 */
final class LifDynamics implements GridPropagated, AnalyticRate {
    // Over 300 lines: the three steps of one model (held, events, grid) share the crossing list, the
    // refractory bit set and the redo; each pass is a small method of its own (see the note above crossings).
    final LifParameters p;
    private final double tauM, vRest, vTh;   // p's scalars, for the passes over all neurons
    private final Dimension voltage, input;
    private final double scale;   // input times scale is a voltage: 1, or R = tau_m / C_m for a current
    private LifSynapses synapses;
    private final double dt, decay;
    private final SpikeRule rule;
    // the start-of-step membrane values, the list of neurons that crossed, and the set of refractory neurons as bits
    // (bit i set exactly when refractory[i] > 0), so a step finds its few refractory neurons 64 at a time instead of
    // testing each. Chunks on other threads use disjoint index ranges; they may share the word at each edge, whose
    // bits change by atomic or/and only. The bits start clear, as the engine's refractory times start at 0.
    private double[] before, jumpUp;   // jumpUp: per neuron, the step's excitatory jumps (0 outside a step)
    private int[] crossed, todo;   // todo: the neurons a step redoes, in index order
    private long[] refractoryBits;
    private volatile double[] boundRefractory;   // the engine's refractory array these bits mirror

    /**
     * @param p       the values, one for all or one per neuron of the population ({@code size} of them)
     * @param current true when the input is a current (c_m given), else a voltage like v_th
     */
    LifDynamics(LifParameters p, Dimension voltage, boolean current, int size, double dt) {
        if (!p.uniform && p.size() != size) {
            throw new IllegalArgumentException(p.size() + " values per neuron for a population of " + size);
        }
        this.p = p;
        this.tauM = p.tauM;
        this.vRest = p.vRest;
        this.vTh = p.vTh;
        this.voltage = voltage;
        this.input = current ? Dimension.CURRENT : voltage;
        this.scale = p.scale;
        this.dt = dt;
        this.decay = p.decay;
        this.rule = spikeRule(p);
        this.before = new double[size];
        this.jumpUp = new double[size];
        this.crossed = new int[size];
        this.todo = new int[size];
        this.refractoryBits = new long[(size + 63) >>> 6];
    }

    /**
     * V reaches v_th: spike, V = v_reset, held for tau_ref; each neuron's own where they differ ({@link
     * SpikeRule#perNeuron}, and a reset that reads the neuron's v_reset).
     */
    static SpikeRule spikeRule(LifParameters p) {
        double vReset = p.vReset;
        if (p.uniform) return new SpikeRule(0, p.vTh, p.tauRef, true, (s, i) -> s[0][i] = vReset);
        double[] resets = p.vResets;
        SpikeRule.Reset reset = p.oneReset ? (s, i) -> s[0][i] = vReset : (s, i) -> s[0][i] = resets[i];
        return new SpikeRule(0, p.vTh, p.tauRef, true, reset).perNeuron(p.oneThreshold ? null : p.vThs,
                p.oneRefractoryPeriod ? null : p.tauRefs);
    }

    @Override public List<StateVariable> stateVariables() { return List.of(new StateVariable("v", voltage)); }
    @Override public Dimension inputDimension() { return input; }
    /** Neuron 0's resting potential (every neuron's unless v_rest is given per neuron). */
    @Override public void restingState(double[] values) { values[0] = vRest; }

    /** Each neuron at its own v_rest. */
    @Override
    public void restingState(double[][] state) {
        if (p.uniform) {
            java.util.Arrays.fill(state[0], vRest);
        } else {
            checkSize(state[0].length);
            System.arraycopy(p.vRests, 0, state[0], 0, state[0].length);
        }
    }

    /** V reaches v_th: spike, V = v_reset, held for tau_ref. */
    @Override public SpikeRule spikeRule() { return rule; }
    @Override public String preferredIntegrator() { return "exact"; }
    @Override public boolean boundedForFiniteInput() { return true; }

    @Override
    public void derivatives(double[][] s, Drive drive, double[][] ds, int from, int to) {
        double[] v = s[0], dv = ds[0], in = drive.current;
        if (!p.oneMembrane) {
            derivativesEach(v, in, dv, from, to);
            return;
        }
        double k = 1.0 / tauM;
        for (int i = from; i < to; i++) {
            dv[i] = (vRest - v[i] + scale * in[i]) * k;
        }
    }

    private void derivativesEach(double[] v, double[] in, double[] dv, int from, int to) {
        double[] rest = p.vRests, r = p.scales, tau = p.tauMs;
        for (int i = from; i < to; i++) {
            dv[i] = (rest[i] - v[i] + r[i] * in[i]) * (1.0 / tau[i]);
        }
    }

    @Override
    public void advanceExactly(double[][] s, Drive drive, double step, double[] refractory, SpikeSink spikes,
                               int from, int to) {
        if (refractory != boundRefractory) bind(refractory);
        double[] v = s[0], in = drive.current;
        relaxFromAnchors(v, in, step, from, to);
        int n = crossings(v, from, to);
        redoMarked(refractoryBits, crossed, n, v, in, before, step, refractory, spikes, null, from, to);
    }

    /**
     * Pass 1 from each neuron's last event ({@link LifAnchors#relax}): V = v_inf + (V_a - v_inf) e^(-(t - t_a)/tau_m),
     * so that round-off does not grow with the number of steps; before = the start-of-step values.
     */
    private void relaxFromAnchors(double[] v, double[] in, double step, int from, int to) {
        System.arraycopy(v, from, before, from, to - from);
        if (!p.oneMembrane) {
            anchors().relax(v, in, p, step, step == dt, from, to);
            return;
        }
        double f = step == dt ? decay : Math.exp(-step / tauM);
        anchors().relax(v, in, vRest, scale, f, step, tauM, from, to);
    }

    private volatile LifAnchors anchors;

    private LifAnchors anchors() {
        LifAnchors a = anchors;
        if (a == null || a.size() != before.length) {
            synchronized (this) {
                if (anchors == null || anchors.size() != before.length) anchors = new LifAnchors(before.length);
                a = anchors;
            }
        }
        return a;
    }

    @Override
    public void bindInputs(List<ModalFilter> inputs) {
        synapses = new LifSynapses(inputs, p, dt);
    }

    @Override
    public boolean advancesInput(int input) {
        return synapses.folds(input);
    }

    /**
     * The step with the synapses in closed form: every neuron propagated over the whole step with the filters' modes
     * and, by superposition, each arrival's response from its time; then the neurons that cross, are refractory, or
     * receive a jump that could cross are redone event by event ({@link LifSynapses#redo}), from their own arrivals,
     * which only they look up (the filters the model keeps take the step's arrivals in the same pass as the membrane).
     */
    @Override
    public void advanceWithArrivals(double[][] s, Drive drive, double step, double[] refractory, SpikeSink spikes,
                                    InputEvents arrivals, int from, int to) {
        if (synapses == null || step != dt) {
            throw new IllegalStateException("bindInputs first, and step with the dt the dynamics were made for");
        }
        if (refractory != boundRefractory) bind(refractory);
        double[] v = s[0], in = drive.current;
        if (synapses.hasTerms()) {
            synapses.fullStep(v, before, in, vRest, decay, from, to);
        } else {   // no synaptic current: between events V is the closed form of its constant input, from the anchor
            relaxFromAnchors(v, in, dt, from, to);
        }
        boolean jumps = synapses.deliver(v, jumpUp, arrivals, dt);
        int n = jumps ? listCrossingsOrJumps(v, in, from, to) : crossings(v, from, to);
        redoMarked(refractoryBits, crossed, n, v, in, before, dt, refractory, spikes, arrivals, from, to);
    }

    /**
     * The grid-constrained step (see {@link GridPropagated#advanceOnGrid}): every neuron and its filters propagated
     * over the whole step from the start, with the step's arrived weights in the filters first
     * ({@link LifSynapses#gridStep}), then the jumps that arrive at its end; the held neurons (from the bit set) back
     * at v_reset for one step less; those at
     * or above threshold spike at the step's end, in index order.
     */
    @Override
    public void advanceOnGrid(double[][] s, Drive drive, double step, double[] refractory, SpikeSink spikes,
                              double[][] arrived, double[] jumps, int from, int to) {
        if (step != dt) throw new IllegalStateException("step with the dt the dynamics were made for");
        if (synapses == null) bindInputs(List.of());   // no synapse reaches this population
        if (refractory != boundRefractory) bind(refractory);
        double[] v = s[0];
        synapses.gridStep(v, drive.current, vRest, decay, arrived, from, to);
        if (jumps != null) {   // a held neuron's are overwritten by v_reset below: dropped, as in iaf_psc_delta
            for (int i = from; i < to; i++) {
                v[i] += jumps[i];
                jumps[i] = 0;
            }
        }
        long[] bits = refractoryBits;
        double half = 0.5 * dt;
        for (int word = from >>> 6, last = (to - 1) >>> 6; word <= last; word++) {
            long b = chunkWord(bits, word, from, to);
            int base = word << 6;
            while (b != 0) {
                int i = base + Long.numberOfTrailingZeros(b);
                b &= b - 1;
                v[i] = p.vReset(i);
                double r = refractory[i] - dt;   // whole steps: the last one leaves round-off below dt / 2
                if (r < half) {
                    r = 0;
                    markRefractory(bits, i, false, from, to);
                }
                refractory[i] = r;
            }
        }
        int n = crossings(v, from, to);
        for (int k = from; k < n; k++) {
            int i = crossed[k];
            spikes.spike(i, dt);
            v[i] = p.vReset(i);
            double hold = p.gridHold(i);
            if (hold > 0) {
                refractory[i] = hold;
                markRefractory(bits, i, true, from, to);
            }
        }
    }

    /**
     * The neurons to redo when excitatory jumps arrived: those at or above threshold at the step's end, and those
     * a jump could have taken over it inside the step. Without current synapses V relaxes monotonically toward v_inf
     * between events, so V never exceeds max(V(0), v_inf) + the step's excitatory jumps; with them, every neuron
     * with an excitatory jump is redone.
     */
    private int listCrossingsOrJumps(double[] v, double[] in, int from, int to) {
        boolean bounded = !synapses.hasTerms();
        if (!p.uniform) return listCrossingsOrJumpsEach(v, in, bounded, from, to);
        int n = from;
        for (int i = from; i < to; i++) {
            double up = jumpUp[i];
            jumpUp[i] = 0;   // ready for the next step
            boolean candidate = up > 0 && (!bounded || Math.max(before[i], vRest + scale * in[i]) + up >= vTh);
            if (v[i] >= vTh || candidate) crossed[n++] = i;
        }
        return n;
    }

    private int listCrossingsOrJumpsEach(double[] v, double[] in, boolean bounded, int from, int to) {
        double[] rest = p.vRests, r = p.scales, th = p.vThs;
        int n = from;
        for (int i = from; i < to; i++) {
            double up = jumpUp[i];
            jumpUp[i] = 0;
            boolean candidate = up > 0 && (!bounded || Math.max(before[i], rest[i] + r[i] * in[i]) + up >= th[i]);
            if (v[i] >= th[i] || candidate) crossed[n++] = i;
        }
        return n;
    }

    /**
     * The late events' response so far, w G(dt - t_a), added to each target that is not held (G once per presynaptic
     * spike, or each target's own where tau_m or c_m differ); rows first, then single events, in their order.
     */
    @Override
    public void addLate(double[][] s, InputEvents late, double dt) {
        double[] v = s[0];
        for (int r = 0, rows = late.rows(); r < rows; r++) {
            int[] targets = late.rowTargets(r);
            float[] weights = late.rowWeights(r);
            int input = late.rowInput(r);
            double weight = late.rowWeight(r), age = dt - late.rowOffset(r);
            double g = p.oneResponse ? synapses.arrivalResponse(input, age) : Double.NaN;   // G once per spike
            for (int k = late.rowFrom(r), to = late.rowTo(r); k < to; k++) {
                int t = targets[k];
                if (held(t)) continue;
                double w = weights == null ? weight : weights[k];
                v[t] += w * (p.oneResponse ? g : synapses.arrivalResponse(input, age, t));
            }
        }
        int lastInput = Integer.MIN_VALUE;
        double lastOffset = Double.NaN, g = 0;
        for (int k = 0, n = late.count(); k < n; k++) {
            int t = late.target(k), input = late.input(k);
            double offset = late.offset(k);
            if (input != lastInput || offset != lastOffset) {   // one spike's events come together: G once for them
                g = synapses.arrivalResponse(input, dt - offset);
                lastInput = input;
                lastOffset = offset;
            }
            if (!held(t)) v[t] += late.weight(k) * (p.oneResponse ? g : synapses.arrivalResponse(input, dt - offset, t));
        }
    }

    /** Whether neuron i is held after a spike: 1 bit per neuron, which stays in cache where the times would not. */
    private boolean held(int i) {
        return (refractoryBits[i >>> 6] & (1L << (i & 63))) != 0;
    }

    // Each pass is a small method of its own: the JIT compiles small methods quickly, which shortens the warm-up of a
    // short simulation (one method with three loops took three long compilations, one per loop entry and a whole).

    /** Pass 2 with the population's threshold or each neuron's. */
    private int crossings(double[] v, int from, int to) {
        return p.oneThreshold ? listCrossings(v, vTh, crossed, from, to) : listCrossings(v, p.vThs, crossed, from, to);
    }

    private static int listCrossings(double[] v, double[] vTh, int[] crossed, int from, int to) {
        int n = from;
        for (int i = from; i < to; i++) {
            if (v[i] >= vTh[i]) crossed[n++] = i;
        }
        return n;
    }

    /**
     * Pass 2: the neurons that reached the threshold, a fraction of a percent per step. Four membranes are tested at a
     * time with one branch (the comparisons joined with a non-short-circuit or), so the loop costs about one compare
     * per neuron and one predicted branch per four; the few blocks with a crossing are listed neuron by neuron.
     */
    private static int listCrossings(double[] v, double vTh, int[] crossed, int from, int to) {
        int n = from, i = from;
        for (int end = to - 3; i < end; i += 4) {
            if (v[i] >= vTh | v[i + 1] >= vTh | v[i + 2] >= vTh | v[i + 3] >= vTh) {
                for (int k = i; k < i + 4; k++) if (v[k] >= vTh) crossed[n++] = k;
            }
        }
        for (; i < to; i++) if (v[i] >= vTh) crossed[n++] = i;
        return n;
    }

    /**
     * Pass 3: redo the refractory neurons (from the bit set, 64 per word) and those that crossed, in index order so
     * spikes come out sorted at any chunking, each from its start-of-step value; a neuron held for the whole step is
     * done in the pass that finds it. The others are listed first, so that their arrivals are gathered in one pass.
     */
    private void redoMarked(long[] bits, int[] crossed, int n, double[] v, double[] in, double[] before, double dt,
                            double[] refractory, SpikeSink spikes, InputEvents arrivals, int from, int to) {
        int[] list = todo;
        int m = from, k = from;
        for (int word = from >>> 6, last = (to - 1) >>> 6; word <= last; word++) {
            long b = chunkWord(bits, word, from, to);
            int base = word << 6;
            while (b != 0) {
                int i = base + Long.numberOfTrailingZeros(b);
                b &= b - 1;
                while (k < n && crossed[k] < i) list[m++] = crossed[k++];
                if (k < n && crossed[k] == i) k++;
                double r = refractory[i];
                if (r >= dt) {   // held for the whole step: done here, in the pass that finds it
                    holdWholeStep(i, r, v, dt, refractory, arrivals, bits, from, to);
                } else {
                    list[m++] = i;
                }
            }
        }
        while (k < n) list[m++] = crossed[k++];
        boolean own = arrivals != null && !arrivals.isEmpty();
        if (own) {
            for (int p = from; p < m; p++) if (refractory[list[p]] < dt) arrivals.want(list[p], from, to);
            arrivals.select();
        }
        for (int p = from; p < m; p++) redo(list[p], v, in, before, dt, refractory, spikes, arrivals, bits, from, to);
    }

    /**
     * Whether pass 1 ran from the anchors ({@link #relaxFromAnchors}): without synapses bound (a single neuron, the
     * held drive) or with no synaptic current (none, or delta synapses only), where V between events is the closed
     * form of the constant input.
     */
    private boolean anchored(InputEvents arrivals) {
        return arrivals == null || !synapses.hasTerms();
    }

    /**
     * Neuron i held at v_reset for the whole step (its synapses' state goes on in the filters): what {@link #redo}
     * does for it, without listing it (in CUBA a step holds about 120 neurons and redoes 2 or 3 others).
     */
    private void holdWholeStep(int i, double r, double[] v, double dt, double[] refractory, InputEvents arrivals,
                               long[] bits, int from, int to) {
        refractory[i] = r - dt;
        v[i] = p.vReset(i);
        if (anchored(arrivals)) anchors.forget(i);   // re-anchored when it next moves
        if (!(refractory[i] > 0)) markRefractory(bits, i, false, from, to);
    }

    /** One neuron that is refractory or crossed the threshold in this step, advanced exactly from its start value. */
    private void redo(int i, double[] v, double[] in, double[] before, double dt, double[] refractory, SpikeSink spikes,
                      InputEvents arrivals, long[] bits, int from, int to) {
        double r = refractory[i];   // below dt: a neuron held for the whole step was done by holdWholeStep
        if (arrivals != null && (synapses.hasTerms() || !arrivals.isEmpty())) {
            // v[i] holds the full-step value, the end of the step when nothing happens in it
            v[i] = synapses.redo(i, before[i], p.vRest(i) + p.scale(i) * in[i], r > 0 ? Double.NaN : v[i], refractory,
                    arrivals, spikes);
        } else {   // constant input alone: spikes, reset and the end of refractoriness from the anchor
            anchors.advanceWithSpikes(v, in[i], p.vRest(i) + p.scale(i) * in[i], dt, refractory, spikes, i, p);
        }
        boolean nowRefractory = refractory[i] > 0;
        if (nowRefractory != (r > 0)) markRefractory(bits, i, nowRefractory, from, to);
    }

    /** Word {@code word} of the bit set with the bits of neurons outside from..to cleared. */
    private static long chunkWord(long[] bits, int word, int from, int to) {
        long b = bits[word];
        int base = word << 6;
        if (base < from) b &= -1L << (from - base);
        if (base + 64 > to) b &= -1L >>> (base + 64 - to);
        return b;
    }

    /** Sets or clears neuron i's refractory bit (chunk from..to is the caller's). */
    private static void markRefractory(long[] bits, int i, boolean refractory, int from, int to) {
        int word = i >>> 6;
        long mask = 1L << (i & 63);
        if (word > from >>> 6 && word < (to - 1) >>> 6) {   // a word of this chunk alone
            bits[word] ^= mask;
        } else if (refractory) {                          // an edge word, maybe shared with the next chunk
            BITS.getAndBitwiseOr(bits, word, mask);
        } else {
            BITS.getAndBitwiseAnd(bits, word, ~mask);
        }
    }

    /**
     * Ties the work arrays to the engine's refractory array (once per run: the first step's chunks may arrive here
     * together, so the check is repeated under the lock and the array published last).
     */
    private synchronized void bind(double[] refractory) {
        if (refractory == boundRefractory) return;
        int size = refractory.length;
        checkSize(size);
        if (before.length != size) {
            before = new double[size];
            jumpUp = new double[size];
            crossed = new int[size];
            todo = new int[size];
            refractoryBits = new long[(size + 63) >>> 6];
        }
        java.util.Arrays.fill(refractoryBits, 0);
        anchors = null;   // a new run: its first step anchors every neuron afresh
        for (int i = 0; i < size; i++) {
            if (refractory[i] > 0) refractoryBits[i >>> 6] |= 1L << (i & 63);
        }
        boundRefractory = refractory;
    }

    /** Values per neuron are for their population's size only (one value for all serves any). */
    private void checkSize(int size) {
        if (!p.uniform && size != p.size()) {
            throw new IllegalStateException("lif: parameters given for " + p.size() + " neurons, stepped with " + size);
        }
    }

    private static final java.lang.invoke.VarHandle BITS = java.lang.invoke.MethodHandles.arrayElementVarHandle(long[].class);

    /** The population's rate curve; refused when its parameters differ between neurons (ask each neuron's). */
    @Override
    public double analyticRate(double input) {
        if (!p.uniform) {
            throw new IllegalStateException("lif: the rate differs between neurons (parameters given per neuron): "
                    + "ask analyticRate(neuron, input)");
        }
        return analyticRate(0, input);
    }

    /** Neuron i's rate: 1 / (tau_ref + tau_m ln((v_inf - v_reset) / (v_inf - v_th))) for v_inf &gt; v_th, else 0. */
    @Override
    public double analyticRate(int neuron, double input) {
        int i = neuron;
        double vInf = p.vRest(i) + p.scale(i) * input, th = p.vTh(i);
        if (!(vInf > th)) return 0;
        return 1.0 / (p.tauRef(i) + LifPropagator.timeToThreshold(p.tauM(i), p.vReset(i), vInf, th));
    }
}
