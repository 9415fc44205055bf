package org.neurosim.hh;

/**
 * Each neuron's resting state for HH models whose parameters may differ per neuron: the rest (a root of the steady
 * current) is found once per run of neurons with the same parameters, so a population of identical neurons solves
 * it once.
 */
final class PerNeuronRest {
    private PerNeuronRest() { }

    /** Neuron i's resting state into values. */
    interface Rest {
        void of(int neuron, double[] values);
    }

    /** True when neurons i and j have the same parameters. */
    interface Same {
        boolean as(int i, int j);
    }

    /** Fills state[k][i] with every neuron's resting state. */
    static void fill(double[][] state, Same same, Rest rest) {
        double[] values = new double[state.length];
        for (int i = 0; i < state[0].length; i++) {
            if (i == 0 || !same.as(i, i - 1)) rest.of(i, values);
            for (int k = 0; k < state.length; k++) state[k][i] = values[k];
        }
    }

    /** True when every value is the first (a parameter given once for the population). */
    static boolean allEqual(double[] a) {
        for (double x : a) if (x != a[0]) return false;
        return true;
    }
}
