package org.neurosim.network.engine;

import org.neurosim.core.synapse.SynapticFilter;

/**
 * One synaptic filter on a target population, shared by every projection onto it with the same kernel,
 * normalisation and reversal potential (as Brian2's ge and gi). Its output enters the target's drive as a
 * current, or as a conductance g with current g (E_rev - V).
 */
public final class SynapseGroup implements org.neurosim.core.checkpoint.Checkpointable {
    public final Population target;
    public final SynapticFilter filter;
    public final boolean conductance;
    public final double reversal;

    public SynapseGroup(Population target, SynapticFilter filter, boolean conductance, double reversal) {
        this.target = target;
        this.filter = filter;
        this.conductance = conductance;
        this.reversal = reversal;
    }

    @Override
    public void save(org.neurosim.core.checkpoint.StateWriter out) {
        java.util.List<double[]> arrays = filter.stateArrays();
        out.section("synapses onto " + target.name).writeInt(arrays.size());
        for (double[] a : arrays) out.doubles(a);
    }

    @Override
    public void restore(org.neurosim.core.checkpoint.StateReader in) {
        java.util.List<double[]> arrays = filter.stateArrays();
        in.section("synapses onto " + target.name);
        int n = in.readInt();
        if (n != arrays.size()) throw in.mismatch("a synaptic filter onto " + target.name + " has " + n
                + " state arrays saved, " + arrays.size() + " here");
        for (double[] a : arrays) in.doubles(a, "synaptic filter state onto " + target.name);
    }
}
