package org.neurosim.network;

import java.util.List;
import java.util.SplittableRandom;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.SpikeSink;
import org.neurosim.core.model.StateVariable;
import org.neurosim.core.units.Dimension;

/**
 * Dynamics of a source population: no state variables and no equations, only spikes emitted each step (Poisson
 * trains, given spike times). The network calls {@link #emit} instead of an integrator.
 */
public abstract class SpikeSource implements NeuronDynamics {
    /** Emits the spikes of step [step dt, (step + 1) dt) of neurons 0..size-1 with their offsets in the step. */
    public abstract void emit(long step, double dt, int size, SplittableRandom random, SpikeSink spikes);

    /** Checks the population size and the step against the source's data before a run. */
    public void validate(int size, double dt, String key) { }

    @Override public final List<StateVariable> stateVariables() { return List.of(); }
    @Override public final Dimension inputDimension() { return Dimension.DIMENSIONLESS; }
    @Override public final void restingState(double[] values) { }
    /** An empty state has an empty derivative. */
    @Override public final void derivatives(double[][] s, Drive d, double[][] ds, int from, int to) { }
    @Override public final int membraneIndex() { return -1; }
    @Override public final String preferredIntegrator() { return "none"; }
}
