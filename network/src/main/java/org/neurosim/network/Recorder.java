package org.neurosim.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The monitors of a run: spikes, state traces and population rates. Everything streams to CSV as the run goes
 * (memory stays flat however long the run); a bounded sample is also kept in memory for the plots.
 */
public final class Recorder implements AutoCloseable {
    /** At most this many spikes are kept for the raster plot. */
    static final int RASTER_LIMIT = 200_000;
    /** At most this many rows of trace values are kept for the trace plot (evenly spaced in time). */
    static final int TRACE_ROWS = 10_000;

    private final Network net;
    private final double dt;
    private final AtomicOutput spikesOut, stateOut, ratesOut;
    private final boolean[] recordSpikes;
    // state probes flattened: population, variable index, neuron
    private final int[] probePop, probeVar, probeNeuron;
    private final List<String> traceNames = new ArrayList<>();
    // rates
    private final int binSteps;
    private final int[] ratePops;
    private final long[] binCounts;
    private final List<double[]> rateRows = new ArrayList<>();
    // in-memory samples for plots
    private int rasterCount;
    private int[] rasterPop = new int[1024], rasterNeuron = new int[1024];
    private double[] rasterTime = new double[1024];
    private final int traceStride;
    private final List<double[]> traceRows = new ArrayList<>();
    private final StringBuilder line = new StringBuilder(256);

    Recorder(Network net, Path outDir) {
        this.net = net;
        this.dt = net.dt;
        Network.RecordSpec r = net.record;
        recordSpikes = new boolean[net.populations.size()];
        for (String p : r.spikes()) recordSpikes[net.population(p).index] = true;
        List<int[]> probes = new ArrayList<>();
        for (Network.StateProbe sp : r.state()) {
            Population p = net.population(sp.population());
            for (String v : sp.variables()) {
                int k = p.variables().indexOf(v);
                for (int n : sp.neurons()) {
                    probes.add(new int[] {p.index, k, n});
                    traceNames.add(p.name + "." + v + "[" + n + "]");
                }
            }
        }
        probePop = probes.stream().mapToInt(a -> a[0]).toArray();
        probeVar = probes.stream().mapToInt(a -> a[1]).toArray();
        probeNeuron = probes.stream().mapToInt(a -> a[2]).toArray();
        traceStride = (int) Math.max(1, (net.steps + 1 + TRACE_ROWS - 1) / TRACE_ROWS);
        binSteps = r.rateBin() > 0 ? (int) Math.max(1, Math.round(r.rateBin() / dt)) : 0;
        ratePops = r.ratePopulations().stream().mapToInt(n -> net.population(n).index).toArray();
        binCounts = new long[ratePops.length];

        boolean files = outDir != null;
        spikesOut = files ? new AtomicOutput(outDir, "spikes.csv", "population,neuron,time_s") : null;
        stateOut = files && !probes.isEmpty() ? new AtomicOutput(outDir, "state.csv", "time_s," + String.join(",", traceNames)) : null;
        String rateHeader = "time_s," + String.join(",", r.ratePopulations());
        ratesOut = files && binSteps > 0 ? new AtomicOutput(outDir, "rates.csv", rateHeader) : null;
    }

    /** Records the state at t = step dt (call with step 0 before the first step). */
    void state(long step) {
        if (probePop.length == 0) return;
        double t = step * dt;
        boolean keep = step % traceStride == 0;
        double[] row = keep ? new double[probePop.length + 1] : null;
        if (keep) row[0] = t;
        if (stateOut != null) {
            line.setLength(0);
            line.append(t);
        }
        for (int k = 0; k < probePop.length; k++) {
            double v = net.populations.get(probePop[k]).state()[probeVar[k]][probeNeuron[k]];
            if (keep) row[k + 1] = v;
            if (stateOut != null) line.append(',').append(v);
        }
        if (keep) traceRows.add(row);
        if (stateOut != null) write(stateOut, line.append('\n'));
    }

    /** Records the spikes of step [step dt, (step + 1) dt). */
    void spikes(long step) {
        double t0 = step * dt;
        for (Population p : net.populations) {
            SpikeBuffer b = p.spikes;
            if (b.count == 0) continue;
            if (recordSpikes[p.index]) {
                if (spikesOut != null) {
                    line.setLength(0);
                    for (int k = 0; k < b.count; k++) {
                        line.append(p.name).append(',').append(b.neurons[k]).append(',').append(t0 + b.offsets[k]).append('\n');
                    }
                    write(spikesOut, line);
                }
                for (int k = 0; k < b.count && rasterCount < RASTER_LIMIT; k++) {
                    if (rasterCount == rasterPop.length) {
                        int n = Math.min(RASTER_LIMIT, 2 * rasterCount);
                        rasterPop = Arrays.copyOf(rasterPop, n);
                        rasterNeuron = Arrays.copyOf(rasterNeuron, n);
                        rasterTime = Arrays.copyOf(rasterTime, n);
                    }
                    rasterPop[rasterCount] = p.index;
                    rasterNeuron[rasterCount] = b.neurons[k];
                    rasterTime[rasterCount++] = t0 + b.offsets[k];
                }
            }
            for (int r = 0; r < ratePops.length; r++) if (ratePops[r] == p.index) binCounts[r] += b.count;
        }
        if (binSteps > 0 && (step + 1) % binSteps == 0) closeBin(step + 1 - binSteps, binSteps);
    }

    private void closeBin(long firstStep, long stepsInBin) {
        double width = stepsInBin * dt;
        double[] row = new double[ratePops.length + 1];
        row[0] = firstStep * dt;
        if (ratesOut != null) {
            line.setLength(0);
            line.append(row[0]);
        }
        for (int r = 0; r < ratePops.length; r++) {
            row[r + 1] = binCounts[r] / (net.populations.get(ratePops[r]).size * width);
            binCounts[r] = 0;
            if (ratesOut != null) line.append(',').append(row[r + 1]);
        }
        rateRows.add(row);
        if (ratesOut != null) write(ratesOut, line.append('\n'));
    }

    /** Closes a last, partial rate bin of a run that stopped after {@code stepsDone} steps. */
    void finish(long stepsDone) {
        if (binSteps > 0) {
            long rest = stepsDone % binSteps;
            if (rest > 0) closeBin(stepsDone - rest, rest);
        }
    }

    private char[] chars = new char[1024];

    /** Writes the line buffer without allocating: a long run produces no garbage, so its memory stays flat. */
    private void write(AtomicOutput out, StringBuilder s) {
        int n = s.length();
        if (chars.length < n) chars = new char[Math.max(n, 2 * chars.length)];
        s.getChars(0, n, chars, 0);
        try {
            out.writer().write(chars, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void flush() {
        for (AtomicOutput o : new AtomicOutput[] {spikesOut, stateOut, ratesOut}) if (o != null) o.flush();
    }

    @Override
    public void close() {
        for (AtomicOutput o : new AtomicOutput[] {spikesOut, stateOut, ratesOut}) if (o != null) o.close();
    }

    // ---- the in-memory samples, for plots and tests

    public int rasterCount() { return rasterCount; }
    public int rasterPopulation(int k) { return rasterPop[k]; }
    public int rasterNeuron(int k) { return rasterNeuron[k]; }
    public double rasterTime(int k) { return rasterTime[k]; }
    public List<String> traceNames() { return traceNames; }
    /** Rows of {time, trace values...}, every traceStride-th step. */
    public List<double[]> traceRows() { return traceRows; }
    public List<String> ratePopulations() { return net.record.ratePopulations(); }
    /** Rows of {bin start, rate per population (Hz)}. */
    public List<double[]> rateRows() { return rateRows; }
    public double rateBin() { return binSteps * dt; }
}
