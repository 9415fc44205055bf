package org.neurosim.core.synapse;

import java.util.List;

/**
 * The per-synapse behaviour of one projection, with any state of its own held as arrays in the projection's
 * storage order (see {@link SynapseContext}: a synapse is an index s, a row is one source's synapses or, with
 * delays drawn per synapse, those of one source that share a delay). Three calls, as Brian2's {@code on_pre} and
 * {@code on_post} pathways:
 * <ul>
 *   <li>{@link #transmit}: a presynaptic spike reaches a row; the rule writes what each synapse transmits. Called
 *       on the thread that owns the targets (a row may come split at thread-chunk boundaries), so state written
 *       here must be per synapse (Tsodyks-Markram's u and x are).</li>
 *   <li>{@link #onPre} and {@link #onPost}, for a rule that {@link #learns}: after each step, on one thread, every
 *       arrival of the step and every spike of the target population, in time order (an arrival before a
 *       postsynaptic spike at the same time). Weight changes are therefore exact in event time and the same at
 *       any thread count. A spike transmits the weight as it was at the start of its arrival step (a postsynaptic
 *       spike earlier in that same step changes the weight after it has been transmitted).</li>
 * </ul>
 * Delays are axonal: a spike reaches the synapse (and {@link #onPre}) after the projection's delay, and a
 * postsynaptic spike reaches it at once (no dendritic delay; NEST's stdp_synapse calls its whole delay
 * dendritic, which shifts its STDP window by the delay, see NEST #1604).
 */
public interface SynapseDynamics extends org.neurosim.core.checkpoint.Checkpointable {
    /**
     * True when every spike transmits the stored weight and nothing changes: the engine then delivers from the
     * weights directly, with no call per spike.
     */
    default boolean isStatic() {
        return false;
    }

    /**
     * A presynaptic spike reaches synapses {@code from..to} of {@code row} at {@code time} (seconds from the start of
     * the run): writes into {@code efficacy[s]} the weight each synapse transmits, and updates per-synapse state. The
     * efficacy is a double, as the rule's state is: what a plastic synapse transmits is not rounded to the 24 bits of
     * a stored float weight (a PSC amplitude w u x of Tsodyks-Markram equals NEST's to round-off).
     */
    void transmit(int row, int from, int to, double time, double[] efficacy);

    /** True when the rule learns from spike timing: {@link #onPre} and {@link #onPost} are then called. */
    default boolean learns() {
        return false;
    }

    /** After the step, in time order: a presynaptic spike reached synapses {@code from..to} of {@code row}. */
    default void onPre(int row, int from, int to, double time) { }

    /**
     * After the step, in time order: {@code target} spiked at {@code time}; {@code incoming[from..to)} are the
     * synapses (storage indices) that end on it.
     */
    default void onPost(int target, double time, int[] incoming, int from, int to) { }

    /** Names of per-synapse variables a recorder may read (e.g. {@code w}, {@code u}, {@code x}). */
    default List<String> variables() {
        return List.of();
    }

    /** The value of variable {@code variables().get(k)} at synapse s. */
    default double value(int k, int s) {
        throw new IndexOutOfBoundsException("no variable " + k);
    }

    /** The weight of synapse s now (the stored weight, for a rule that does not change it). */
    double weight(int s);

    /**
     * Saves the per-synapse state (plastic weights, traces, resources) for a checkpoint. A static synapse has none;
     * any other model must override this and {@link #restore}, else its runs cannot be checkpointed.
     */
    @Override
    default void save(org.neurosim.core.checkpoint.StateWriter out) {
        if (!isStatic()) {
            throw new UnsupportedOperationException("the synapse model " + getClass().getName()
                    + " does not save its state (SynapseDynamics.save), so it cannot be checkpointed");
        }
    }

    @Override
    default void restore(org.neurosim.core.checkpoint.StateReader in) {
        if (!isStatic()) {
            throw new UnsupportedOperationException("the synapse model " + getClass().getName()
                    + " does not restore its state (SynapseDynamics.restore), so it cannot be checkpointed");
        }
    }
}
