package org.neurosim.core.synapse;

/**
 * A filter whose output for each target, from its present state on and with no further spike, is a sum of
 * exponential modes with polynomial factors, so that a linear neuron can integrate it exactly:
 * <pre>
 *   I_i(t + s) = sum_g exp(-s / tau_g) sum_{k = 0..K_g} c_{g,k,i} s^k / k!
 * </pre>
 * (exponential: one group, K = 0; alpha and gamma(n): one group, K = n; double exponential: two groups, K = 0).
 * Coefficient c_{g,k,i} is {@code multiplier(g, k) * state(g, k)[i]}: the filter's own state arrays, read in place.
 * A spike of weight w arriving adds w times {@link #unitSpike} to the coefficients.
 */
public interface ModalFilter extends SynapticFilter {
    /** The groups' time constants tau_g (s). */
    double[] modeTimeConstants();

    /** K_g of each group: its highest power of s. */
    int[] modeDegrees();

    /** The state array whose element i, times {@link #multiplier}, is c_{g,k,i}. */
    double[] state(int group, int k);

    double multiplier(int group, int k);

    /** The coefficients c_{g,k} a spike of weight 1 adds at its arrival. */
    double unitSpike(int group, int k);

    /** Every mode's state array, and the output when it is an array of its own. */
    @Override
    default java.util.List<double[]> stateArrays() {
        java.util.List<double[]> arrays = new java.util.ArrayList<>();
        int[] degrees = modeDegrees();
        for (int g = 0; g < degrees.length; g++) {
            for (int k = 0; k <= degrees[g]; k++) {
                double[] a = state(g, k);
                if (arrays.stream().noneMatch(x -> x == a)) arrays.add(a);
            }
        }
        double[] out = output();
        if (arrays.stream().noneMatch(x -> x == out)) arrays.add(out);
        return arrays;
    }
}
