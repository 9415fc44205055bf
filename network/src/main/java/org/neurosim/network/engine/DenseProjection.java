package org.neurosim.network.engine;

/** A projection from a rate population: a dense matrix W (rows = targets) whose W y is added to the target's input. */
public final class DenseProjection extends Projection {
    private final double[][] matrix;

    public DenseProjection(String label, Population source, Population target, double[][] matrix) {
        super(label, source, target);
        this.matrix = matrix;
    }

    @Override
    public long synapseCount() {
        long n = 0;
        for (double[] row : matrix) for (double w : row) if (w != 0) n++;
        return n;
    }

    /** Adds W y(source) to the target's input. */
    void addRateInput() {
        double[] y = source.state()[0];
        double[] cur = target.drive.synapticCurrent != null ? target.drive.synapticCurrent : target.drive.current;
        for (int i = 0; i < matrix.length; i++) {
            double[] row = matrix[i];
            double sum = 0;
            for (int j = 0; j < row.length; j++) sum += row[j] * y[j];
            cur[i] += sum;
        }
    }
}
