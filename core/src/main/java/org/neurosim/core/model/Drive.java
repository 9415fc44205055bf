package org.neurosim.core.model;

/**
 * What drives each neuron of a population during one step, as arrays over the population (structure of arrays):
 * a current in the model's input dimension, plus the total synaptic conductance g = sum_k g_k and
 * {@link #conductanceTimesReversal} = sum_k g_k E_k, so that the synaptic current at membrane potential V is
 * sum_k g_k (E_k - V) = {@code conductanceTimesReversal - conductance V}. The network fills these before each step; a model reads them in its equations.
 */
public final class Drive {
    public final double[] current;
    public final double[] conductance;
    public final double[] conductanceTimesReversal;
    /**
     * The current-based synaptic input kept apart from the external input, for a model that reads the two under
     * their own names ({@link NeuronDynamics#separatesSynapticCurrent}); null otherwise, and then {@link #current}
     * holds both.
     */
    public final double[] synapticCurrent;

    public Drive(int size) {
        this(size, false);
    }

    /** A drive whose synaptic current is kept in {@link #synapticCurrent} when {@code separate}. */
    public Drive(int size, boolean separate) {
        this.current = new double[size];
        this.conductance = new double[size];
        this.conductanceTimesReversal = new double[size];
        this.synapticCurrent = separate ? new double[size] : null;
    }

    public int size() {
        return current.length;
    }

    public void clear() {
        java.util.Arrays.fill(current, 0);
        java.util.Arrays.fill(conductance, 0);
        java.util.Arrays.fill(conductanceTimesReversal, 0);
        if (synapticCurrent != null) java.util.Arrays.fill(synapticCurrent, 0);
    }
}
