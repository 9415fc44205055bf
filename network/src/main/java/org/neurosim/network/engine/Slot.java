package org.neurosim.network.engine;

import org.neurosim.core.model.SpikeBuffer;

/**
 * One step's due rows of a projection's spikes in flight: (row, offset) entries. For an event-driven target
 * ({@link EventDelivery}) each entry also records where its row splits at the target's chunk boundaries, read when it
 * is scheduled (where a source's rows are adjacent: sequential reads), so that the workers do not look up rowStart and
 * the splits at random for every row.
 */
final class Slot {
    final SpikeBuffer rows = new SpikeBuffer();
    // for an event-driven target: entry k's row splits at the chunks' boundaries, bounds[k (chunks + 1) + c] the first
    // synapse onto chunk c
    int[] bounds = new int[0];

    int add(int row, double offset) {
        int k = rows.count();
        rows.spike(row, offset);
        return k;
    }

    void copy(Slot other, int width) {
        rows.clear();
        rows.addAll(other.rows);
        int n = rows.count();
        if (width > 0) {
            if (bounds.length < n * width) bounds = new int[Math.max(n * width, other.bounds.length)];
            System.arraycopy(other.bounds, 0, bounds, 0, n * width);
        }
    }
}
