package org.neurosim.core.source;

import java.util.SplittableRandom;
import org.neurosim.core.model.SpikeSink;

/**
 * A source population as it runs: no equations, only the spikes it emits in each step (Poisson trains, given spike
 * times), each with its time inside the step. A source whose future depends on its past (a renewal process) keeps
 * that state in arrays and says so by implementing {@link StatefulSpikeSource}.
 */
@FunctionalInterface
public interface SpikeSource {
    /**
     * Emits the spikes of step n, [n dt, (n + 1) dt), with their offsets in the step. Steps count from 0 at the
     * network's start (a second run, or a run resumed from a checkpoint, goes on counting); {@code random} is the
     * population's stream for this step, a function of the seed, the population and n only, so a source needs no
     * state of its own to give the same spikes after a resume (a {@link StatefulSpikeSource} has its arrays saved
     * and restored as well).
     */
    void emit(long step, SplittableRandom random, SpikeSink spikes);
}
