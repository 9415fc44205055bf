package org.neurosim.network.engine;

import java.util.List;
import org.neurosim.core.source.SpikeSource;
import org.neurosim.core.source.StatefulSpikeSource;

/** A source population: it only emits spikes, those its {@link SpikeSource} draws each step. */
public final class SourcePopulation extends Population {
    public final SpikeSource source;

    public SourcePopulation(String name, String model, int index, int size, SpikeSource source) {
        super(name, model, index, size);
        this.source = source;
    }

    @Override
    public String integrator() { return "none"; }

    @Override
    public boolean spiking() {
        return true;
    }

    /** None: a source has no state variables. */
    @Override
    public double[][] state() {
        return new double[0][];
    }

    @Override
    public List<String> variables() {
        return List.of();
    }

    /** Step n's spikes into {@link #spikes()}, drawn from {@code random} (the step's own stream). */
    void emit(long n, java.util.SplittableRandom random) {
        spikes.clear();
        source.emit(n, random, spikes);
        totalSpikes += spikes.count();
    }

    /**
     * Its state arrays (none for a stateless source, whose random stream is per step), then an empty jump ring: the
     * layout of a neuron population's section, which ends with its ring.
     */
    @Override
    void saveState(org.neurosim.core.checkpoint.StateWriter out) {
        long[][] longs = longState(source);
        double[][] doubles = doubleState(source);
        out.writeInt(longs.length);
        for (long[] a : longs) out.longs(a);
        out.writeInt(doubles.length);
        for (double[] a : doubles) out.doubles(a);
        Rings.save(out, null);
    }

    private static long[][] longState(SpikeSource s) {
        return s instanceof StatefulSpikeSource st ? st.longState() : new long[0][];
    }

    private static double[][] doubleState(SpikeSource s) {
        return s instanceof StatefulSpikeSource st ? st.doubleState() : new double[0][];
    }

    /** Read in place into the arrays the source works on. */
    @Override
    void restoreState(org.neurosim.core.checkpoint.StateReader in) {
        long[][] longs = longState(source);
        double[][] doubles = doubleState(source);
        String what = "the state of source " + name + " (" + model + ")";
        int n1 = in.readInt();
        if (n1 != longs.length) {
            throw in.mismatch(what + " has " + n1 + " integer arrays saved, " + longs.length + " here");
        }
        for (long[] a : longs) in.longs(a, what);
        int n2 = in.readInt();
        if (n2 != doubles.length) {
            throw in.mismatch(what + " has " + n2 + " real arrays saved, " + doubles.length + " here");
        }
        for (double[] a : doubles) in.doubles(a, what);
        Rings.restore(in, size, "jumps onto " + name);   // none: a source takes no jumps
    }
}
