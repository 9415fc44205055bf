package org.neurosim.network;

import org.neurosim.core.units.Dimension;

/**
 * A projection of a {@link Network}, read-only: which populations it connects, its synapses (as copies, in the
 * engine's storage order: by source, each source's synapses by delay and target), and how a run delivers its
 * spikes. Given by {@link Network#projections()}; one entry of the config's {@code projections} gives one projection
 * per target.
 *
 * <p>A projection from a spiking population has synapses; one from a rate population ({@link #rates()}) is a matrix
 * W whose W y enters the target's input, and its synapses are W's non-zero entries, by source then target, with the
 * projection's one delay.
 */
public interface ProjectionView {
    /** {@code source->target}. */
    String label();

    /** The source population's name. */
    String source();

    /** The target population's name. */
    String target();

    /** True for a projection from a rate population (W y into the target's input). */
    boolean rates();

    long synapseCount();

    /**
     * How the last run (or the run under way) delivered its spikes to the target, as summary.json says it:
     * {@code filter}, {@code jump}, {@code events} or {@code grid} ({@code none} before any run); {@code rates} for
     * a rate projection.
     */
    String deliveryKind();

    /** What a weight is: a membrane jump, a charge or current, a conductance (SI). */
    Dimension weightDimension();

    /** The source neuron of every synapse. */
    int[] sources();

    /** The target neuron of every synapse. */
    int[] targets();

    /** Every synapse's weight as built (SI), before any learning. */
    double[] weights();

    /** Every synapse's weight as its synapse model holds it now (SI): learned ones included. */
    double[] currentWeights();

    /** Every synapse's delay in seconds. */
    double[] delays();

    /** The shortest delay of a synapse in seconds (the projection's delay when it has no synapse). */
    double minDelay();
}
