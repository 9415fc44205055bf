package org.neurosim.core.synapse;

/**
 * The synapses of one projection as a rule sees them, in the projection's storage order (rows sorted by target):
 * synapse s of row r, for s in {@code rowStart[r] .. rowStart[r+1])}, goes to neuron {@code targets[s]}. A row is
 * one source's synapses, or, when the delays are drawn per synapse, the synapses of one source that share a delay
 * (the rows of source j are then {@code sourceRows[j] .. sourceRows[j+1])}; null when rows are sources). {@code weights} holds one weight per synapse (SI, writable by the rule), or is null when the
 * projection has the single weight {@code weight}. {@code weightDimension} is what a weight is here (a rule's bounds
 * are parsed in it), and {@code seed} seeds a rule that draws random numbers.
 */
public record SynapseContext(String key, double dt, int sources, int targetCount, int[] rowStart, int[] sourceRows,
                             int[] targets,
                             float[] weights, double weight,
                             org.neurosim.core.units.Dimension weightDimension, long seed) {
    public int count() {
        return targets.length;
    }

    public int rows() {
        return rowStart.length - 1;
    }

    /** The source neuron of row r. */
    public int source(int row) {
        return sourceOf(sourceRows, row);
    }

    /** The source of row r given the rows of each source (null: rows are sources); a binary search. */
    public static int sourceOf(int[] sourceRows, int row) {
        if (sourceRows == null) return row;
        int lo = 0, hi = sourceRows.length - 2;   // the last j with sourceRows[j] <= row
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (sourceRows[mid] <= row) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
}
