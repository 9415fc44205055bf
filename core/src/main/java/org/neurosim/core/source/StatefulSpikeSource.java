package org.neurosim.core.source;

/**
 * A spike source with state of its own, such as a renewal process's time of each neuron's next spike: the state is
 * a few arrays, which the engine writes into a checkpoint and reads back, in place, into the arrays of a source
 * built anew from the same config before its first {@code emit}, so a resumed run emits the spikes of the
 * uninterrupted one. {@code emit} must read and change its state only through these arrays; draws still come from
 * the step's random stream, so the state is all a resume needs.
 */
public interface StatefulSpikeSource extends SpikeSource {
    /** The source's integer arrays (the same array objects at every call); none: an empty array. */
    long[][] longState();

    /** The source's real arrays (the same array objects at every call); none: an empty array. */
    double[][] doubleState();
}
