package org.neurosim.core.model;

/**
 * The grid-constrained step of a model that integrates its synapses exactly (NEST's iaf_psc_exp; Rotter and
 * Diesmann 1999, with spikes on the grid as in Morrison et al. 2007), as integrator {@code exact-grid} steps it:
 * inputs enter only at step boundaries and a neuron that is at or above threshold at the end of a step spikes at
 * that end, so the step is one propagation of the neuron and its filters with no event inside.
 */
public interface GridPropagated extends ExactWithSynapses {
    /**
     * At the step's start, input k's filter takes {@code arrived[k][i]}, the weights summed over every arrival at
     * neuron i at that instant (each term of the filter gains its unit times the sum, as a spike would add; null:
     * none), and the model zeroes what it took. Then V(t + dt) = v_inf + (V - v_inf) e^(-dt/tau_m) + r sum_j
     * c_j R_j(dt), plus {@code jumps[i]} (delta synapses: the weights that arrive at the step's end, as NEST's
     * iaf_psc_delta adds them; null: none; zeroed too); a neuron held after a spike stays at v_reset for
     * round(tau_ref / dt) whole steps instead, its jumps dropped; one at or above threshold at the end spikes there
     * (offset dt in {@code spikes}), is reset and held.
     */
    void advanceOnGrid(double[][] state, Drive drive, double dt, double[] refractory, SpikeSink spikes,
                       double[][] arrived, double[] jumps, int from, int to);
}
