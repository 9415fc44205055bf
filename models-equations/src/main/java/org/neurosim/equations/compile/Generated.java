package org.neurosim.equations.compile;

/**
 * What the code generated from a model's equations does, over arrays of a whole population: {@code s[k][i]} is
 * state variable k of neuron i; {@code ie} the external input I_ext, {@code is} the current-based synaptic input,
 * {@code g} and {@code ge} the synaptic conductance and conductance times reversal (I_syn = is + ge - g v).
 * Implemented by classes compiled at load time ({@link ModelCompiler}); public so that they can be loaded.
 */
public interface Generated {
    /** The per-neuron constants, {@code c[j][i]} for the j-th constant given as a list. */
    void bind(double[][] constants);

    /** ds/dt for neurons from..to. */
    void derivatives(double[][] s, double[] ie, double[] is, double[] g, double[] ge, double[][] ds, int from, int to);

    /** ds_k/dt = a_k s_k + b_k with a_k, b_k free of s_k (only when the model is conditionally linear). */
    void linearForm(double[][] s, double[] ie, double[] is, double[] g, double[] ge, double[][] a, double[][] b,
                    int from, int to);

    /**
     * The noise coefficients for neurons from..to: {@code n[j][k][i]} the coefficient of noise source j in ds_k/dt
     * (the model's sources in order; only the entries of an equation that names source j are written).
     */
    void noise(double[][] s, double[] ie, double[] is, double[] g, double[] ge, double[][][] n, int from, int to);

    /** The reset of neuron i, its assignments in the order written. */
    void reset(double[][] s, int i);
}
