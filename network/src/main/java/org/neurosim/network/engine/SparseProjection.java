package org.neurosim.network.engine;

import org.neurosim.core.model.SpikeBuffer;
import org.neurosim.core.synapse.SynapseDynamics;

/**
 * Connections from a spiking population, stored compactly by source (CSR): the targets of source j are
 * {@code targets[rowStart[j] .. rowStart[j+1])}, each row sorted, with one weight per synapse in {@code weights}
 * or a single {@code weight} for all (4 bytes per synapse then, 8 otherwise). With delays drawn per synapse a row
 * is the synapses of one source that share a delay ({@link Rows}: 6 bytes more per row). What a spike transmits is
 * the synapse model's: the stored weight for a static synapse, else the efficacy the model's {@code transmit} writes.
 *
 * <p>Timing: a spike emitted at t with delay d arrives at exactly t + d. Spikes in flight wait in a ring of
 * {@link Slot}s, one per step, each arrival in the slot of its step with its offset inside that step ({@link
 * #schedule}); an arrival inside the emitting step itself (delay 0, or shorter than the rest of the step) is "late".
 * How the step's arrivals then reach the target is the {@link Delivery} the engine chose for this run (into a filter,
 * as jumps, as events, into the grid's rings); a learning model hears the step's arrivals and the target's spikes in
 * time order, on one thread, at the end of the step ({@link Learning}).
 */
public final class SparseProjection extends Projection {
    // Over 300 lines: the storage (CSR, rows, spikes in flight, chunk splits), its schedule and
    // checkpoint; a third is the accessors recorders and Python read.
    final int[] rowStart;
    final int[] targets;
    final float[] weights;
    final double weight;
    final SynapseDynamics synapse;
    private final boolean isStatic;
    final double[] efficacy;               // per synapse, written by a non-static synapse model (in double)
    final int delaySteps;                  // the delay is delaySteps dt + delayFraction, 0 <= delayFraction < dt
    final double delayFraction;
    final Rows rows;                       // null: one delay for all, and rows are sources
    /** What a weight is: a membrane jump, a charge or current, a conductance (for plots and messages). */
    public final org.neurosim.core.units.Dimension weightDimension;
    final SynapseGroup group;              // null: instant (delta)
    private final Slot[] ring;             // spikes in flight: the slot of step m is m % ring.length
    private final SpikeBuffer late = new SpikeBuffer();   // arrivals inside the step that emitted them
    private final Learning learning;       // null: the synapse model does not learn
    private Delivery delivery;             // set by the engine for each run
    // rows split at the target's chunk boundaries (rows are sorted): split[j * (chunks - 1) + c - 1] is the first
    // synapse of row j whose target lies in chunk c (c = 1 .. chunks - 1), so each worker adds to its own targets
    private int chunks = 1;
    private int[] split;

    /**
     * Delays drawn per synapse: rows are (source, delay) groups; row r arrives {@code rowDelay[r]} whole steps
     * after its source's spike, and the rows of source j are {@code sourceRows[j] .. sourceRows[j+1])}.
     */
    public record Rows(char[] rowDelay, int[] sourceRows, int maxDelay) { }

    public SparseProjection(String label, Population source, NeuronPopulation target, int[] rowStart, int[] targets,
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
        this.ring = new Slot[(rows == null ? delaySteps : rows.maxDelay()) + 2];
        for (int k = 0; k < ring.length; k++) ring[k] = new Slot();
        this.learning = synapse.learns() ? new Learning(this) : null;
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

    /** The number of rows: (source, delay) groups with delays per synapse, else sources. */
    long rowCount() {
        return rowStart.length - 1;
    }

    boolean learns() {
        return learning != null;
    }

    /** True for a synapse model that only transmits its stored weight. */
    boolean isStatic() {
        return isStatic;
    }

    /** The delivery of this run (see {@link Delivery}), chosen by the engine. */
    Delivery delivery() {
        return delivery;
    }

    /** How this run's arrivals reach the target: filter, jump, events or grid (for summary.json). */
    public String deliveryKind() {
        return delivery == null ? "none" : delivery.kind();
    }

    void deliverBy(Delivery d) {
        this.delivery = d;
    }

    Slot[] ring() {
        return ring;
    }

    SpikeBuffer late() {
        return late;
    }

    /**
     * NEST's delay convention for the learning rule (stdp_synapse: the whole delay d is dendritic): the rule pairs a
     * presynaptic spike at t_pre with postsynaptic spikes as they reach the synapse at t_post + d, so a pair's lag is
     * t_post + d - t_pre. Here presynaptic spikes reach the rule when they arrive, at t_pre + d, so postsynaptic
     * spikes are handed to it 2d late, at t_post + 2d: the same lags, in the same order. The spikes still travel to
     * the target with the delay d. Needs one delay for the projection.
     */
    public void timeDendritically() {
        if (rows != null || learning == null) throw new IllegalStateException("dendritic timing: one delay, a learning rule");
        learning.timeDendritically();
    }

    /**
     * At the end of step n, on one thread (or any worker when the delivery {@link Delivery#schedulesAlone}): the
     * source's spikes of step n go to the slots of their arrival steps (or to {@code late}); the delivery takes the
     * arrivals of step n and the late ones; the learning rule hears them.
     */
    void schedule(long n, double dt) {
        SpikeBuffer spikes = source.spikes;
        Delivery d = delivery;
        late.clear();
        boolean endsStepBefore = d.endsStepBefore();
        for (int k = 0; k < spikes.count(); k++) {
            double offset = spikes.offset(k);
            if (rows != null) {   // one entry per (source, delay) row: whole steps, the offset kept
                int j = spikes.neuron(k);
                // onto the grid or as a jump, an arrival at a grid point is the end of the step before
                boolean onPoint = endsStepBefore && offset <= ON_GRID * dt;
                for (int r = rows.sourceRows()[j]; r < rows.sourceRows()[j + 1]; r++) {
                    int delay = rows.rowDelay()[r] - (onPoint ? 1 : 0);
                    add(ring[(int) ((n + delay) % ring.length)], r, onPoint ? dt : offset);
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
                add(ring[(int) ((n + steps) % ring.length)], spikes.neuron(k), offset);
            }
        }
        SpikeBuffer arrived = ring[(int) (n % ring.length)].rows;
        d.arrived(arrived, late, n, dt);
        if (learning != null) learning.learn(n, dt, arrived, late);
        arrived.clear();
        if (d instanceof EventDelivery events) events.setAside(n);
    }

    private void add(Slot slot, int row, double offset) {
        int k = slot.add(row, offset);
        delivery.added(slot, k, row);
    }

    /**
     * For a target on the grid, the steps from a spike's step to the last step its arrivals can reach, which is how
     * many slots the filter's ring needs (its slot of step m is m % slots).
     */
    int gridReach() {
        return (rows != null ? rows.maxDelay() + 1 : delaySteps + 2) + (group == null ? 1 : 0);
    }

    /** How close to a grid point, in steps, an arrival counts as on it (the engine's one rule, {@link org.neurosim.core.StepTime}). */
    static final double ON_GRID = org.neurosim.core.StepTime.ON_GRID;

    /** Splits every row at the target's chunk boundaries (see {@code split}), for a delivery that adds per chunk. */
    void chunkTargets(int chunks) {
        this.chunks = chunks;
        this.split = null;
        if (chunks > 1 && delivery.splitsRows()) split = splitRows(chunks);
        delivery.rechunked();
    }

    int chunks() {
        return chunks;
    }

    /** The first synapse of row r onto chunk c of the target. */
    int chunkStart(int r, int c) {
        return c == 0 ? rowStart[r] : split == null ? rowStart[r + 1] : split[r * (chunks - 1) + c - 1];
    }

    /** One past the last synapse of row r onto chunk c of the target. */
    int chunkEnd(int r, int c) {
        return c == chunks - 1 ? rowStart[r + 1] : chunkStart(r, c + 1);
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

    /**
     * Spikes in flight (every ring slot, in slot order) and the synapse model's state. Saved between steps, after
     * the staged spikes have entered their filters ({@link Engine#deliverStaged}), so nothing else is pending.
     */
    public void save(org.neurosim.core.checkpoint.StateWriter out) {
        out.section("projection " + label).writeInt(ring.length);
        for (Slot slot : ring) slot.rows.save(out);
        synapse.save(out);
        if (learning != null) learning.save(out);   // postsynaptic spikes on their way to the rule (dendritic timing)
    }

    /** The inverse of {@link #save}; an event delivery made after it takes the slot of the step made next. */
    public void restore(org.neurosim.core.checkpoint.StateReader in, long clock) {
        in.section("projection " + label);
        int slots = in.readInt();
        if (slots != ring.length) throw in.mismatch("projection " + label + " has " + slots + " delay slots saved, "
                + ring.length + " here");
        for (Slot slot : ring) slot.rows.restore(in, "projection " + label + " spikes in flight");
        late.clear();
        synapse.restore(in);
        if (learning != null) learning.restore(in);
    }
}
