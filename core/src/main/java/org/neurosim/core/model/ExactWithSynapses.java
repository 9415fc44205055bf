package org.neurosim.core.model;

import java.util.List;
import org.neurosim.core.synapse.ModalFilter;

/**
 * A linear model that integrates its current synapses exactly together with itself (the propagator of Rotter and
 * Diesmann 1999, as NEST's iaf_psc_exp_ps and iaf_psc_alpha_ps use it): its input is a constant plus the outputs of
 * {@link ModalFilter}s, and each step's spikes arrive as {@link InputEvents} at their times inside the step, known
 * when the step starts. A network then leaves these filters' outputs out of {@link Drive#current} and hands the model
 * the step's events. {@link GridPropagated} adds the grid-constrained step (iaf_psc_exp).
 */
public interface ExactWithSynapses extends ExactlySolvable {
    /** Called once before a run with the current-based filters onto this population, in input-index order. */
    void bindInputs(List<ModalFilter> inputs);

    /**
     * True when the model advances input {@code input}'s filter itself and adds that input's events to it by the
     * step's end (a speed-up of the model's own: one pass over the neurons and the filter's state); the network then
     * neither advances that filter nor gives it those events.
     */
    default boolean advancesInput(int input) {
        return false;
    }

    /**
     * Advances neurons from..to by dt with {@link Drive#current} held (external input and bias only), the bound
     * filters' outputs in closed form from their state at the step's start, and this step's {@code events}, each at
     * its time. The filters the model does not advance are advanced and given the events by the network afterwards.
     */
    void advanceWithArrivals(double[][] state, Drive drive, double dt, double[] refractory, SpikeSink spikes,
                             InputEvents events, int from, int to);

    /**
     * At the end of a step, on one thread: the events of this step that were not known when it began (a delay
     * shorter than the rest of the emitting step), for every neuron of the population. The model adds its
     * membrane's response to them so far (w G(dt - offset) for a linear model; a neuron held after a spike ignores
     * them); a crossing they cause is found when the next step begins. The network gives the filters their part.
     */
    void addLate(double[][] state, InputEvents late, double dt);
}
