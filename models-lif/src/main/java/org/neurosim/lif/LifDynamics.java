package org.neurosim.lif;

import java.util.List;
import org.neurosim.core.model.AnalyticRate;
import org.neurosim.core.model.Arrivals;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.ExactWithSynapses;
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
 */
final class LifDynamics implements ExactWithSynapses, AnalyticRate {
    final double tauM, tauRef, vRest, vTh, vReset;
    private final Dimension voltage, input;
    private final double scale;   // input times scale is a voltage: 1, or R = tau_m / C_m for a current
    private LifSynapses synapses;
    private final double dt, decay;
    private final double gridHold;   // on the grid, tau_ref in whole steps (NEST's refractory counts)
    private final SpikeRule rule;
    // the start-of-step membrane values, the list of neurons that crossed, and the set of refractory neurons as bits
    // (bit i set exactly when refractory[i] > 0), so a step finds its few refractory neurons 64 at a time instead of
    // testing each. Chunks on other threads use disjoint index ranges; they may share the word at each edge, whose
    // bits change by atomic or/and only. The bits start clear, as the engine's refractory times start at 0.
    private double[] before, jumpUp;   // jumpUp: per neuron, the step's excitatory jumps (0 outside a step)
    private int[] crossed, todo;   // todo: the neurons a step redoes, in index order
    private long[] refractoryBits;
    private volatile double[] boundRefractory;   // the engine's refractory array these bits mirror

    LifDynamics(double tauM, double tauRef, double vRest, double vTh, double vReset, Dimension voltage, double cm,
                int size, double dt) {
        this.tauM = tauM;
        this.tauRef = tauRef;
        this.vRest = vRest;
        this.vTh = vTh;
        this.vReset = vReset;
        this.voltage = voltage;
        this.input = cm > 0 ? Dimension.CURRENT : voltage;
        this.scale = cm > 0 ? tauM / cm : 1;
        this.dt = dt;
        this.decay = Math.exp(-dt / tauM);
        this.gridHold = Math.round(tauRef / dt) * dt;
        this.rule = new SpikeRule(0, vTh, tauRef, true, (s, i) -> s[0][i] = vReset);
        this.before = new double[size];
        this.jumpUp = new double[size];
        this.crossed = new int[size];
        this.todo = new int[size];
        this.refractoryBits = new long[(size + 63) >>> 6];
    }

    @Override public List<StateVariable> stateVariables() { return List.of(new StateVariable("v", voltage)); }
    @Override public Dimension inputDimension() { return input; }
    @Override public void restingState(double[] values) { values[0] = vRest; }
    /** V reaches v_th: spike, V = v_reset, held for tau_ref. */
    @Override public SpikeRule spikeRule() { return rule; }
    @Override public String preferredIntegrator() { return "exact"; }
    @Override public boolean boundedForFiniteInput() { return true; }

    @Override
    public void derivatives(double[][] s, Drive drive, double[][] ds, int from, int to) {
        double[] v = s[0], dv = ds[0], in = drive.current;
        double k = 1.0 / tauM;
        for (int i = from; i < to; i++) {
            dv[i] = (vRest - v[i] + scale * in[i]) * k;
        }
    }

    @Override
    public void advanceExactly(double[][] s, Drive drive, double step, double[] refractory, SpikeSink spikes,
                               int from, int to) {
        if (refractory != boundRefractory) bind(refractory);
        double[] v = s[0], in = drive.current;
        relaxFromAnchors(v, in, step, from, to);
        int n = listCrossings(v, vTh, crossed, from, to);
        redoMarked(refractoryBits, crossed, n, v, in, before, step, refractory, spikes, null, from, to);
    }

    /**
     * Pass 1 from each neuron's last event ({@link LifAnchors#relax}): V = v_inf + (V_a - v_inf) e^(-(t - t_a)/tau_m),
     * so that round-off does not grow with the number of steps; before = the start-of-step values.
     */
    private void relaxFromAnchors(double[] v, double[] in, double step, int from, int to) {
        double f = step == dt ? decay : Math.exp(-step / tauM);
        System.arraycopy(v, from, before, from, to - from);
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
        synapses = new LifSynapses(inputs, tauM, scale, vTh, vReset, tauRef, dt);
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
                                    Arrivals arrivals, int from, int to) {
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
        int n = jumps ? listCrossingsOrJumps(v, in, from, to) : listCrossings(v, vTh, crossed, from, to);
        redoMarked(refractoryBits, crossed, n, v, in, before, dt, refractory, spikes, arrivals, from, to);
    }

    @Override
    public boolean stepsOnGrid() {
        return true;
    }

    /**
     * The grid-constrained step (see {@link ExactWithSynapses#advanceOnGrid}): every neuron and its filters propagated
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
                v[i] = vReset;
                double r = refractory[i] - dt;   // whole steps: the last one leaves round-off below dt / 2
                if (r < half) {
                    r = 0;
                    markRefractory(bits, i, false, from, to);
                }
                refractory[i] = r;
            }
        }
        int n = listCrossings(v, vTh, crossed, from, to);
        for (int k = from; k < n; k++) {
            int i = crossed[k];
            spikes.spike(i, dt);
            v[i] = vReset;
            if (gridHold > 0) {
                refractory[i] = gridHold;
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
        int n = from;
        for (int i = from; i < to; i++) {
            double up = jumpUp[i];
            jumpUp[i] = 0;   // ready for the next step
            boolean candidate = up > 0 && (!bounded || Math.max(before[i], vRest + scale * in[i]) + up >= vTh);
            if (v[i] >= vTh || candidate) crossed[n++] = i;
        }
        return n;
    }

    @Override
    public void arrivalGains(int input, double age, double[] out) {
        synapses.arrivalGains(input, age, out);
    }

    @Override
    public void addLate(double[][] s, int[] targets, int from, int to, float[] weights, double weight, int input,
                        double age) {
        double g = synapses.arrivalResponse(input, age);
        double[] v = s[0];
        for (int k = from; k < to; k++) {
            int t = targets[k];
            if (!held(t)) v[t] += (weights == null ? weight : weights[k]) * g;
        }
    }

    @Override
    public void addLate(double[][] s, int[] targets, int from, int to, double[] weights, int input, double age) {
        double g = synapses.arrivalResponse(input, age);
        double[] v = s[0];
        for (int k = from; k < to; k++) {
            int t = targets[k];
            if (!held(t)) v[t] += weights[k] * g;
        }
    }

    /** Whether neuron i is held after a spike: 1 bit per neuron, which stays in cache where the times would not. */
    private boolean held(int i) {
        return (refractoryBits[i >>> 6] & (1L << (i & 63))) != 0;
    }

    // Each pass is a small method of its own: the JIT compiles small methods quickly, which shortens the warm-up of a
    // short simulation (one method with three loops took three long compilations, one per loop entry and a whole).

    /** Pass 2: the neurons that reached the threshold, a fraction of a percent per step (a predicted branch). */
    private static int listCrossings(double[] v, double vTh, int[] crossed, int from, int to) {
        int n = from;
        for (int i = from; i < to; i++) {
            if (v[i] >= vTh) crossed[n++] = i;
        }
        return n;
    }

    /**
     * Pass 3: redo the refractory neurons (from the bit set, 64 per word) and those that crossed, in index order so
     * spikes come out sorted at any chunking, each from its start-of-step value. They are listed first, so that the
     * arrivals of those that need theirs (all but the ones held for the whole step) are gathered in one pass.
     */
    private void redoMarked(long[] bits, int[] crossed, int n, double[] v, double[] in, double[] before, double dt,
                            double[] refractory, SpikeSink spikes, Arrivals arrivals, int from, int to) {
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
                list[m++] = i;
            }
        }
        while (k < n) list[m++] = crossed[k++];
        boolean own = arrivals != null && !arrivals.isEmpty();
        if (own) {
            for (int p = from; p < m; p++) if (refractory[list[p]] < dt) arrivals.want(list[p], from, to);
            arrivals.select(true);   // deliver() filled the flat targets
        }
        for (int p = from; p < m; p++) redo(list[p], v, in, before, dt, refractory, spikes, arrivals, bits, from, to);
    }

    /**
     * Whether pass 1 ran from the anchors ({@link #relaxFromAnchors}): without synapses bound (a single neuron, the
     * held drive) or with no synaptic current (none, or delta synapses only), where V between events is the closed
     * form of the constant input.
     */
    private boolean anchored(Arrivals arrivals) {
        return arrivals == null || !synapses.hasTerms();
    }

    /** One neuron that is refractory or crossed the threshold in this step, advanced exactly from its start value. */
    private void redo(int i, double[] v, double[] in, double[] before, double dt, double[] refractory, SpikeSink spikes,
                      Arrivals arrivals, long[] bits, int from, int to) {
        double r = refractory[i];
        if (r >= dt) {   // refractory for the whole step (the synapses' state goes on in the filters)
            refractory[i] = r - dt;
            v[i] = vReset;
            if (anchored(arrivals)) anchors.forget(i);   // re-anchored when it next moves
        } else if (arrivals != null && (synapses.hasTerms() || !arrivals.isEmpty())) {
            // v[i] holds the full-step value, the end of the step when nothing happens in it
            v[i] = synapses.redo(i, before[i], vRest + scale * in[i], r > 0 ? Double.NaN : v[i], refractory, arrivals,
                    spikes);
        } else {   // constant input alone: spikes, reset and the end of refractoriness from the anchor
            anchors.advanceWithSpikes(v, in[i], vRest + scale * in[i], dt, refractory, spikes, i, this);
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

    private static final java.lang.invoke.VarHandle BITS = java.lang.invoke.MethodHandles.arrayElementVarHandle(long[].class);

    @Override
    public double analyticRate(double input) {
        double vInf = vRest + scale * input;
        if (!(vInf > vTh)) return 0;
        return 1.0 / (tauRef + tauM * Math.log((vInf - vReset) / (vInf - vTh)));
    }
}
