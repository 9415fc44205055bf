package org.neurosim.core.model;

/**
 * A model whose every state variable obeys ds_k/dt = a_k s_k + b_k with a_k and b_k depending only on the other
 * variables (HH gates: a = -1/tau_x(V), b = x_inf(V)/tau_x(V)). {@code exponential-euler} solves each such
 * equation exactly over a step with the other variables held fixed.
 */
public interface ConditionallyLinear extends NeuronDynamics {
    /** Fills a[k][i] and b[k][i] for neurons from..to. */
    void linearForm(double[][] state, Drive drive, double[][] a, double[][] b, int from, int to);
}
