package org.neurosim.network.engine;

import org.neurosim.core.model.SpikeBuffer;

/**
 * A static projection onto a population on the grid (exact-grid): each spike's weights go into the ring slots of the
 * steps its arrivals reach when it is emitted, summed per target (NEST's ring buffers); nothing waits in the
 * projection's own ring.
 */
final class GridDelivery extends Delivery {
    /** The target's input index of this projection's filter, or -1 for a delta synapse (the jump ring). */
    final int input;

    GridDelivery(SparseProjection pr, int input) {
        super(pr);
        this.input = input;
    }

    @Override
    String kind() {
        return "grid";
    }

    @Override
    boolean endsStepBefore() {
        return true;
    }

    @Override
    void arrived(SpikeBuffer arrived, SpikeBuffer late, long n, double dt) {
        throw new IllegalStateException("projection " + pr.label + ": its spikes enter the grid's rings when emitted");
    }

    /**
     * At the end of step n on the worker of the target's delivery chunk c: each spike of step n adds its weights to
     * the ring slots of the steps whose starts it reaches (arriving at t + d, it enters at the first grid point not
     * before that and after step n; a time within {@link SparseProjection#ON_GRID} of a grid point counts as on it,
     * as decimal times are not exact multiples of dt), once per synapse, source after source in spike order, row
     * after row: a sequential pass over each source's synapses, and each target's sums in the same order at any
     * chunking. A delta synapse's jump at t is taken at the end of the step before (the slot of step m is read as
     * step m - 1 ends), so its earliest slot is n + 2: a delay below one step counts as one (NEST's minimum delay).
     */
    void deliver(long n, double dt, double[][] ring, int c) {
        SpikeBuffer spikes = pr.source.spikes;
        int slots = ring.length;
        double eps = SparseProjection.ON_GRID * dt;
        long earliest = n + (pr.group == null ? 2 : 1);
        SparseProjection.Rows rows = pr.rows;
        for (int k = 0, count = spikes.count(); k < count; k++) {
            int j = spikes.neuron(k);
            double offset = spikes.offset(k);
            if (rows != null) {   // whole-step delays of at least one step: the arrival keeps the spike's offset
                long base = n + (offset > eps ? 1 : 0);
                char[] delay = rows.rowDelay();
                for (int r = rows.sourceRows()[j], last = rows.sourceRows()[j + 1]; r < last; r++) {
                    addRow(ring[(int) (Math.max(earliest, base + delay[r]) % slots)], r, c);
                }
            } else {
                double t = offset + pr.delayFraction;   // in [0, 2 dt)
                long m = Math.max(earliest, n + pr.delaySteps + (t > dt + eps ? 2 : t > eps ? 1 : 0));
                addRow(ring[(int) (m % slots)], j, c);
            }
        }
    }

    /** Row r's synapses onto chunk c of the target: their weights into the sums {@code into}. */
    private void addRow(double[] into, int r, int c) {
        int from = pr.chunkStart(r, c), to = pr.chunkEnd(r, c);
        int[] tg = pr.targets;
        float[] ws = pr.weights;
        if (ws == null) {
            double w = pr.weight;
            for (int s = from; s < to; s++) into[tg[s]] += w;
        } else {
            for (int s = from; s < to; s++) into[tg[s]] += ws[s];
        }
    }
}
