package org.neurosim.network.engine;

/**
 * Connections from one population to a population of neurons (a spike source takes no input):
 * {@link SparseProjection} from a spiking source (CSR rows with a synapse model and delays), or
 * {@link DenseProjection} from a rate population (W y into the target's input).
 */
public abstract sealed class Projection permits SparseProjection, DenseProjection {
    public final String label;
    public final Population source;
    public final NeuronPopulation target;

    Projection(String label, Population source, NeuronPopulation target) {
        this.label = label;
        this.source = source;
        this.target = target;
    }

    public abstract long synapseCount();
}
