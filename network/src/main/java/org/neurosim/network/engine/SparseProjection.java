package org.neurosim.network.engine;

import org.neurosim.core.model.SpikeBuffer;
import org.neurosim.core.synapse.SynapseDynamics;

/**
 * Connections from a spiking population, stored compactly by source (CSR): the targets of source j are
 * {@code targets[rowStart[j] .. rowStart[j+1])}, each row sorted, with one weight per synapse in {@code weights}
 * or a single {@code weight} for all (4 bytes per synapse then, 8 otherwise). With delays drawn per synapse a row
 * is the synapses of one source that share a delay ({@link Rows}: 6 bytes more per row). Spikes wait in a ring
 * buffer (one entry per row reached), then enter the target's synaptic filter ({@code group}) at their exact times,
 * or, without a filter (a delta synapse), make the target's membrane jump. What a spike transmits is the synapse
 * model's: the stored weight for a static synapse (delivered straight from the weights), else the efficacy the
 * model's {@code transmit} writes; a learning model then hears the step's arrivals and the target's spikes in time
 * order, on one thread, at the end of the step ({@code learn}).
 *
 * <p>Timing: a spike emitted at t with delay d arrives at exactly t + d. The ring holds each arrival in the slot of
 * its step with its offset inside that step, so a step's arrivals through delays of at least the rest of the
 * emitting step are all known when the step begins (NEST's min-delay principle); a target that integrates its
 * synapses exactly ({@link org.neurosim.core.model.ExactWithSynapses}) receives them then, each at its time. An
 * arrival inside the emitting step itself (delay 0, or shorter than the rest of the step) is "late": the filter
 * takes it at its exact time after the step, an exact target adds its membrane's response to it at the start of the
 * next step, and a threshold crossing it causes is found at that step's start.
 *
 * <p>Onto a population on the grid (exact-grid) a static projection puts each spike's weights into the target
 * filter's ring of arrival steps when the spike is emitted ({@link #deliverOnGrid}, no ring entry here); a plastic
 * one schedules as above and puts what its arrivals transmit into that ring as they arrive ({@link #gridRing}).
 */
public final class SparseProjection extends Projection {
    final int[] rowStart;
    final int[] targets;
    final float[] weights;
    final double weight;
    final SynapseDynamics synapse;
    private final boolean isStatic;
    private final double[] efficacy;        // per synapse, written by a non-static synapse model (in double)
    final int delaySteps;                  // the delay is delaySteps dt + delayFraction, 0 <= delayFraction < dt
    final double delayFraction;
    private final Rows rows;               // null: one delay for all, and rows are sources
    /** What a weight is: a membrane jump, a charge or current, a conductance (for plots and messages). */
    public final org.neurosim.core.units.Dimension weightDimension;
    final SynapseGroup group;              // null: instant (delta)
    private final int jumpVariable;        // instant spikes add their weight to this state variable of the target
    private final Slot[] ring;
    // parallel delivery through a filter: the spikes due, staged on one thread, then applied by every worker to the
    // targets of its own chunk; rows are sorted, so split[j * (chunks - 1) + c - 1] is the first synapse of row j
    // whose target lies in chunk c (c = 1 .. chunks - 1)
    private final SpikeBuffer staged = new SpikeBuffer();    // to add to the filter at the next step's start
    private final SpikeBuffer late = new SpikeBuffer();      // arrivals inside the step that emitted them
    private final Slot upcoming = new Slot();                // the next step's arrivals, for an exact target
    boolean exactTarget;                   // set by the engine: the target integrates this projection's arrivals
    boolean gridTarget;                    // set by the engine: spikes enter the target filter's ring when emitted
    private org.neurosim.core.model.ExactWithSynapses exactModel;
    private double exactDt;
    private final double[] gains = new double[2];
    int input = org.neurosim.core.model.Arrivals.JUMP;   // the target's input index of this filter
    private int chunks = 1;
    private int[] split;
    // postsynaptic spikes for the synapse model: incoming[inStart[i] .. inStart[i+1]) are the synapses onto i
    private int[] inStart, incoming;
    private final SpikeBuffer preSorted = new SpikeBuffer(), postSorted = new SpikeBuffer();
    // dendritic timing (timeDendritically): the target's spikes on their way to the rule, first-in first-out, each
    // at its time plus twice the delay (times in seconds from the start, targets); null for axonal timing
    private double[] postDueTime;
    private int[] postDueTarget;
    private int postHead, postCount;

    /**
     * Delays drawn per synapse: rows are (source, delay) groups; row r arrives {@code rowDelay[r]} whole steps
     * after its source's spike, and the rows of source j are {@code sourceRows[j] .. sourceRows[j+1])}.
     */
    public record Rows(char[] rowDelay, int[] sourceRows, int maxDelay) { }

    public SparseProjection(String label, Population source, Population target, int[] rowStart, int[] targets,
                            float[] weights, double weight, SynapseDynamics synapse, int delaySteps,
                            double delayFraction, Rows rows, SynapseGroup group,
                            org.neurosim.core.units.Dimension weightDimension) {
        super(label, source, target);
        this.rowStart = rowStart;
        this.targets = targets;
        this.weights = weights;
        this.weight = weight;
        this.synapse = synapse;
        this.isStatic = synapse.isStatic();
        this.efficacy = isStatic ? null : new double[targets.length];
        this.delaySteps = delaySteps;
        this.delayFraction = delayFraction;
        this.rows = rows;
        this.group = group;
        this.weightDimension = weightDimension;
        this.jumpVariable = group == null ? target.dynamics.spikeRule().membrane() : -1;
        this.ring = new Slot[(rows == null ? delaySteps : rows.maxDelay()) + 2];
        for (int k = 0; k < ring.length; k++) ring[k] = new Slot();
        if (synapse.learns()) indexIncoming();
    }

    /**
     * One step's due rows: (row, offset) entries, and for an exact target what a unit arrival at that offset adds to
     * the membrane and to the filter by the step's end, computed once per presynaptic spike when it is scheduled (a
     * spike reaches a step through at most one of its rows, so the rows of a step share nothing to compute once).
     */
    private static final class Slot {
        final SpikeBuffer rows = new SpikeBuffer();
        double[] response = new double[64], gain = new double[64];
        // for an exact target: entry k's row splits at the chunks' boundaries, bounds[k (chunks + 1) + c] the first
        // synapse onto chunk c; read at schedule time, where a source's rows are adjacent (sequential reads), so that
        // the workers do not look up rowStart and split at random for every row
        int[] bounds = new int[0];

        int add(int row, double offset, double g, double e) {
            int k = rows.count();
            rows.spike(row, offset);
            if (k == response.length) {
                response = java.util.Arrays.copyOf(response, 2 * k);
                gain = java.util.Arrays.copyOf(gain, 2 * k);
            }
            response[k] = g;
            gain[k] = e;
            return k;
        }

        void copy(Slot other, int width) {
            rows.clear();
            rows.addAll(other.rows);
            int n = rows.count();
            if (response.length < n) {
                response = new double[other.response.length];
                gain = new double[other.response.length];
            }
            System.arraycopy(other.response, 0, response, 0, n);
            System.arraycopy(other.gain, 0, gain, 0, n);
            if (width > 0) {
                if (bounds.length < n * width) bounds = new int[Math.max(n * width, other.bounds.length)];
                System.arraycopy(other.bounds, 0, bounds, 0, n * width);
            }
        }
    }

    /** Adds an entry for row {@code row} to the slot, with its chunk bounds when the target is exact. */
    private void add(Slot slot, int row, double offset, double g, double e) {
        int k = slot.add(row, offset, g, e);
        if (exactTarget) bound(slot, k, row);
    }

    private void bound(Slot slot, int k, int row) {
        int width = chunks + 1, at = k * width;
        if (slot.bounds.length < at + width) {
            slot.bounds = java.util.Arrays.copyOf(slot.bounds, Math.max(at + width, 2 * slot.bounds.length));
        }
        int[] b = slot.bounds;
        b[at] = rowStart[row];
        for (int c = 1; c < chunks; c++) {   // split is null only where there is one chunk
            b[at + c] = split == null ? rowStart[row + 1] : split[row * (chunks - 1) + c - 1];
        }
        b[at + chunks] = rowStart[row + 1];
    }

    /**
     * Set by the engine for a target that integrates this projection's arrivals: the model that gives each
     * spike's gains; the spikes already in flight (a continued or restored run) get theirs now.
     */
    void bindExact(org.neurosim.core.model.ExactWithSynapses model, double dt) {
        exactTarget = true;
        exactModel = model;
        exactDt = dt;
        for (Slot slot : ring) regain(slot);
        regain(upcoming);
    }

    private void regain(Slot slot) {
        for (int k = 0; k < slot.rows.count(); k++) {
            exactModel.arrivalGains(input, exactDt - slot.rows.offset(k), gains);
            slot.response[k] = gains[0];
            slot.gain[k] = gains[1];
        }
    }

    @Override
    public long synapseCount() {
        return targets.length;
    }

    public int[] rowStart() { return rowStart; }
    public int[] targets() { return targets; }
    /** Per-synapse weights, or null when {@link #weight} applies to all. */
    public float[] weights() { return weights; }
    public double weight() { return weight; }

    /** The synapses by target (CSC), for a synapse model that hears postsynaptic spikes. */
    private void indexIncoming() {
        int n = target.size;
        inStart = new int[n + 1];
        for (int t : targets) inStart[t + 1]++;
        for (int i = 0; i < n; i++) inStart[i + 1] += inStart[i];
        int[] fill = java.util.Arrays.copyOf(inStart, n);
        incoming = new int[targets.length];
        for (int s = 0; s < targets.length; s++) incoming[fill[targets[s]]++] = s;
    }

    /**
     * True when {@link #schedule} touches nothing but this projection's own spikes in flight (a static synapse onto
     * an exact target: no jump into the target, no staging, no learning), so that projections like it can be
     * scheduled on different threads at once.
     */
    /** The number of rows: (source, delay) groups with delays per synapse, else sources. */
    long rowCount() {
        return rowStart.length - 1;
    }

    boolean schedulesAlone() {
        return exactTarget && isStatic && inStart == null;
    }

    boolean learns() {
        return inStart != null;
    }

    /** True for a synapse model that only transmits its stored weight. */
    boolean isStatic() {
        return isStatic;
    }

    /**
     * NEST's delay convention for the learning rule (stdp_synapse: the whole delay d is dendritic): the rule pairs a
     * presynaptic spike at t_pre with postsynaptic spikes as they reach the synapse at t_post + d, so a pair's lag is
     * t_post + d - t_pre. Here presynaptic spikes reach the rule when they arrive, at t_pre + d, so postsynaptic
     * spikes are handed to it 2d late, at t_post + 2d: the same lags, in the same order. The spikes still travel to
     * the target with the delay d. Needs one delay for the projection.
     */
    public void timeDendritically() {
        if (rows != null || inStart == null) throw new IllegalStateException("dendritic timing: one delay, a learning rule");
        postDueTime = new double[64];
        postDueTarget = new int[64];
    }

    /** The target's spikes of step n (t0 = n dt) join the queue at their times plus 2d. */
    private void queuePost(SpikeBuffer post, double t0, double dt) {
        double shift = 2 * (delaySteps * dt + delayFraction);
        postSorted.clear();
        postSorted.addAll(post);
        postSorted.sortByOffset();
        for (int k = 0; k < postSorted.count(); k++) {
            if (postCount == postDueTime.length) {   // grow, unrolling the ring so that it starts at 0
                double[] t = new double[2 * postCount];
                int[] g = new int[2 * postCount];
                for (int j = 0; j < postCount; j++) {
                    t[j] = postDueTime[(postHead + j) % postCount];
                    g[j] = postDueTarget[(postHead + j) % postCount];
                }
                postDueTime = t;
                postDueTarget = g;
                postHead = 0;
            }
            int at = (postHead + postCount) % postDueTime.length;
            postDueTime[at] = t0 + postSorted.offset(k) + shift;
            postDueTarget[at] = postSorted.neuron(k);
            postCount++;
        }
    }

    /** The queued postsynaptic spikes due before t1, taken off the queue into postSorted as offsets from t0. */
    private void duePost(double t0, double t1) {
        postSorted.clear();
        while (postCount > 0 && postDueTime[postHead] < t1) {
            postSorted.spike(postDueTarget[postHead], postDueTime[postHead] - t0);
            postHead = (postHead + 1) % postDueTime.length;
            postCount--;
        }
    }

    /**
     * A learning rule's events of step n, on one thread: the step's arrivals (rows) and the target's spikes (or,
     * timed dendritically, those due now), in time order, an arrival first at equal times.
     */
    private void learn(long n, double dt, SpikeBuffer arrivedRows, SpikeBuffer lateRows) {
        SpikeBuffer post = target.spikes;
        double t0 = n * dt;
        if (postDueTime != null) {
            if (post.count() > 0) queuePost(post, t0, dt);
            if (arrivedRows.count() == 0 && lateRows.count() == 0 && postCount == 0) return;
            duePost(t0, t0 + dt);
        } else {
            if (arrivedRows.count() == 0 && lateRows.count() == 0 && post.count() == 0) return;
            postSorted.clear();
            postSorted.addAll(post);
            postSorted.sortByOffset();
        }
        preSorted.clear();
        preSorted.addAll(arrivedRows);
        preSorted.addAll(lateRows);
        preSorted.sortByOffset();
        int a = 0, b = 0, na = preSorted.count(), nb = postSorted.count();
        while (a < na || b < nb) {
            if (b == nb || (a < na && preSorted.offset(a) <= postSorted.offset(b))) {
                int r = preSorted.neuron(a);
                synapse.onPre(r, rowStart[r], rowStart[r + 1], t0 + preSorted.offset(a));
                a++;
            } else {
                int i = postSorted.neuron(b);
                synapse.onPost(i, t0 + postSorted.offset(b), incoming, inStart[i], inStart[i + 1]);
                b++;
            }
        }
    }

    /**
     * At the end of step n, on one thread: the source's spikes of step n go to the slots of their arrival steps (or
     * to {@code late}); the arrivals of step n and the late ones are staged for the filter (or, for a delta synapse
     * onto a target that does not integrate them, make it jump now); an exact target's arrivals of step n + 1 are
     * set aside for the workers.
     */
    void schedule(long n, double dt) {
        SpikeBuffer spikes = source.spikes;
        late.clear();
        // where arrivals take effect at the end of a step (jumps, rings of the grid, conductances: see atStepEnd),
        // one on a grid point takes effect at the end of the step ending there, as NEST applies an input arriving
        // at t + d (an exact target takes the arrival's own time)
        boolean endsStepBefore = gridRing != null || group == null && !exactTarget || atStepEnd();
        for (int k = 0; k < spikes.count(); k++) {
            double offset = spikes.offset(k);
            if (rows != null) {   // one entry per (source, delay) row: whole steps, the offset kept
                int j = spikes.neuron(k);
                double g = 0, e = 0;
                if (exactTarget) {
                    exactModel.arrivalGains(input, dt - offset, gains);
                    g = gains[0];
                    e = gains[1];
                }
                // onto the grid or as a jump, an arrival at a grid point is the end of the step before (see gridRing)
                boolean onPoint = endsStepBefore && offset <= ON_GRID * dt;
                for (int r = rows.sourceRows()[j]; r < rows.sourceRows()[j + 1]; r++) {
                    int d = rows.rowDelay()[r] - (onPoint ? 1 : 0);
                    add(ring[(int) ((n + d) % ring.length)], r, onPoint ? dt : offset, g, e);
                }
                continue;
            }
            int steps = delaySteps;
            if (delayFraction > 0) {   // whole-step delays keep the spike's offset exactly
                offset += delayFraction;
                if (offset >= dt) {
                    offset -= dt;
                    steps++;
                }
            }
            if (endsStepBefore && steps > 0 && offset <= ON_GRID * dt) {   // a grid point: the step before's end
                steps--;
                offset = dt;
            }
            if (steps == 0) {
                late.spike(spikes.neuron(k), offset);
            } else {
                double g = 0, e = 0;
                if (exactTarget) {
                    exactModel.arrivalGains(input, dt - offset, gains);
                    g = gains[0];
                    e = gains[1];
                }
                add(ring[(int) ((n + steps) % ring.length)], spikes.neuron(k), offset, g, e);
            }
        }
        SpikeBuffer arrived = ring[(int) (n % ring.length)].rows;
        if (exactTarget) {
            // the workers take these from `upcoming` and `late` (what the filter needs comes with them)
        } else if (gridRing != null) {
            toGrid(arrived, n, dt);
            toGrid(late, n, dt);
        } else if (group == null) {
            jump(arrived, n, dt);
            jump(late, n, dt);
        } else {
            staged.clear();
            staged.addAll(arrived);
            staged.addAll(late);
            if (!isStatic) transmitStaged(n * dt);
        }
        if (exactTarget && !isStatic) {   // late arrivals transmit before this step's learning (see deliverLate)
            for (int k = 0; k < late.count(); k++) {
                int j = late.neuron(k);
                synapse.transmit(j, rowStart[j], rowStart[j + 1], n * dt + late.offset(k), efficacy);
            }
        }
        if (inStart != null) learn(n, dt, arrived, late);
        arrived.clear();
        if (exactTarget) upcoming.copy(ring[(int) ((n + 1) % ring.length)], chunks + 1);
    }

    /**
     * For a target on the grid, the steps from a spike's step to the last step its arrivals can reach, which is how
     * many slots the filter's ring needs (its slot of step m is m % slots).
     */
    int gridReach() {
        return (rows != null ? rows.maxDelay() + 1 : delaySteps + 2) + (group == null ? 1 : 0);
    }

    /**
     * For a target on the grid ({@code gridTarget}), at the end of step n on the worker of the target's delivery
     * chunk c of {@code chunks}: each spike of step n adds its weights to the ring slots of the steps whose starts it
     * reaches (arriving at t + d, it enters at the first grid point not before that and after step n; a time within
     * {@link #ON_GRID} of a grid point counts as on it, as decimal times are not exact multiples of dt), once per
     * synapse, source after source in spike order, row after row: a sequential pass over each source's synapses,
     * and each target's sums in the same order at any chunking. A delta synapse's jump at t is taken at the end of
     * the step before (the slot of step m is read as step m - 1 ends), so its earliest slot is n + 2: a delay below
     * one step counts as one (NEST's minimum delay).
     */
    void deliverOnGrid(long n, double dt, double[][] ring, int c, int chunks) {
        SpikeBuffer spikes = source.spikes;
        int slots = ring.length;
        double eps = ON_GRID * dt;
        long earliest = n + (group == null ? 2 : 1);
        for (int k = 0, count = spikes.count(); k < count; k++) {
            int j = spikes.neuron(k);
            double offset = spikes.offset(k);
            if (rows != null) {   // whole-step delays of at least one step: the arrival keeps the spike's offset
                long base = n + (offset > eps ? 1 : 0);
                char[] delay = rows.rowDelay();
                for (int r = rows.sourceRows()[j], last = rows.sourceRows()[j + 1]; r < last; r++) {
                    addRow(ring[(int) (Math.max(earliest, base + delay[r]) % slots)], r, c, chunks);
                }
            } else {
                double t = offset + delayFraction;   // in [0, 2 dt)
                long m = Math.max(earliest, n + delaySteps + (t > dt + eps ? 2 : t > eps ? 1 : 0));
                addRow(ring[(int) (m % slots)], j, c, chunks);
            }
        }
    }

    /** How close to a grid point, in steps, an arrival counts as on it (the engine's one rule, {@link org.neurosim.core.StepTime}). */
    static final double ON_GRID = org.neurosim.core.StepTime.ON_GRID;

    /** Row r's synapses onto chunk c of the target: their weights into the sums {@code into}. */
    private void addRow(double[] into, int r, int c, int chunks) {
        int from = c == 0 ? rowStart[r] : split[r * (chunks - 1) + c - 1];
        int to = c == chunks - 1 ? rowStart[r + 1] : split[r * (chunks - 1) + c];
        int[] tg = targets;
        float[] ws = weights;
        if (ws == null) {
            double w = weight;
            for (int s = from; s < to; s++) into[tg[s]] += w;
        } else {
            for (int s = from; s < to; s++) into[tg[s]] += ws[s];
        }
    }

    /**
     * A plastic projection onto a population on the grid: the arrivals of step n (all at or before its end) transmit
     * at their times and enter the filter's ring at the next grid point, the start of step n + 1, after which the
     * rule hears them ({@link #learn}). An arrival exactly at a grid point was scheduled as the end of the step
     * before ({@link #schedule}), so that it too enters at that point.
     */
    double[][] gridRing;

    private void toGrid(SpikeBuffer due, long n, double dt) {
        double[] into = gridRing[(int) ((n + 1) % gridRing.length)];
        for (int k = 0; k < due.count(); k++) {
            int j = due.neuron(k);
            int from = rowStart[j], to = rowStart[j + 1];
            synapse.transmit(j, from, to, n * dt + due.offset(k), efficacy);
            for (int s = from; s < to; s++) into[targets[s]] += efficacy[s];
        }
    }

    /** Delta synapses onto a target that does not integrate them: the targets jump now, on the calling thread. */
    private void jump(SpikeBuffer due, long n, double dt) {
        double[] jumped = target.state()[jumpVariable];
        for (int k = 0; k < due.count(); k++) {
            int j = due.neuron(k);
            int from = rowStart[j], to = rowStart[j + 1];
            if (isStatic) {
                for (int s = from; s < to; s++) jumped[targets[s]] += weights == null ? weight : weights[s];
            } else {
                synapse.transmit(j, from, to, n * dt + due.offset(k), efficacy);
                for (int s = from; s < to; s++) jumped[targets[s]] += efficacy[s];
            }
        }
    }

    /**
     * For an exact target, on the worker of chunk c at the start of step n: this step's arrivals into {@code now},
     * each with the weight it transmits (once per step, after {@link #schedule}; the first step of a run takes what
     * the last one of the previous run left).
     */
    void collect(int c, long n, double dt, org.neurosim.core.model.Arrivals now) {
        SpikeBuffer due = upcoming.rows;
        double stepStart = n * dt;
        int[] bounds = upcoming.bounds;
        for (int k = 0, at = c, width = chunks + 1, count = due.count(); k < count; k++, at += width) {
            int from = bounds[at], to = bounds[at + 1];
            if (from >= to) continue;
            int j = due.neuron(k);
            double offset = due.offset(k);
            if (isStatic) {
                now.addRow(targets, from, to, weights, weight, offset, input, upcoming.response[k], upcoming.gain[k]);
            } else {   // what it transmits is a double: single arrivals, not a row of float weights
                synapse.transmit(j, from, to, stepStart + offset, efficacy);
                now.addEach(targets, from, to, efficacy, offset, input);
            }
        }
    }

    /**
     * For an exact target, on one thread at the end of step n: each late arrival adds w G(dt - t_a) to the membrane
     * of its targets that are not refractory (G once per presynaptic spike), and enters the filter at its time.
     */
    void deliverLate(long n, double dt, org.neurosim.core.model.ExactWithSynapses model, double[][] state) {
        for (int k = 0; k < late.count(); k++) {
            int j = late.neuron(k);
            int from = rowStart[j], to = rowStart[j + 1];
            if (from == to) continue;
            double age = dt - late.offset(k);
            if (isStatic) {
                model.addLate(state, targets, from, to, weights, weight, input, age);
                if (group != null) group.filter.addSpikes(targets, from, to, weights, weight, age);
            } else {   // transmitted in schedule
                model.addLate(state, targets, from, to, efficacy, input, age);
                if (group != null) group.filter.addSpikes(targets, efficacy, from, to, age);
            }
        }
    }

    /**
     * Splits every row at the target chunk boundaries, so that each worker can add the staged spikes to its own
     * targets only (no two threads write one filter state, and each target's sum keeps the serial order).
     */
    void chunkTargets(int chunks) {
        this.chunks = chunks;
        this.split = null;
        if (chunks > 1 && (group != null || exactTarget || gridTarget)) split = splitRows(chunks);
        if (exactTarget) {   // entries in flight (a continued or restored run) get the bounds of these chunks
            for (Slot slot : ring) rebound(slot);
            rebound(upcoming);
        }
    }

    /** split[j (chunks - 1) + c - 1]: the first synapse of row j whose target lies in chunk c. */
    private int[] splitRows(int chunks) {
        int rows = rowStart.length - 1;
        int[] sp = new int[rows * (chunks - 1)];
        for (int j = 0; j < rows; j++) {
            for (int c = 1; c < chunks; c++) {
                int bound = Parallel.start(c, chunks, target.size);
                int lo = c == 1 ? rowStart[j] : sp[j * (chunks - 1) + c - 2], hi = rowStart[j + 1];
                while (lo < hi) {   // first synapse of the row with target >= bound
                    int mid = (lo + hi) >>> 1;
                    if (targets[mid] < bound) lo = mid + 1; else hi = mid;
                }
                sp[j * (chunks - 1) + c - 1] = lo;
            }
        }
        return sp;
    }

    private void rebound(Slot slot) {
        for (int k = 0; k < slot.rows.count(); k++) bound(slot, k, slot.rows.neuron(k));
    }

    /**
     * True when this projection's arrivals enter its filter with their full weight at the end of their step: a
     * conductance onto a population whose integrator samples it (any but an exact target's), as NEST's
     * iaf_cond_exp takes its spikes at grid points. Its integrator then follows the conductance's exact course from
     * there ({@link ConductanceCourse}), so each spike's conductance integral, int g dt = w tau for an exponential,
     * is whole, only up to one step late. (Decayed from its time inside the step instead, the part before the
     * step's end would be lost: up to 1 - exp(-dt / tau), 39% with tau = 0.2 ms at dt 0.1 ms.)
     */
    private boolean atStepEnd() {
        return group != null && group.conductance && !exactTarget && gridRing == null;
    }

    /** Adds the staged spikes to the targets of chunk c (all targets when unchunked); not for exact targets. */
    void deliverStaged(double dt, int c) {
        boolean whole = atStepEnd();
        SpikeBuffer due = staged;
        int cs = chunks;
        for (int k = 0; k < due.count(); k++) {
            int j = due.neuron(k);
            int from = c == 0 ? rowStart[j] : split[j * (cs - 1) + c - 1];
            int to = c == cs - 1 ? rowStart[j + 1] : split[j * (cs - 1) + c];
            if (from >= to) continue;
            double since = whole ? 0 : dt - due.offset(k);
            if (isStatic) group.filter.addSpikes(targets, from, to, weights, weight, since);
            else group.filter.addSpikes(targets, efficacy, from, to, since);   // see transmitStaged
        }
    }

    /**
     * What the staged spikes transmit, on one thread while they are staged (so a learning rule's changes of this
     * step, made right after, come after the transmission, as on the other paths).
     */
    private void transmitStaged(double stepStart) {
        for (int k = 0; k < staged.count(); k++) {
            int j = staged.neuron(k);
            synapse.transmit(j, rowStart[j], rowStart[j + 1], stepStart + staged.offset(k), efficacy);
        }
    }

    /** The synapse model (for recorders). */
    public SynapseDynamics synapse() {
        return synapse;
    }

    /** Every synapse's weight as its synapse model holds it now (learned ones included), in storage order. */
    public double[] currentWeights() {
        double[] w = new double[targets.length];
        for (int s = 0; s < w.length; s++) w[s] = synapse.weight(s);
        return w;
    }

    /** The source neuron of every synapse, in storage order (beside {@link #targets()}). */
    public int[] sources() {
        int[] out = new int[targets.length];
        for (int r = 0; r + 1 < rowStart.length; r++) java.util.Arrays.fill(out, rowStart[r], rowStart[r + 1], rowSource(r));
        return out;
    }

    /**
     * Every synapse's delay in seconds, in storage order (beside {@link #sources()} and {@link #targets()}): its row's
     * whole steps times {@code dt} with delays per synapse, else the projection's one delay.
     */
    public double[] delays(double dt) {
        double[] out = new double[targets.length];
        if (rows == null) {
            java.util.Arrays.fill(out, delaySteps * dt + delayFraction);
        } else {
            for (int r = 0; r + 1 < rowStart.length; r++) {
                java.util.Arrays.fill(out, rowStart[r], rowStart[r + 1], rows.rowDelay()[r] * dt);
            }
        }
        return out;
    }

    /** The shortest delay of a synapse in seconds (the projection's delay when it has no synapse). */
    public double minDelay(double dt) {
        if (rows == null || rows.rowDelay().length == 0) return delaySteps * dt + delayFraction;
        int lo = Integer.MAX_VALUE;
        for (char d : rows.rowDelay()) lo = Math.min(lo, d);
        return lo * dt;
    }

    /** The source neuron of row r. */
    public int rowSource(int r) {
        return org.neurosim.core.synapse.SynapseContext.sourceOf(rows == null ? null : rows.sourceRows(), r);
    }

    /** The delay of row r in whole steps, or -1 when the projection has one delay for all its rows. */
    public int rowDelaySteps(int r) {
        return rows == null ? -1 : rows.rowDelay()[r];
    }

    /** Applies and drops what is staged, on one thread (at the end of a run). */
    void deliverStagedNow(double dt) {
        for (int c = 0; c < chunks; c++) deliverStaged(dt, c);
        staged.clear();
    }

    /**
     * Spikes in flight (every ring slot, in slot order) and the synapse model's state. Saved between steps, after
     * the staged spikes have entered their filters ({@link Engine#deliverStaged}), so nothing else is pending.
     */
    public void save(org.neurosim.core.checkpoint.StateWriter out) {
        out.section("projection " + label).writeInt(ring.length);
        for (Slot slot : ring) slot.rows.save(out);
        synapse.save(out);
        if (postDueTime != null) {   // postsynaptic spikes on their way to the rule (dendritic timing only)
            double[] t = new double[postCount];
            double[] g = new double[postCount];
            for (int j = 0; j < postCount; j++) {
                t[j] = postDueTime[(postHead + j) % postDueTime.length];
                g[j] = postDueTarget[(postHead + j) % postDueTime.length];
            }
            out.section("dendritic queue").doubles(t).doubles(g);
        }
    }

    /** The inverse of {@link #save}; {@code clock} is the step the restored network makes next. */
    public void restore(org.neurosim.core.checkpoint.StateReader in, long clock) {
        in.section("projection " + label);
        int slots = in.readInt();
        if (slots != ring.length) throw in.mismatch("projection " + label + " has " + slots + " delay slots saved, "
                + ring.length + " here");
        for (Slot slot : ring) {   // their gains are the engine's to give (bindExact)
            slot.rows.restore(in, "projection " + label + " spikes in flight");
            slot.response = new double[Math.max(64, slot.rows.count())];
            slot.gain = new double[slot.response.length];
        }
        staged.clear();
        late.clear();
        synapse.restore(in);
        if (postDueTime != null) {
            in.section("dendritic queue");
            double[] t = in.doubles("dendritic queue times"), g = in.doubles("dendritic queue targets");
            if (g.length != t.length) throw in.mismatch("dendritic queue of projection " + label + ": lengths differ");
            postDueTime = java.util.Arrays.copyOf(t, Math.max(64, t.length));
            postDueTarget = new int[postDueTime.length];
            for (int j = 0; j < g.length; j++) postDueTarget[j] = (int) g[j];
            postHead = 0;
            postCount = t.length;
        }
        upcoming.copy(ring[(int) (clock % ring.length)], 0);   // what schedule() set aside at the end of the last step
        // (the chunk bounds are the engine's too: chunkTargets)
    }
}
