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
     * Advances neurons from..to by dt with {@link Drive#current} held (external input and bias only), the bound
     * filters' outputs in closed form from their state at the step's start, and {@code arrivals} of this step
     * (each at its time). The filters themselves are advanced and given the arrivals by the network afterwards.
     *
     * @param late arrivals of the previous step that were not known when it began (delay shorter than the rest of
     *             that step): the membrane's response to them up to now is added first; the filters hold them already
     */
    void advanceWithArrivals(double[][] state, Drive drive, double dt, double[] refractory, SpikeSink spikes,
                             Arrivals arrivals, Arrivals late, int from, int to);
}
