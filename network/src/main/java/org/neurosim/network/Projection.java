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

    /** Delivers the spikes due in this step: this step's source spikes after delaySteps steps. */
    void deliver(long step, double dt) {
        SpikeBuffer due = source.spikes;
        if (ring != null) {
            ring[(int) ((step + delaySteps) % ring.length)].addAll(source.spikes);
            due = ring[(int) (step % ring.length)];
        }
        double[] jumped = group == null ? target.state()[jumpVariable] : null;
        for (int k = 0; k < due.count; k++) {
            int j = due.neurons[k];
            int from = rowStart[j], to = rowStart[j + 1];
            if (group != null) {
                group.filter.addSpikes(targets, from, to, weights, weight, dt - due.offsets[k]);
            } else {
                for (int s = from; s < to; s++) jumped[targets[s]] += weights == null ? weight : weights[s];
            }
        }
        if (ring != null) due.clear();
    }
}
