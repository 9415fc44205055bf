package org.neurosim.core.model;

import java.util.List;

/**
 * A capability of a model whose equations have Gaussian white noise (Brian2's {@code xi}, {@code xi_<name>}):
 * ds_k = f_k(s) dt + sum_j g_kj(s) dW_j, with f the model's {@link NeuronDynamics#derivatives} (the drift, every
 * xi taken as 0) and g the noise coefficients of {@link #noise}; dW_j are independent Wiener increments, one per
 * source j and neuron, the same source in every equation that names it (as in Brian2). A stochastic integrator
 * ({@code euler-maruyama}) steps it; the deterministic integrators refuse it.
 *
 * <p>The random numbers are counter-based: {@link #normals} for step n is a function of the run's seed, the
 * population, n, the neuron and the source only (see {@link org.neurosim.core.Seeds#normal}), so a run gives the
 * same result at any thread count and continued from a checkpoint, with no generator state to save. The step n
 * comes from the drive ({@link Drive#step()}).
 */
public interface Stochastic {
    /** The noise sources as the equations name them ({@code xi}, {@code xi_a}), in a fixed order. */
    List<String> noiseSources();

    /**
     * True when no noise coefficient depends on a state variable (additive noise): Euler-Maruyama is then of strong
     * order 1 (0.5 in general) and weak order 1.
     */
    boolean additiveNoise();

    /** g[j][k][i] = the coefficient of source j in d(state k)/dt for neurons from..to (0 where k has no source j). */
    void noise(double[][] state, Drive drive, double[][][] g, int from, int to);

    /** z[j][i] = a standard normal deviate of source j for neuron i in step n, for neurons from..to. */
    void normals(long step, double[][] z, int from, int to);
}
