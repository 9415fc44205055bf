package org.neurosim.network.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.neurosim.core.NumericalFailureException;
import org.neurosim.core.model.SpikeBuffer;
import org.neurosim.core.model.StateVariable;

/**
 * The per-step work of a network. Chunk c of every population is worker c's: it builds the drive, steps the
 * neurons and advances the synaptic filters onto that chunk, all inside its own index range, so one hand-off per
 * step suffices (two when rate projections need every source's state before any drive is complete). First-order
 * filters (exponential PSCs) decay inside the drive pass, right after their output is read; the others advance
 * after the neurons. Spikes are merged in chunk order on one thread and staged per projection; at the start of
 * the next step each worker adds them to the synaptic filters of its own chunk (rows are split at the chunk
 * boundaries), so no filter state moves between cores and every target sums its inputs in the serial order.
 * Delta synapses make their targets jump at once, on one thread. Random numbers of sources are drawn on one
 * thread, so a seed gives the same spikes at any thread count.
 */
public final class Engine implements AutoCloseable {
    /** System property that makes every run split across its threads (tests of the parallel path, benchmarks). */
    public static final String ALWAYS_SPLIT = Parallel.ALWAYS_SPLIT;

    private final double dt;
    private final List<Population> populations;
    private final List<Projection> projections;
    private final Parallel parallel;
    private final Population[] neurons;               // populations with equations (not sources)
    private final SynapseGroup[][] groupsOnto;        // per population index: filters onto it that advance themselves
    private final SparseProjection[][] stagedOnto;    // per population index: filtered projections onto it
    private final SparseProjection[][] hearingOf;     // per population index: projections whose synapses hear its spikes
    private final SpikeBuffer[][] chunkSpikes;
    private final int[][] chunkBad;
    private final SplittableRandom[] sourceRandom;
    private final DenseProjection[] dense;
    private long step;
    // the per-step tasks, made once: the step loop allocates nothing
    private final Parallel.WorkerTask driveTask = this::drive;
    private final Parallel.WorkerTask advanceTask = w -> advance(w, false);
    private final Parallel.WorkerTask driveAndAdvanceTask = w -> advance(w, true);

    /**
     * @param sourceRandom per population index, the random stream of a spike source (null for neuron models)
     */
    public Engine(double dt, int threads, List<Population> populations, List<Projection> projections,
                  List<SynapseGroup> groups, SplittableRandom[] sourceRandom) {
        this.dt = dt;
        this.populations = populations;
        this.projections = projections;
        this.parallel = new Parallel(threads);
        this.sourceRandom = sourceRandom;
        int n = populations.size();
        neurons = populations.stream().filter(p -> p.source == null).toArray(Population[]::new);
        groupsOnto = new SynapseGroup[n][];
        stagedOnto = new SparseProjection[n][];
        hearingOf = new SparseProjection[n][];
        chunkSpikes = new SpikeBuffer[n][];
        chunkBad = new int[n][];
        dense = projections.stream().filter(DenseProjection.class::isInstance).map(DenseProjection.class::cast)
                .toArray(DenseProjection[]::new);
        for (Population p : populations) {
            int chunks = parallel.chunks(p.size);
            chunkSpikes[p.index] = new SpikeBuffer[chunks];
            for (int c = 0; c < chunks; c++) chunkSpikes[p.index][c] = c == 0 ? p.spikes : new SpikeBuffer();
            chunkBad[p.index] = new int[chunks];
            wireSynapses(p, groups);
            stagedOnto[p.index] = sparseOnto(p).stream().filter(Engine::staged).toArray(SparseProjection[]::new);
            for (SparseProjection pr : stagedOnto[p.index]) pr.chunkTargets(chunks);
            hearingOf[p.index] = sparseOnto(p).stream().filter(SparseProjection::hearsPostsynaptic)
                    .toArray(SparseProjection[]::new);
        }
        settleInstantaneous();
    }

    private List<SparseProjection> sparseOnto(Population p) {
        List<SparseProjection> out = new ArrayList<>();
        for (Projection pr : projections) if (pr.target == p && pr instanceof SparseProjection s) out.add(s);
        return out;
    }

    /** Which filter outputs enter p's drive, and which filters decay in the drive pass or advance themselves. */
    private void wireSynapses(Population p, List<SynapseGroup> groups) {
        List<double[]> currents = new ArrayList<>();
        List<Double> currentDecay = new ArrayList<>();
        List<SynapseGroup> conductances = new ArrayList<>();
        List<Double> conductanceDecay = new ArrayList<>();
        List<SynapseGroup> advancing = new ArrayList<>();
        for (SynapseGroup g : groups) {
            if (g.target != p) continue;
            double f = g.filter.pointwiseDecay();   // NaN: the filter advances itself
            if (f != f) advancing.add(g);
            if (g.conductance) {
                conductances.add(g);
                conductanceDecay.add(f);
            } else {
                currents.add(g.filter.output());
                currentDecay.add(f);
            }
        }
        p.currentInputs = currents.toArray(double[][]::new);
        p.currentDecay = currentDecay.stream().mapToDouble(Double::doubleValue).toArray();
        p.conductanceGroups = conductances.toArray(SynapseGroup[]::new);
        p.conductanceDecay = conductanceDecay.stream().mapToDouble(Double::doubleValue).toArray();
        groupsOnto[p.index] = advancing.toArray(SynapseGroup[]::new);
    }

    /**
     * Instantaneous rate populations (tau = 0) start at y = s(input): settle them in config order, so a
     * feed-forward rate network holds y = s(W x + b) from t = 0 on.
     */
    private void settleInstantaneous() {
        for (Population p : populations) {
            if (p.solver != null && p.dynamics instanceof org.neurosim.core.model.Instantaneous) {
                p.buildDrive(0, 0, p.size, false);
                for (DenseProjection pr : dense) if (pr.target == p) pr.addRateInput();
                p.solver.step(p.drive, (i, o) -> { }, 0, p.size);
            }
        }
    }

    private static boolean staged(SparseProjection pr) {
        return pr.group != null;
    }

    private void drive(int worker) {
        for (Population p : neurons) {
            int chunks = chunkSpikes[p.index].length;
            if (worker < chunks) {
                for (SparseProjection pr : stagedOnto[p.index]) pr.deliverStaged(dt, worker);
                p.buildDrive(step, Parallel.start(worker, chunks, p.size), Parallel.start(worker + 1, chunks, p.size),
                        true);
            }
        }
    }

    private void advance(int worker, boolean withDrive) {
        for (Population p : neurons) {
            SpikeBuffer[] buffers = chunkSpikes[p.index];
            int chunks = buffers.length;
            if (worker >= chunks) continue;
            int from = Parallel.start(worker, chunks, p.size), to = Parallel.start(worker + 1, chunks, p.size);
            if (withDrive) {
                for (SparseProjection pr : stagedOnto[p.index]) pr.deliverStaged(dt, worker);
                p.buildDrive(step, from, to, true);
            }
            buffers[worker].clear();
            chunkBad[p.index][worker] = p.solver.step(p.drive, buffers[worker], from, to);
            for (SynapseGroup g : groupsOnto[p.index]) g.filter.advance(from, to);
            for (SparseProjection pr : hearingOf[p.index]) pr.postsynaptic(buffers[worker], step * dt);
        }
    }

    /** Advances the whole network by one step, from t = n dt to (n + 1) dt. */
    public void step(long n) {
        this.step = n;
        double t = n * dt;
        if (dense.length > 0) {
            parallel.onEveryWorker(driveTask);
            for (DenseProjection pr : dense) pr.addRateInput();
            parallel.onEveryWorker(advanceTask);
        } else {
            parallel.onEveryWorker(driveAndAdvanceTask);
        }
        for (Population p : populations) {
            if (p.source != null) {
                p.spikes.clear();
                p.source.emit(n, sourceRandom[p.index], p.spikes);
                p.totalSpikes += p.spikes.count();
                continue;
            }
            SpikeBuffer[] buffers = chunkSpikes[p.index];
            for (int c = 1; c < buffers.length; c++) p.spikes.addAll(buffers[c]);
            p.totalSpikes += p.spikes.count();
            for (int b : chunkBad[p.index]) if (b >= 0) fail(p, b, t + dt);
        }
        for (Projection pr : projections) {
            if (pr instanceof SparseProjection s) {
                if (staged(s)) s.stage(n);
                else s.deliverNow(n, dt);
            }
        }
    }

    /** Adds the spikes staged by the last step to their filters, on this thread: the network is then whole. */
    public void deliverStaged() {
        for (Projection pr : projections) {
            if (pr instanceof SparseProjection s && staged(s)) s.deliverStagedNow(dt);
        }
    }

    @Override
    public void close() {
        parallel.close();
    }

    private void fail(Population p, int neuron, double time) {
        int k = p.solver.nonFiniteVariable(neuron);
        StateVariable v = p.dynamics.stateVariables().get(Math.max(0, k));
        throw new NumericalFailureException(String.format(Locale.ROOT,
                "population %s, neuron %d: %s became %s at t = %s s with integrator %s and dt = %s s; "
                        + "use a smaller dt or another integrator (rk4, exponential-euler)",
                p.name, neuron, v.name(), Double.toString(p.solver.state()[Math.max(0, k)][neuron]), fmt(time),
                p.integrator, fmt(dt)), time);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
