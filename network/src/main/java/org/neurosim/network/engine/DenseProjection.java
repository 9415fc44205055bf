package org.neurosim.network.engine;

/**
 * A projection from a rate population: a dense matrix W (rows = targets) whose W y is added to the target's input,
 * optionally through a delay line of d whole steps.
 *
 * <p>Without a delay, the target's step from t_n to t_(n+1) reads W y(t_n), y at the start of the step. With a delay
 * of d steps it reads W y(t_(n-d)), and 0 while n &lt; d: the rate at the start of step m is applied during step
 * m + d, and nothing has been sent before the run starts (NEST's rate models with {@code rate_connection_delayed},
 * whose delayed-rate buffers start at zero).
 */
public final class DenseProjection extends Projection {
    private final double[][] matrix;
    private final int delaySteps;
    // the delay line: row m mod (d + 1) holds y at the start of step m, for the last d + 1 steps (none when d = 0)
    private final double[][] line;
    private final double[] silent;   // what arrives before anything has: zeros

    public DenseProjection(String label, Population source, NeuronPopulation target, double[][] matrix) {
        this(label, source, target, matrix, 0);
    }

    /** @param delaySteps the delay in whole steps, >= 0 */
    public DenseProjection(String label, Population source, NeuronPopulation target, double[][] matrix,
                           int delaySteps) {
        super(label, source, target);
        if (delaySteps < 0) throw new IllegalArgumentException("delay steps " + delaySteps + " < 0");
        this.matrix = matrix;
        this.delaySteps = delaySteps;
        this.line = delaySteps == 0 ? null : new double[delaySteps + 1][source.size];
        this.silent = delaySteps == 0 ? null : new double[source.size];
    }

    public int delaySteps() {
        return delaySteps;
    }

    /** W's entry from source neuron {@code source} to target neuron {@code target}. */
    public double weight(int target, int source) {
        return matrix[target][source];
    }

    @Override
    public long synapseCount() {
        long n = 0;
        for (double[] row : matrix) for (double w : row) if (w != 0) n++;
        return n;
    }

    /**
     * Adds W y(t_(n-d)) to the target's input for step n, after entering y(t_n) into the delay line. Calling it
     * twice for the same step (an instantaneous target settled at t = 0, then step 0) adds the same input.
     */
    void addRateInput(long n) {
        double[] y = delayed(n);
        double[] cur = target.drive.synapticCurrent != null ? target.drive.synapticCurrent : target.drive.current;
        for (int i = 0; i < matrix.length; i++) {
            double[] row = matrix[i];
            double sum = 0;
            for (int j = 0; j < row.length; j++) sum += row[j] * y[j];
            cur[i] += sum;
        }
    }

    /** y(t_(n-d)): the source's rates now when d = 0; else they go into the line and those of d steps ago come out. */
    private double[] delayed(long n) {
        double[] now = source.state()[0];
        if (line == null) return now;
        int slots = line.length;
        System.arraycopy(now, 0, line[(int) (n % slots)], 0, now.length);
        return n < delaySteps ? silent : line[(int) ((n - delaySteps) % slots)];
    }

    /** The delay line (the last d + 1 steps' source rates), for a checkpoint; nothing when d = 0. */
    public void save(org.neurosim.core.checkpoint.StateWriter out) {
        out.section("rate projection " + label).writeInt(delaySteps);
        if (line != null) for (double[] row : line) out.doubles(row);
    }

    /** The inverse of {@link #save}. */
    public void restore(org.neurosim.core.checkpoint.StateReader in) {
        in.section("rate projection " + label);
        int saved = in.readInt();
        if (saved != delaySteps) {
            throw in.mismatch("projection " + label + " has a delay of " + saved + " steps saved, " + delaySteps
                    + " here");
        }
        if (line != null) for (double[] row : line) in.doubles(row, "projection " + label + " delay line");
    }
}
