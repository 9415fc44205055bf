package org.neurosim.network.engine;

import org.neurosim.core.checkpoint.StateReader;
import org.neurosim.core.checkpoint.StateWriter;

/**
 * Rings of per-neuron sums over arrival steps, slot m % length for step m (NEST's ring buffers), as a filter
 * ({@link SynapseGroup}) and a population ({@link NeuronPopulation}) on the grid keep them: made once, kept across runs
 * and checkpoints (null: none).
 */
final class Rings {
    private Rings() { }

    /** {@code ring}, or a new one of {@code slots} steps when it is null; one of another length is a wiring error. */
    static double[][] of(double[][] ring, int slots, int size, String what) {
        if (ring == null) return new double[slots][size];
        if (ring.length != slots) {
            throw new IllegalStateException(what + ": a ring of " + ring.length + " steps, " + slots + " needed");
        }
        return ring;
    }

    static void save(StateWriter out, double[][] ring) {
        out.writeInt(ring == null ? 0 : ring.length);
        if (ring != null) for (double[] slot : ring) out.doubles(slot);
    }

    static double[][] restore(StateReader in, int size, String what) {
        int slots = in.readInt();
        if (slots < 0 || slots > 1 << 16) throw in.mismatch(what + ": " + slots + " ring slots saved");
        if (slots == 0) return null;
        double[][] ring = new double[slots][size];
        for (double[] slot : ring) in.doubles(slot, what + ", spikes on their way");
        return ring;
    }
}
