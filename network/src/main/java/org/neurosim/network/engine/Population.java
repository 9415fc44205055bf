package org.neurosim.network.engine;

import java.util.List;
import org.neurosim.core.model.SpikeBuffer;

/**
 * One population at run time: a {@link NeuronPopulation} (a model's dynamics stepped by its solver) or a
 * {@link SourcePopulation} (a spike source); both have their spikes of the current step and their spike count.
 */
public abstract sealed class Population implements org.neurosim.core.checkpoint.Checkpointable
        permits NeuronPopulation, SourcePopulation {
    public final String name;
    public final String model;
    public final int index;
    public final int size;
    final SpikeBuffer spikes = new SpikeBuffer();
    long totalSpikes;

    Population(String name, String model, int index, int size) {
        this.name = name;
        this.model = model;
        this.index = index;
        this.size = size;
    }

    public String name() { return name; }
    public String model() { return model; }
    public int size() { return size; }
    public long totalSpikes() { return totalSpikes; }
    /** The spikes of the step just made (offsets inside the step). */
    public SpikeBuffer spikes() { return spikes; }

    /** The integrator that steps it ({@code none} for a source). */
    public abstract String integrator();

    /** True for populations that emit spikes (a model with a threshold, a source); false for rate neurons. */
    public abstract boolean spiking();

    /** state()[k][i], SI units; empty for a source. */
    public abstract double[][] state();

    /** The names of its state variables (none for a source). */
    public abstract List<String> variables();

    /**
     * The spike count, then the kind's own state: a neuron population's solver state and jump ring, a source's
     * state arrays (none for a stateless source, whose random stream is per step) and an empty jump ring.
     */
    @Override
    public final void save(org.neurosim.core.checkpoint.StateWriter out) {
        out.section("population " + name).writeInt(size).writeLong(totalSpikes);
        saveState(out);
    }

    @Override
    public final void restore(org.neurosim.core.checkpoint.StateReader in) {
        in.section("population " + name);
        int n = in.readInt();
        if (n != size) throw in.mismatch("population " + name + " has " + n + " neurons saved, " + size + " here");
        totalSpikes = in.readLong();
        restoreState(in);
    }

    /** What {@link #save} writes after the spike count. */
    abstract void saveState(org.neurosim.core.checkpoint.StateWriter out);

    /** The inverse of {@link #saveState}. */
    abstract void restoreState(org.neurosim.core.checkpoint.StateReader in);
}
