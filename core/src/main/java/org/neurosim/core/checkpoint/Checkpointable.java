package org.neurosim.core.checkpoint;

/**
 * A run-time component with state of its own: neuron state arrays, synaptic filter state, plastic weights and their
 * traces, spikes in flight. {@link #save} writes everything that determines the component's future; {@link #restore},
 * called on a component built from the same config, reads it back in the same order, so that the restored run
 * continues bit for bit as the saved one would have. What the config rebuilds (connectivity drawn from the seed,
 * constant parameters) need not be saved.
 */
public interface Checkpointable {
    void save(StateWriter out);

    /** Reads what {@link #save} wrote; a mismatch (another network, a shorter array) is a {@link CheckpointException}. */
    void restore(StateReader in);
}
