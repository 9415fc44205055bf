package org.neurosim.network.engine;

import org.neurosim.core.model.SpikeBuffer;
import org.neurosim.core.synapse.SynapseDynamics;

/**
 * Connections from a spiking population, stored compactly by source (CSR): the targets of source j are
 * {@code targets[rowStart[j] .. rowStart[j+1])}, each row sorted, with one weight per synapse in {@code weights}
 * or a single {@code weight} for all (4 bytes per synapse then, 8 otherwise). Spikes wait {@code delaySteps} whole
 * steps in a ring buffer, then enter the target's synaptic filter ({@code group}) at their exact times, or, without
 * a filter (a delta synapse), make the target's membrane jump. What a spike transmits is the synapse model's: the
 * stored weight for a static synapse (delivered straight from the weights), else the efficacy the model writes.
 */
public final class SparseProjection extends Projection {
    final int[] rowStart;
    final int[] targets;
    final float[] weights;
    final double weight;
    final SynapseDynamics synapse;
    private final boolean isStatic;
    private final float[] efficacy;         // per synapse, written by a non-static synapse model
    final int delaySteps;
    final SynapseGroup group;              // null: instant (delta)
    private final int jumpVariable;        // instant spikes add their weight to this state variable of the target
    private final SpikeBuffer[] ring;
    // parallel delivery through a filter: the spikes due, staged on one thread, then applied by every worker to the
    // targets of its own chunk; rows are sorted, so split[j * (chunks - 1) + c - 1] is the first synapse of row j
    // whose target lies in chunk c (c = 1 .. chunks - 1)
    private final SpikeBuffer staged = new SpikeBuffer();
    private long stagedStep;
    private int chunks = 1;
    private int[] split;
    // postsynaptic spikes for the synapse model: incoming[inStart[i] .. inStart[i+1]) are the synapses onto i
    private int[] inStart, incoming;

    public SparseProjection(String label, Population source, Population target, int[] rowStart, int[] targets,
                            float[] weights, double weight, SynapseDynamics synapse, int delaySteps,
                            SynapseGroup group) {
        super(label, source, target);
        this.rowStart = rowStart;
        this.targets = targets;
        this.weights = weights;
        this.weight = weight;
        this.synapse = synapse;
        this.isStatic = synapse.isStatic();
        this.efficacy = isStatic ? null : new float[targets.length];
        this.delaySteps = delaySteps;
        this.group = group;
        this.jumpVariable = group == null ? target.dynamics.spikeRule().membrane() : -1;
        this.ring = delaySteps > 0 ? new SpikeBuffer[delaySteps + 1] : null;
        if (ring != null) for (int k = 0; k < ring.length; k++) ring[k] = new SpikeBuffer();
        if (synapse.needsPostsynaptic()) indexIncoming();
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

    boolean hearsPostsynaptic() {
        return inStart != null;
    }

    /** Tells the synapse model of the target spikes of one chunk's step (on that chunk's thread). */
    void postsynaptic(SpikeBuffer targetSpikes, double stepStart) {
        for (int k = 0; k < targetSpikes.count(); k++) {
            int i = targetSpikes.neuron(k);
            synapse.postsynaptic(i, stepStart + targetSpikes.offset(k), incoming, inStart[i], inStart[i + 1]);
        }
    }

    /** This step's source spikes after delaySteps steps, from the ring (or at once without a delay). */
    private SpikeBuffer due(long step) {
        if (ring == null) return source.spikes;
        ring[(int) ((step + delaySteps) % ring.length)].addAll(source.spikes);
        return ring[(int) (step % ring.length)];
    }

    /** Delta synapses: the targets jump now, on the calling thread (state monitors see the jump in this step). */
    void deliverNow(long step, double dt) {
        SpikeBuffer due = due(step);
        double[] jumped = target.state()[jumpVariable];
        for (int k = 0; k < due.count(); k++) {
            int j = due.neuron(k);
            int from = rowStart[j], to = rowStart[j + 1];
            if (isStatic) {
                for (int s = from; s < to; s++) jumped[targets[s]] += weights == null ? weight : weights[s];
            } else {
                synapse.presynaptic(j, from, to, step * dt + due.offset(k), efficacy);
                for (int s = from; s < to; s++) jumped[targets[s]] += efficacy[s];
            }
        }
        if (ring != null) due.clear();
    }

    /** Filtered synapses: stages the spikes due in this step; the workers apply them (deliverStaged) next. */
    void stage(long step) {
        SpikeBuffer due = due(step);
        staged.clear();
        staged.addAll(due);
        stagedStep = step;
        if (ring != null) due.clear();
    }

    /**
     * Splits every row at the target chunk boundaries, so that each worker can add the staged spikes to its own
     * targets only (no two threads write one filter state, and each target's sum keeps the serial order).
     */
    void chunkTargets(int chunks) {
        this.chunks = chunks;
        this.split = null;
        if (chunks <= 1 || group == null) return;
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
        this.split = sp;
    }

    /** Adds the staged spikes to the targets of chunk c (all targets when unchunked). */
    void deliverStaged(double dt, int c) {
        SpikeBuffer due = staged;
        int cs = chunks;
        for (int k = 0; k < due.count(); k++) {
            int j = due.neuron(k);
            int from = c == 0 ? rowStart[j] : split[j * (cs - 1) + c - 1];
            int to = c == cs - 1 ? rowStart[j + 1] : split[j * (cs - 1) + c];
            if (from >= to) continue;
            double offset = due.offset(k);
            if (isStatic) {
                group.filter.addSpikes(targets, from, to, weights, weight, dt - offset);
            } else {
                synapse.presynaptic(j, from, to, stagedStep * dt + offset, efficacy);
                group.filter.addSpikes(targets, from, to, efficacy, 0, dt - offset);
            }
        }
    }

    /** Applies and drops what is staged, on one thread (at the end of a run). */
    void deliverStagedNow(double dt) {
        for (int c = 0; c < chunks; c++) deliverStaged(dt, c);
        staged.clear();
    }
}
