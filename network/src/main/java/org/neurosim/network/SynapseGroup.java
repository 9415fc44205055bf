package org.neurosim.network;

import org.neurosim.core.synapse.SynapticFilter;

/**
 * One synaptic filter on a target population, shared by every projection onto it with the same kernel,
 * normalisation and reversal potential (as Brian2's ge and gi). Its output enters the target's drive as a
 * current, or as a conductance g with current g (E_rev - V).
 */
final class SynapseGroup {
    final Population target;
    final SynapticFilter filter;
    final boolean conductance;
    final double reversal;

    SynapseGroup(Population target, SynapticFilter filter, boolean conductance, double reversal) {
        this.target = target;
        this.filter = filter;
        this.conductance = conductance;
        this.reversal = reversal;
    }

}
