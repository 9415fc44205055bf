package org.neurosim.network.engine;

import org.neurosim.core.model.SpikeBuffer;

/**
 * One step's due rows of a projection's spikes in flight: (row, offset) entries. For an event-driven target
 * ({@link EventDelivery}) each entry also carries what a unit arrival at that offset adds to the membrane and to the
 * filter by the step's end, computed once per presynaptic spike when it is scheduled (a spike reaches a step through
 * at most one of its rows, so the rows of a step share nothing to compute once), and where its row splits at the
 * target's chunk boundaries.
 */
final class Slot {
    final SpikeBuffer rows = new SpikeBuffer();
    double[] response = new double[64], gain = new double[64];
    // for an event-driven target: entry k's row splits at the chunks' boundaries, bounds[k (chunks + 1) + c] the first
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
