package org.neurosim.core.synapse;

import java.util.List;

/**
 * The per-synapse behaviour of one projection, with any state of its own held as arrays in the projection's
 * storage order (see {@link SynapseContext}). The engine calls {@link #presynaptic} for every spike that reaches a
 * row, split at the boundaries of the target population's thread chunks, so a range {@code from..to} is always
 * handled by the thread that owns those targets; and {@link #postsynaptic} for every spike of a target, on that
 * target's thread, after the step's arrivals. Deterministic rules therefore give the same result at any thread
 * count.
 */
public interface SynapseDynamics {
    /**
     * True when every spike transmits the stored weight and nothing changes: the engine then delivers from the
     * weights directly, with no call per spike.
     */
    default boolean isStatic() {
        return false;
    }

    /**
     * A presynaptic spike of {@code source} reaches synapses {@code from..to} of its row at {@code time} (seconds
     * from the start of the run): writes into {@code efficacy[s]} the weight each synapse transmits and updates
     * the synapses' state.
     */
    void presynaptic(int source, int from, int to, double time, float[] efficacy);

    /** True when {@link #postsynaptic} must be called. */
    default boolean needsPostsynaptic() {
        return false;
    }

    /**
     * A spike of {@code target} at {@code time}; {@code incoming[from..to)} are the synapses (storage indices) that
     * end on it.
     */
    default void postsynaptic(int target, double time, int[] incoming, int from, int to) { }

    /** Names of per-synapse variables a recorder may read (e.g. {@code w}, {@code u}, {@code x}). */
    default List<String> variables() {
        return List.of();
    }
}
