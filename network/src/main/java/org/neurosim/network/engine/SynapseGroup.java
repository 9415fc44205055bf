package org.neurosim.network.engine;

import org.neurosim.core.synapse.SynapticFilter;

/**
 * One synaptic filter on a target population, shared by every projection onto it with the same kernel,
 * normalisation and reversal potential (as Brian2's ge and gi). Its output enters the target's drive as a
 * current, or as a conductance g with current g (E_rev - V).
 */
public final class SynapseGroup {
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
}
