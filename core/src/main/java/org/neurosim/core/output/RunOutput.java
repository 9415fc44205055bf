package org.neurosim.core.output;

import org.neurosim.core.model.SpikeBuffer;

/**
 * The writer of one output format during a run. Every method is called on the simulating thread, in time order;
 * {@link #close} is called once at the end, complete or not, and must leave only whole rows in files with their
 * final names.
 */
public interface RunOutput extends AutoCloseable {
    /** The spikes of one population in the step that starts at {@code stepStart} (offsets in the buffer). */
    default void spikes(int population, double stepStart, SpikeBuffer spikes) { }

    /** The recorded traces at {@code time}, in the order of {@link OutputContext#traces()}. */
    default void state(double time, double[] values) { }

    /** Population rates (Hz) of the bin that starts at {@code binStart}, in the order of the rate populations. */
    default void rates(double binStart, double[] rates) { }

    /**
     * Weights of synapses of projection block {@code projection} at {@code time}: synapse k goes from
     * {@code sources[k]} to {@code targets[k]} and has weight {@code weights[k]} (SI), for k &lt; count.
     */
    default void weights(double time, int projection, int[] sources, int[] targets, double[] weights, int count) { }

    /**
     * Hands everything received so far to the files (a format that formats on a thread of its own waits for it): a
     * checkpoint follows, which records the files' lengths.
     */
    default void flush() { }

    @Override
    void close();
}
