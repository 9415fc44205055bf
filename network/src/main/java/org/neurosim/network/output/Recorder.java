package org.neurosim.network.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neurosim.core.model.SpikeBuffer;
import org.neurosim.core.output.RunOutput;
import org.neurosim.network.Network;
import org.neurosim.network.engine.Population;
import org.neurosim.network.engine.Projection;
import org.neurosim.network.engine.SparseProjection;
import org.neurosim.network.engine.SynapseGroup;

/**
 * The monitors of a run: spikes, state traces and population rates. Every sample goes to the run's outputs as
 * the run goes (CSV and any plugin format; memory stays flat however long the run); a bounded sample is also kept
 * in memory for the plots.
 */
public final class Recorder implements AutoCloseable, org.neurosim.core.checkpoint.Checkpointable {
    // Over 300 lines: one set of monitors whose state is sampled and checkpointed together; a third is one-line accessors.
    private final int rasterLimit;   // record.memory.spikes: at most this many spikes kept in memory

    private final Network net;
    private final double dt;
    private final List<Population> populations;
    private final RunOutput[] outputs;
    private final boolean[] recordSpikes;
    // state probes flattened: population, variable index, neuron
    private final int[] probePop, probeVar, probeNeuron, probeOf;   // probeOf: index of its StateProbe
    private final double[] probeValues;
    private final List<String> traceNames;
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
    private final List<List<SynapseGroup>> ontoProbe = new ArrayList<>();
    // weights: per probe its projection, its synapses' sources and targets, the values of the last sample, and the
    // first sample
    private final Network.WeightProbe[] weightProbes;
    private final SparseProjection[] weighed;
    private final int[][] weightSources, weightTargets;
    private final double[][] firstWeights, lastWeights;
    private long lastWeightStep = -1;
    private final SpikeStatistics statistics;
    private long recordedSpikes;
    private final double stepsPerSecond;   // 1/dt when it is a whole number, else 0 (see time)
    private final long first;   // the run's first step (a run of a network that ran before continues its time)

    /** The names of the traces a network records, {@code <population>.<variable>[<neuron>]}, in column order. */
    public static List<String> traceNames(Network net) {
        List<String> names = new ArrayList<>();
        for (Network.StateProbe sp : net.record().state()) {
            for (String v : sp.variables()) {
                for (int n : sp.neurons()) names.add(sp.population() + "." + v + "[" + n + "]");
            }
        }
        return names;
    }

    /**
     * A recorder of a run that started at step {@code first} (earlier than now when the run is resumed), of
     * {@code net}, whose engine objects are {@code populations}, {@code projections} and {@code groups}.
     */
    public Recorder(Network net, List<Population> populations, List<Projection> projections,
                    List<SynapseGroup> groups, List<RunOutput> outputs, long first) {
        this.net = net;
        this.dt = net.dt();
        this.populations = populations;
        this.outputs = outputs.toArray(RunOutput[]::new);
        Network.RecordSpec r = net.record();
        recordSpikes = new boolean[populations.size()];
        for (String p : r.spikes()) recordSpikes[population(p).index] = true;
        List<int[]> probes = probes(r, groups);
        traceNames = traceNames(net);
        probePop = probes.stream().mapToInt(a -> a[0]).toArray();
        probeVar = probes.stream().mapToInt(a -> a[1]).toArray();
        probeNeuron = probes.stream().mapToInt(a -> a[2]).toArray();
        probeOf = probes.stream().mapToInt(a -> a[3]).toArray();
        probeValues = new double[probePop.length];
        this.first = first;
        double inverse = Math.rint(1 / dt);
        stepsPerSecond = Math.abs(inverse * dt - 1) < 1e-12 ? inverse : 0;
        int rows = r.memory().traceRows();
        traceStride = (int) Math.max(1, (net.steps() + 1 + rows - 1) / rows);
        rasterLimit = r.memory().spikes();
        binSteps = r.rateBin() > 0 ? (int) Math.max(1, Math.round(r.rateBin() / dt)) : 0;
        ratePops = r.ratePopulations().stream().mapToInt(n -> population(n).index).toArray();
        binCounts = new long[ratePops.length];
        statistics = new SpikeStatistics(populations, first * dt + r.analysisStart(), first * dt + net.duration());
        weightProbes = r.weights().toArray(Network.WeightProbe[]::new);
        int nw = weightProbes.length;
        weighed = new SparseProjection[nw];
        for (int k = 0; k < nw; k++) weighed[k] = (SparseProjection) projections.get(weightProbes[k].projection());
        weightSources = new int[nw][];
        weightTargets = new int[nw][];
        firstWeights = new double[nw][];
        lastWeights = new double[nw][];
        for (int k = 0; k < nw; k++) {
            int[] syn = weightProbes[k].synapses();
            weightSources[k] = new int[syn.length];
            weightTargets[k] = new int[syn.length];
            sourcesAndTargets(weightProbes[k], weighed[k], weightSources[k], weightTargets[k]);
            lastWeights[k] = new double[syn.length];
        }
    }

    /**
     * The state probes flattened, one {population, variable index (a synaptic probe's code when negative), neuron,
     * index of its StateProbe} each; adds the synapse groups onto each probe's population to ontoProbe.
     */
    private List<int[]> probes(Network.RecordSpec r, List<SynapseGroup> groups) {
        List<int[]> probes = new ArrayList<>();
        for (Network.StateProbe sp : r.state()) {
            Population p = population(sp.population());
            for (String v : sp.variables()) {
                int k = p.variables().indexOf(v);
                if (k < 0) k = SynapticProbe.code(v);
                for (int n : sp.neurons()) probes.add(new int[] {p.index, k, n, ontoProbe.size()});
            }
            ontoProbe.add(SynapticProbe.onto(p, groups));
        }
        return probes;
    }

    private Population population(String name) {
        return populations.stream().filter(p -> p.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no population " + name));
    }

    /** The source and target neuron of each synapse a weight probe samples (its synapses by row, rows in order). */
    private static void sourcesAndTargets(Network.WeightProbe w, SparseProjection pr, int[] sources, int[] targets) {
        int[] syn = w.synapses(), rowStart = pr.rowStart();
        int row = 0;
        for (int i = 0; i < syn.length; i++) {
            if (i > 0 && syn[i] < syn[i - 1]) row = 0;
            while (rowStart[row + 1] <= syn[i]) row++;
            sources[i] = pr.rowSource(row);
            targets[i] = pr.targets()[syn[i]];
        }
    }

    /** True when a recorded variable reads synaptic filters (the engine must then deliver staged spikes first). */
    public boolean readsSynapses() {
        for (int k : probeVar) if (k < 0) return true;
        return false;
    }

    /** Samples the recorded weights at t = step dt when due (or always, with {@code force}). */
    public void weights(long step, boolean force) {
        if (weightProbes.length == 0 || step == lastWeightStep) return;
        boolean any = false;
        for (int k = 0; k < weightProbes.length; k++) {
            Network.WeightProbe w = weightProbes[k];
            if (!force && (step - first) % w.everySteps() != 0) continue;
            any = true;
            int[] syn = w.synapses();
            double[] values = lastWeights[k];
            SparseProjection pr = weighed[k];
            for (int i = 0; i < syn.length; i++) values[i] = pr.synapse().weight(syn[i]);
            if (firstWeights[k] == null) firstWeights[k] = values.clone();
            for (RunOutput o : outputs) {
                o.weights(time(step), w.block(), weightSources[k], weightTargets[k], values, syn.length);
            }
        }
        if (any) lastWeightStep = step;
    }

    /** Records the state at t = step dt (call with step 0 before the first step). */
    public void state(long step) {
        if (probePop.length == 0) return;
        double t = time(step);
        for (int k = 0; k < probePop.length; k++) {
            Population p = populations.get(probePop[k]);
            probeValues[k] = probeVar[k] >= 0 ? p.state()[probeVar[k]][probeNeuron[k]]
                    : SynapticProbe.value(probeVar[k], p, ontoProbe.get(probeOf[k]), probeNeuron[k]);
        }
        if ((step - first) % traceStride == 0) {
            double[] row = new double[probePop.length + 1];
            row[0] = t;
            System.arraycopy(probeValues, 0, row, 1, probeValues.length);
            traceRows.add(row);
        }
        for (RunOutput o : outputs) o.state(t, probeValues);
    }

    /** Records the spikes of step [step dt, (step + 1) dt). */
    public void spikes(long step) {
        double t0 = time(step);
        for (Population p : populations) {
            SpikeBuffer b = p.spikes();
            if (b.count() == 0) continue;
            for (int k = 0; k < b.count(); k++) statistics.spike(p.index, b.neuron(k), t0 + b.offset(k));
            if (recordSpikes[p.index]) {
                for (RunOutput o : outputs) o.spikes(p.index, t0, b);
                recordedSpikes += b.count();
                for (int k = 0; k < b.count() && rasterCount < rasterLimit; k++) {
                    if (rasterCount == rasterPop.length) {
                        int n = Math.min(rasterLimit, Math.max(1024, 2 * rasterCount));
                        rasterPop = Arrays.copyOf(rasterPop, n);
                        rasterNeuron = Arrays.copyOf(rasterNeuron, n);
                        rasterTime = Arrays.copyOf(rasterTime, n);
                    }
                    rasterPop[rasterCount] = p.index;
                    rasterNeuron[rasterCount] = b.neuron(k);
                    rasterTime[rasterCount++] = t0 + b.offset(k);
                }
            }
            for (int r = 0; r < ratePops.length; r++) if (ratePops[r] == p.index) binCounts[r] += b.count();
        }
        if (binSteps > 0 && (step + 1 - first) % binSteps == 0) closeBin(step + 1 - binSteps, binSteps);
    }

    private void closeBin(long firstStep, long stepsInBin) {
        double width = stepsInBin * dt;
        double[] row = new double[ratePops.length + 1];
        row[0] = time(firstStep);
        for (int r = 0; r < ratePops.length; r++) {
            row[r + 1] = binCounts[r] / (populations.get(ratePops[r]).size * width);
            binCounts[r] = 0;
        }
        rateRows.add(row);
        double[] rates = Arrays.copyOfRange(row, 1, row.length);
        for (RunOutput o : outputs) o.rates(row[0], rates);
    }

    /** Closes a last, partial rate bin of a run that stopped after {@code stepsDone} steps. */
    public void finish(long stepsDone) {
        if (binSteps > 0) {
            long rest = stepsDone % binSteps;
            if (rest > 0) closeBin(first + stepsDone - rest, rest);
        }
    }

    /** Closes every output: files move to their final names, complete or not. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (RunOutput o : outputs) {
            try {
                o.close();
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    // ---- the in-memory samples, for plots and tests

    public int rasterCount() { return rasterCount; }

    /**
     * What the in-memory samples leave out, as sentences for a warning or a plot's note (empty when they hold
     * everything): the spikes past record.memory.spikes, the trace rows between every traceStride-th step.
     */
    public List<String> memoryLimits() {
        List<String> notes = new ArrayList<>();
        if (recordedSpikes > rasterCount) {
            notes.add(String.format(java.util.Locale.ROOT, "recorder() holds the first %,d of %,d spikes in memory "
                    + "(to t = %.4g s; record.memory.spikes raises the limit); spikes.csv has all, and the raster "
                    + "reads its window from there", rasterCount,
                    recordedSpikes, rasterCount == 0 ? 0 : rasterTime[rasterCount - 1]));
        }
        if (traceStride > 1 && !traceRows.isEmpty()) {
            notes.add(String.format(java.util.Locale.ROOT, "the trace plot and recorder() hold every %s step "
                    + "(record.memory.trace_rows = %,d rows); state.csv has every step", ordinal(traceStride),
                    net.record().memory().traceRows()));
        }
        return notes;
    }

    /** 2nd, 3rd, 11th, 21st ... (for the notes on thinned samples, here and on the plots). */
    public static String ordinal(long n) {
        long tens = n % 100, ones = n % 10;
        String suffix = tens >= 11 && tens <= 13 ? "th" : ones == 1 ? "st" : ones == 2 ? "nd" : ones == 3 ? "rd" : "th";
        return n + suffix;
    }

    /** Rows of traces kept in memory: every traceStride-th step. */
    public int traceStride() { return traceStride; }
    /** All spikes of the recorded populations, also those beyond the raster's limit (they are in the outputs). */
    public long recordedSpikes() { return recordedSpikes; }
    public int rasterPopulation(int k) { return rasterPop[k]; }
    public int rasterNeuron(int k) { return rasterNeuron[k]; }
    public double rasterTime(int k) { return rasterTime[k]; }
    public List<String> traceNames() { return traceNames; }
    /** Rows of {time, trace values...}, every traceStride-th step. */
    public List<double[]> traceRows() { return traceRows; }
    public List<String> ratePopulations() { return net.record().ratePopulations(); }
    /** Rows of {bin start, rate per population (Hz)}. */
    public List<double[]> rateRows() { return rateRows; }
    public double rateBin() { return binSteps * dt; }

    /**
     * The time of a step boundary as written: step / (1/dt) when 1/dt is a whole number (0.1 ms: 10,000 steps per
     * second), the correctly rounded decimal, so files say 0.0003 and not 3.0000000000000003E-4; step dt otherwise.
     */
    private double time(long step) {
        return stepsPerSecond > 0 ? step / stepsPerSecond : step * dt;
    }
    /** The recorded weight probes, with the first and last sampled values of each (null before any sample). */
    public List<Network.WeightProbe> weightProbes() { return List.of(weightProbes); }
    public double[] firstWeights(int probe) { return firstWeights[probe]; }
    public double[] lastWeights(int probe) { return lastWeightStep < 0 ? null : lastWeights[probe]; }
    public double lastWeightTime() { return lastWeightStep * dt; }
    /** Rates, ISI CV, synchrony and peak frequency per spiking population (see {@link SpikeStatistics}). */
    public SpikeStatistics statistics() { return statistics; }

    /** The outputs this recorder writes to. */
    public List<RunOutput> outputs() { return List.of(outputs); }

    /** The run's first step (before a resume, the step the interrupted run started at). */
    public long first() { return first; }

    /**
     * Everything the rest of the run's outputs depend on: the open rate bin, the weight samples, the spike count,
     * the statistics, and the in-memory samples the plots are drawn from.
     */
    @Override
    public void save(org.neurosim.core.checkpoint.StateWriter out) {
        out.section("recorder").writeLong(first).longs(binCounts).writeLong(lastWeightStep).writeLong(recordedSpikes);
        out.writeInt(weightProbes.length);
        for (int k = 0; k < weightProbes.length; k++) {
            out.writeInt(firstWeights[k] == null ? 0 : 1);
            if (firstWeights[k] != null) out.doubles(firstWeights[k]);
            out.doubles(lastWeights[k]);
        }
        out.ints(rasterPop, 0, rasterCount).ints(rasterNeuron, 0, rasterCount).doubles(rasterTime, 0, rasterCount);
        saveRows(out, traceRows);
        saveRows(out, rateRows);
        statistics.save(out);
    }

    @Override
    public void restore(org.neurosim.core.checkpoint.StateReader in) {
        in.section("recorder");
        long savedFirst = in.readLong();
        if (savedFirst != first) throw in.mismatch("the run started at step " + savedFirst + ", not " + first);
        in.longs(binCounts, "rate bins");
        lastWeightStep = in.readLong();
        recordedSpikes = in.readLong();
        int nw = in.readInt();
        if (nw != weightProbes.length) throw in.mismatch(nw + " weight probes saved, " + weightProbes.length + " here");
        for (int k = 0; k < nw; k++) {
            if (in.readInt() == 1) {
                firstWeights[k] = new double[lastWeights[k].length];
                in.doubles(firstWeights[k], "recorded weights");
            }
            in.doubles(lastWeights[k], "recorded weights");
        }
        rasterPop = in.ints("raster");
        rasterNeuron = in.ints("raster");
        rasterTime = in.doubles("raster");
        rasterCount = rasterPop.length;
        if (rasterCount == 0) {   // room to grow, as a new recorder has
            rasterPop = new int[1024];
            rasterNeuron = new int[1024];
            rasterTime = new double[1024];
        }
        restoreRows(in, traceRows);
        restoreRows(in, rateRows);
        statistics.restore(in);
    }

    private static void saveRows(org.neurosim.core.checkpoint.StateWriter out, List<double[]> rows) {
        out.writeInt(rows.size());
        for (double[] r : rows) out.doubles(r);
    }

    private static void restoreRows(org.neurosim.core.checkpoint.StateReader in, List<double[]> rows) {
        rows.clear();
        int n = in.readInt();
        for (int k = 0; k < n; k++) rows.add(in.doubles("recorded rows"));
    }
}
