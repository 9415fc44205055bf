package org.neurosim.network.engine;

import org.neurosim.core.synapse.SynapticFilter;

/**
 * One synaptic filter on a target population, shared by every projection onto it with the same kernel,
 * normalisation and reversal potential (as Brian2's ge and gi). Its output enters the target's drive as a
 * current, or as a conductance g with current g (E_rev - V).
 */
public final class SynapseGroup implements org.neurosim.core.checkpoint.Checkpointable {
    public final NeuronPopulation target;
    public final SynapticFilter filter;
    public final boolean conductance;
    public final double reversal;

    public SynapseGroup(NeuronPopulation target, SynapticFilter filter, boolean conductance, double reversal) {
        this.target = target;
        this.filter = filter;
        this.conductance = conductance;
        this.reversal = reversal;
    }

    /**
     * For a target on the grid (integrator exact-grid): the weights on their way into this filter, summed per neuron
     * and per step of arrival when their spikes are emitted (NEST's ring buffers), slot m % length for step m; null
     * for other targets.
     */
    private double[][] ring;

    /** The ring of {@code slots} steps, made at the first call (or kept from a restored or earlier run). */
    double[][] ring(int slots) {
        ring = Rings.of(ring, slots, target.size, "synapses onto " + target.name);
        return ring;
    }

    @Override
    public void save(org.neurosim.core.checkpoint.StateWriter out) {
        java.util.List<double[]> arrays = filter.stateArrays();
        out.section("synapses onto " + target.name).writeInt(arrays.size());
        for (double[] a : arrays) out.doubles(a);
        Rings.save(out, ring);
    }

    @Override
    public void restore(org.neurosim.core.checkpoint.StateReader in) {
        java.util.List<double[]> arrays = filter.stateArrays();
        in.section("synapses onto " + target.name);
        int n = in.readInt();
        if (n != arrays.size()) throw in.mismatch("a synaptic filter onto " + target.name + " has " + n
                + " state arrays saved, " + arrays.size() + " here");
        for (double[] a : arrays) in.doubles(a, "synaptic filter state onto " + target.name);
        ring = Rings.restore(in, target.size, "synapses onto " + target.name);
    }
}
