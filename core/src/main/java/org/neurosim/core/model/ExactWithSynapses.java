package org.neurosim.core.model;

import java.util.List;
import org.neurosim.core.synapse.ModalFilter;

/**
 * A linear model that integrates its current synapses exactly together with itself (the propagator of Rotter and
 * Diesmann 1999, as NEST's iaf_psc_exp and iaf_psc_alpha use it): its input is a constant plus the outputs of
 * {@link ModalFilter}s, and spikes arrive at their exact times inside the step, known when the step starts. A
 * network then leaves these filters' outputs out of {@link Drive#current} and hands the model the step's arrivals.
 */
public interface ExactWithSynapses extends ExactlySolvable {
    /** Called once before a run with the current-based filters onto this population, in input-index order. */
    void bindInputs(List<ModalFilter> inputs);

    /**
     * True when the model keeps input {@code input}'s filter itself (a first-order filter whose
     * {@link org.neurosim.core.synapse.SynapticFilter#pointwiseDecay} it folds into the pass that reads it): it
     * advances the filter over the step and adds the step's arrivals through that input to it by the step's end;
     * the network then neither advances that filter nor gives it those arrivals.
     */
    default boolean advancesInput(int input) {
        return false;
    }

    /**
     * What an arrival of weight 1 through input {@code input} (or {@link Arrivals#JUMP}), {@code age} seconds before
     * the end of its step, adds by that end: {@code out[0]} to the membrane (w G(age) for a linear model), and
     * {@code out[1]} to the state of the input's filter when the model keeps that filter ({@link #advancesInput}),
     * else 0. The network computes these once per presynaptic spike and hands them over with the arrivals
     * ({@link Arrivals#addRow}). A model whose response differs between its neurons (LIF with tau_m or c_m given per
     * neuron) puts NaN in {@code out[0]} and computes each target's own from the arrival's time instead.
     */
    void arrivalGains(int input, double age, double[] out);

    /**
     * Advances neurons from..to by dt with {@link Drive#current} held (external input and bias only), the bound
     * filters' outputs in closed form from their state at the step's start, and {@code arrivals} of this step
     * (each at its time). The filters the model does not keep are advanced and given the arrivals by the network
     * afterwards.
     */
    void advanceWithArrivals(double[][] state, Drive drive, double dt, double[] refractory, SpikeSink spikes,
                             Arrivals arrivals, int from, int to);

    /**
     * At the end of a step, on one thread: one presynaptic spike's arrivals inside the step that were not known when
     * it began (delays shorter than the rest of the emitting step), at {@code targets[from..to)} with weights
     * {@code weights[k]} (or {@code weight} when null), {@code age} seconds before the step's end, through input
     * {@code input} (or {@link Arrivals#JUMP}). The model adds its membrane's response to them so far (w G(age) for a
     * linear model; a neuron held after a spike ignores them). A crossing they cause is found when the next step
     * begins; the network gives the filters their part.
     */
    void addLate(double[][] state, int[] targets, int from, int to, float[] weights, double weight, int input,
                 double age);

    /**
     * As {@link #addLate(double[][], int[], int, int, float[], double, int, double)}, with what a plastic synapse
     * transmits: a weight per synapse in double precision.
     */
    void addLate(double[][] state, int[] targets, int from, int to, double[] weights, int input, double age);

    /** True when the model also has the grid-constrained step ({@link #advanceOnGrid}). */
    default boolean stepsOnGrid() {
        return false;
    }

    /**
     * The grid-constrained step (NEST's iaf_psc_exp; Rotter and Diesmann 1999, with spikes on the grid as in Morrison
     * et al. 2007): inputs enter only at step boundaries and a neuron that is at or above threshold at the end of a
     * step spikes at that end, so the step is one propagation of the neuron and its filters with no event inside.
     * At the step's start, input k's filter takes {@code arrived[k][i]}, the weights summed over every arrival at
     * neuron i at that instant (each term of the filter gains its unit times the sum, as a spike would add; null:
     * none), and the model zeroes what it took. Then V(t + dt) = v_inf + (V - v_inf) e^(-dt/tau_m) + r sum_j
     * c_j R_j(dt), plus {@code jumps[i]} (delta synapses: the weights that arrive at the step's end, as NEST's
     * iaf_psc_delta adds them; null: none; zeroed too); a neuron held after a spike stays at v_reset for
     * round(tau_ref / dt) whole steps instead, its jumps dropped; one at or above threshold at the end spikes there
     * (offset dt in {@code spikes}), is reset and held.
     */
    default void advanceOnGrid(double[][] state, Drive drive, double dt, double[] refractory, SpikeSink spikes,
                               double[][] arrived, double[] jumps, int from, int to) {
        throw new UnsupportedOperationException(getClass().getName() + " has no grid-constrained step");
    }
}
