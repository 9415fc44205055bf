package org.neurosim.network;

/**
 * Connections from one population to another. Sparse projections from spiking sources are stored compactly by
 * source (CSR): the targets of source j are {@code targets[rowStart[j] .. rowStart[j+1])}, with one weight per
 * synapse in {@code weights} or a single {@code weight} for all (4 bytes per synapse then, 8 otherwise). A
 * projection from a rate population holds a dense matrix W (rows = targets) and adds W y to the target's input.
 * Spikes wait {@code delaySteps} whole steps in a ring buffer before they reach the synapses.
 */
final class Projection {
    final String label;
    final Population source;
    final Population target;
    // sparse
    final int[] rowStart;
    final int[] targets;
    final float[] weights;
    final double weight;
    // dense
    final double[][] matrix;
    // delivery
    final int delaySteps;
    final SynapseGroup group;     // null: instant (delta) or dense
    final int jumpVariable;       // instant spikes add their weight to this state variable of the target
    private final SpikeBuffer[] ring;
    // parallel delivery through a filter: the spikes due, staged on one thread, then applied by every worker to the
    // targets of its own chunk; rows are sorted, so split[j * (chunks - 1) + c - 1] is the first synapse of row j
    // whose target lies in chunk c (c = 1 .. chunks - 1)
    private final SpikeBuffer staged = new SpikeBuffer();
    private int chunks = 1;
    private int[] split;

    Projection(String label, Population source, Population target, int[] rowStart, int[] targets, float[] weights,
               double weight, double[][] matrix, int delaySteps, SynapseGroup group, int jumpVariable) {
        this.label = label;
        this.source = source;
        this.target = target;
        this.rowStart = rowStart;
        this.targets = targets;
        this.weights = weights;
        this.weight = weight;
        this.matrix = matrix;
        this.delaySteps = delaySteps;
        this.group = group;
        this.jumpVariable = jumpVariable;
        this.ring = delaySteps > 0 ? new SpikeBuffer[delaySteps + 1] : null;
        if (ring != null) for (int k = 0; k < ring.length; k++) ring[k] = new SpikeBuffer();
    }

    long synapseCount() {
        if (matrix != null) {
            long n = 0;
            for (double[] row : matrix) for (double w : row) if (w != 0) n++;
            return n;
        }
        return targets.length;
    }

    boolean dense() {
        return matrix != null;
    }

    /** Adds W y(source) to the target's input (rate projections). */
    void addRateInput() {
        double[] y = source.state()[0];
        double[] cur = target.drive.current;
        for (int i = 0; i < matrix.length; i++) {
            double[] row = matrix[i];
            double sum = 0;
            for (int j = 0; j < row.length; j++) sum += row[j] * y[j];
            cur[i] += sum;
        }
    }

    /** This step's source spikes after delaySteps steps, from the ring (or at once without a delay). */
    private SpikeBuffer due(long step) {
        if (ring == null) return source.spikes;
        ring[(int) ((step + delaySteps) % ring.length)].addAll(source.spikes);
        return ring[(int) (step % ring.length)];
    }

    /** Delta synapses: the targets jump now, on the calling thread (state monitors see the jump in this step). */
    void deliverNow(long step) {
        SpikeBuffer due = due(step);
        double[] jumped = target.state()[jumpVariable];
        for (int k = 0; k < due.count; k++) {
            int j = due.neurons[k];
            for (int s = rowStart[j], to = rowStart[j + 1]; s < to; s++) {
                jumped[targets[s]] += weights == null ? weight : weights[s];
            }
        }
        if (ring != null) due.clear();
    }

    /** Filtered synapses: stages the spikes due in this step; the workers apply them (deliverStaged) next. */
    void stage(long step) {
        SpikeBuffer due = due(step);
        staged.clear();
        staged.addAll(due);
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
        for (int k = 0; k < due.count; k++) {
            int j = due.neurons[k];
            int from = c == 0 ? rowStart[j] : split[j * (cs - 1) + c - 1];
            int to = c == cs - 1 ? rowStart[j + 1] : split[j * (cs - 1) + c];
            if (from < to) group.filter.addSpikes(targets, from, to, weights, weight, dt - due.offsets[k]);
        }
    }

    /** Applies and drops what is staged, on one thread (at the end of a run). */
    void deliverStagedNow(double dt) {
        for (int c = 0; c < chunks; c++) deliverStaged(dt, c);
        staged.clear();
    }
}
