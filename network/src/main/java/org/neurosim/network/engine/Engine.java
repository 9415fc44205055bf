package org.neurosim.network.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.neurosim.core.NumericalFailureException;
import org.neurosim.core.Seeds;
import org.neurosim.core.model.InputEvents;
import org.neurosim.core.model.ExactWithSynapses;
import org.neurosim.core.model.SpikeBuffer;
import org.neurosim.core.model.StateVariable;
import org.neurosim.core.synapse.ModalFilter;

/**
 * The per-step work of a network. Chunk c of every population is worker c's: it builds the drive, steps the
 * neurons and advances the synaptic filters onto that chunk, all inside its own index range, so one hand-off per
 * step suffices (two when rate projections need every source's state before any drive is complete). First-order
 * filters (exponential PSCs) decay inside the drive pass, right after their output is read; the others advance
 * after the neurons. Spikes are merged in chunk order on one thread and staged per projection; at the start of
 * the next step each worker adds them to the synaptic filters of its own chunk (rows are split at the chunk
 * boundaries), so no filter state moves between cores and every target sums its inputs in the serial order.
 * Delta synapses make their targets jump at once, on one thread. Random numbers of sources are drawn on one
 * thread, so a seed gives the same spikes at any thread count. A population on the grid (exact-grid) takes its
 * inputs from rings that the step's spikes fill at its end, in units of whole target populations (or chunks of
 * them) that the workers take as they come free.
 */
public final class Engine implements AutoCloseable {
    // Over 300 lines: the wiring chosen once per run (stepping, deliveries, schedules) and the
    // step that follows it, over the same per-population tables.

    private final double dt;
    private final List<Population> populations;
    private final List<Projection> projections;
    private final Parallel parallel;
    private final NeuronPopulation[] neurons;         // populations with equations (not sources)
    private final SynapseGroup[][] groupsOnto;        // per population index: filters onto it that advance themselves
    private final FilterDelivery[][] stagedOnto;      // per population index: projections into its filters
    private final SpikeBuffer[][] chunkSpikes;
    private final int[][] chunkBad;
    private final long[] sourceSeeds;
    private final DenseProjection[] dense;
    // populations that integrate their synapses exactly: per population index, the filters in input order, the
    // projections onto it, and per chunk this step's arrivals and the previous step's late ones (null otherwise)
    private final SynapseGroup[][] inputsOf;
    private final EventDelivery[][] exactOnto;
    private final Arrivals[][] arriving;
    private final Arrivals[] late;                    // per exact population: the step's late arrivals
    private final boolean[][] keptBy;                 // per exact population and input: the model keeps that filter
    private long step;
    // the per-step tasks, made once: the step loop allocates nothing
    private final Parallel.WorkerTask driveTask = this::drive;
    private final Parallel.WorkerTask advanceTask = w -> advance(w, false);
    private final Parallel.WorkerTask driveAndAdvanceTask = w -> advance(w, true);
    // projections whose spikes can be scheduled on the workers (SparseProjection.schedulesAlone), taken one at a
    // time by whichever worker is free (their cost follows their sources' spikes, which no static split knows), the
    // others in projection order on this thread; a projection's schedule reads only its source's spikes and writes
    // only its own ring, so the results do not depend on who takes it
    private SparseProjection[] scheduledApart = new SparseProjection[0];
    private SparseProjection[] scheduledHere = new SparseProjection[0];
    private final java.util.concurrent.atomic.AtomicInteger nextScheduled = new java.util.concurrent.atomic.AtomicInteger();
    private final Parallel.WorkerTask scheduleTask = this::schedule;
    // per population index: a population on the grid (integrator exact-grid) and its rings, or null
    private final GridTarget[] grid;
    // the rings are filled at the end of each step in units (a population or a chunk of it), largest first, each
    // taken by whichever worker is free: a unit writes only its own targets' sums, in an order that does not depend
    // on the units, so neither does the result
    private GridTarget.Unit[] gridUnits = new GridTarget.Unit[0];
    private final java.util.concurrent.atomic.AtomicInteger nextUnit = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param sourceSeeds per population index, the stream seed of a spike source (see {@link Seeds#stepStream})
     * @param first       the first step this engine makes (instantaneous populations are settled only at 0)
     */
    public Engine(double dt, int threads, List<Population> populations, List<Projection> projections,
                  List<SynapseGroup> groups, long[] sourceSeeds, long first) {
        this(dt, threads, populations, projections, groups, sourceSeeds, first, false);
    }

    /** As above; {@code alwaysSplit}: every step's chunks on the worker threads (tests of the parallel path). */
    public Engine(double dt, int threads, List<Population> populations, List<Projection> projections,
                  List<SynapseGroup> groups, long[] sourceSeeds, long first, boolean alwaysSplit) {
        this.dt = dt;
        this.populations = populations;
        this.projections = projections;
        this.parallel = new Parallel(threads, alwaysSplit);
        this.sourceSeeds = sourceSeeds;
        int n = populations.size();
        neurons = populations.stream().filter(NeuronPopulation.class::isInstance).map(NeuronPopulation.class::cast)
                .toArray(NeuronPopulation[]::new);
        groupsOnto = new SynapseGroup[n][];
        stagedOnto = new FilterDelivery[n][];
        chunkSpikes = new SpikeBuffer[n][];
        chunkBad = new int[n][];
        inputsOf = new SynapseGroup[n][];
        exactOnto = new EventDelivery[n][];
        arriving = new Arrivals[n][];
        late = new Arrivals[n];
        keptBy = new boolean[n][];
        grid = new GridTarget[n];
        dense = projections.stream().filter(DenseProjection.class::isInstance).map(DenseProjection.class::cast)
                .toArray(DenseProjection[]::new);
        for (Population q : populations) {
            int chunks = parallel.chunks(q.size);
            chunkSpikes[q.index] = new SpikeBuffer[chunks];
            for (int c = 0; c < chunks; c++) chunkSpikes[q.index][c] = c == 0 ? q.spikes : new SpikeBuffer();
            chunkBad[q.index] = new int[chunks];
            if (q instanceof NeuronPopulation p) wire(p, groups, chunks, first);   // a source: nothing reaches it
        }
        assignSchedules();
        gridUnits = GridTarget.units(Arrays.stream(grid).filter(java.util.Objects::nonNull).toList(), parallel);
        for (NeuronPopulation p : neurons) {
            p.driveIsBuilt = false;
            p.constantDrive = p.constantInput() && p.currentInputs.length == 0
                    && p.conductanceGroups.length == 0 && Arrays.stream(dense).noneMatch(d -> d.target == p);
        }
        if (first == 0) settleInstantaneous();   // later, y holds s(input) of the last step, as it would uninterrupted
    }

    /**
     * The stepping of population p for this run (grid, events or held), chosen from the config alone, and the
     * delivery of every projection onto it.
     */
    private void wire(NeuronPopulation p, List<SynapseGroup> groups, int chunks, long first) {
        if (p.solver.onGrid() && p.stepping.equals("auto") && GridTarget.takes(p, groups)) {
            grid[p.index] = new GridTarget(p, groups, sparseOnto(p));   // grid deliveries
            groupsOnto[p.index] = grid[p.index].advancing;
            p.steppingUsed = "grid";
        } else if (integratesSynapses(p, groups)) {
            wireExact(p, groups, chunks, first);
            p.steppingUsed = "events";
        } else {
            wireSynapses(p, groups);
            p.steppingUsed = "held";
            if (p.solver.withSynapses() && p.stepping.equals("auto")) {
                fallbacks.add("populations." + p.name + ": integrator " + p.integrator + " holds this population's "
                        + "synaptic input over each step (a conductance or a filter without modes reaches it), "
                        + "so its synapses are not integrated in closed form; summary.json says stepping: held");
            }
        }
        stagedOnto[p.index] = new FilterDelivery[0];
        if (arriving[p.index] == null && grid[p.index] == null) wireHeld(p, chunks);
    }

    /** Which projections are scheduled on the workers: largest first (by rows, a spike's entries), the rest here. */
    private void assignSchedules() {
        List<SparseProjection> apart = new ArrayList<>(), here = new ArrayList<>();
        for (Projection pr : projections) {
            if (pr instanceof SparseProjection s && !(s.delivery() instanceof GridDelivery)) {
                (parallel.threads > 1 && s.delivery().schedulesAlone() ? apart : here).add(s);
            }
        }
        apart.sort((a, b) -> Long.compare(b.rowCount(), a.rowCount()));
        scheduledApart = apart.toArray(SparseProjection[]::new);
        scheduledHere = here.toArray(SparseProjection[]::new);
    }

    private void schedule(int worker) {
        for (int u; (u = nextUnit.getAndIncrement()) < gridUnits.length; ) {
            GridTarget.Unit unit = gridUnits[u];
            unit.target().deliver(step, dt, unit.chunk(), unit.chunks());
        }
        SparseProjection[] list = scheduledApart;
        for (int k; (k = nextScheduled.getAndIncrement()) < list.length; ) list[k].schedule(step, dt);
    }

    private List<SparseProjection> sparseOnto(Population p) {
        List<SparseProjection> out = new ArrayList<>();
        for (Projection pr : projections) if (pr.target == p && pr instanceof SparseProjection s) out.add(s);
        return out;
    }

    /**
     * True when p's model integrates its current synapses itself and every filter onto p can describe its output
     * in closed form; any other population keeps its drive held over the step.
     */
    private final List<String> fallbacks = new ArrayList<>();

    /** Populations whose exact integrator holds its synaptic input instead (the documented fallback), one line each. */
    public List<String> fallbacks() {
        return fallbacks;
    }

    private boolean integratesSynapses(NeuronPopulation p, List<SynapseGroup> groups) {
        if (!p.solver.withSynapses() || p.stepping.equals("held") || p.solver.onGrid()) return false;
        for (SynapseGroup g : groups) {
            if (g.target == p && (g.conductance || !(g.filter instanceof ModalFilter))) return false;
        }
        return true;
    }

    /** Binds the filters to the model as its inputs, in order; returns those it does not keep (the network advances them). */
    static SynapseGroup[] bindInputs(ExactWithSynapses model, List<SynapseGroup> inputs) {
        List<ModalFilter> filters = new ArrayList<>();
        for (SynapseGroup g : inputs) filters.add((ModalFilter) g.filter);
        model.bindInputs(filters);
        List<SynapseGroup> advancing = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) if (!model.advancesInput(k)) advancing.add(inputs.get(k));
        return advancing.toArray(SynapseGroup[]::new);
    }

    /**
     * A population whose drive is held over each step: projections through a filter are staged into it, delta
     * synapses make it jump.
     */
    private void wireHeld(NeuronPopulation p, int chunks) {
        List<FilterDelivery> staged = new ArrayList<>();
        for (SparseProjection pr : sparseOnto(p)) {
            if (pr.group == null) {
                pr.deliverBy(new JumpDelivery(pr));
            } else {
                FilterDelivery f = new FilterDelivery(pr);
                pr.deliverBy(f);
                pr.chunkTargets(chunks);
                staged.add(f);
            }
        }
        stagedOnto[p.index] = staged.toArray(FilterDelivery[]::new);
    }

    /** An exact population: its filters are its inputs (not part of the drive), advanced after the neurons. */
    private void wireExact(NeuronPopulation p, List<SynapseGroup> groups, int chunks, long first) {
        List<SynapseGroup> inputs = new ArrayList<>();
        for (SynapseGroup g : groups) if (g.target == p) inputs.add(g);
        inputsOf[p.index] = inputs.toArray(SynapseGroup[]::new);
        ExactWithSynapses model = (ExactWithSynapses) p.dynamics;
        groupsOnto[p.index] = bindInputs(model, inputs);
        List<EventDelivery> onto = new ArrayList<>();
        for (SparseProjection pr : sparseOnto(p)) {
            EventDelivery d = new EventDelivery(pr, pr.group == null ? InputEvents.JUMP : inputs.indexOf(pr.group), first);
            pr.deliverBy(d);
            pr.chunkTargets(chunks);
            onto.add(d);
        }
        keptBy[p.index] = new boolean[inputs.size()];
        for (int k = 0; k < inputs.size(); k++) keptBy[p.index][k] = model.advancesInput(k);
        exactOnto[p.index] = onto.toArray(EventDelivery[]::new);
        for (PoissonInput in : p.poissonInputs) in.input = in.group == null ? InputEvents.JUMP : inputs.indexOf(in.group);
        arriving[p.index] = new Arrivals[chunks];
        for (int c = 0; c < chunks; c++) arriving[p.index][c] = new Arrivals();
        late[p.index] = new Arrivals();
    }

    /** An exact population's chunk at the start of a step: this step's arrivals are gathered. */
    private void gatherArrivals(NeuronPopulation p, int worker, int from, int to) {
        Arrivals now = arriving[p.index][worker];
        now.clear();
        for (EventDelivery pr : exactOnto[p.index]) pr.collect(worker, step, dt, now);
        if (p.poissonInputs.length > 0) p.addPoissonEvents(step, from, to, now);
    }

    /** An exact population at the end of step n: its late arrivals into the filters, and the membrane's response. */
    private void takeLate(NeuronPopulation p) {
        Arrivals a = late[p.index];
        a.clear();
        for (EventDelivery pr : exactOnto[p.index]) pr.deliverLate(dt, a);
        if (!a.isEmpty()) ((ExactWithSynapses) p.dynamics).addLate(p.state(), a, dt);
    }

    /**
     * Adds the step's arrivals to the filters the model does not keep ({@code kept}), once those have advanced to the
     * step's end (in the same pass, while what a plastic synapse transmitted is still in place), a row at a time and
     * the single arrivals one by one.
     */
    private void addToFilters(SynapseGroup[] in, boolean[] kept, Arrivals a) {
        if (in.length == 0) return;   // delta synapses only: nothing to filter
        for (int r = 0, rows = a.rows(); r < rows; r++) {
            int input = a.rowInput(r);
            if (input == InputEvents.JUMP || kept[input]) continue;
            in[input].filter.addSpikes(a.rowTargets(r), a.rowFrom(r), a.rowTo(r), a.rowWeights(r), a.rowWeight(r),
                    dt - a.rowOffset(r));
        }
        for (int k = 0, n = a.count(); k < n; k++) {
            int input = a.input(k);
            if (input != InputEvents.JUMP && !kept[input]) in[input].filter.addSpike(a.target(k), a.weight(k), dt - a.offset(k));
        }
    }

    /** Which filter outputs enter p's drive, and which filters decay in the drive pass or advance themselves. */
    private void wireSynapses(NeuronPopulation p, List<SynapseGroup> groups) {
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
        // a grid integrator's stages follow the conductance inside the step (stepping: held holds it, to compare)
        boolean held = p.conductanceGroups.length == 0 || p.stepping.equals("held");
        p.drive.conductanceCourse(held ? null : new ConductanceCourse(dt, p.conductanceGroups, p.conductanceDecay));
    }

    /**
     * Instantaneous rate populations (tau = 0) start at y = s(input): settle them in config order, so a
     * feed-forward rate network holds y = s(W x + b) from t = 0 on.
     */
    private void settleInstantaneous() {
        for (NeuronPopulation p : neurons) {
            if (p.dynamics instanceof org.neurosim.core.model.Instantaneous) {
                p.buildDrive(0, 0, p.size, false);
                for (DenseProjection pr : dense) if (pr.target == p) pr.addRateInput(0);
                p.solver.step(p.drive, (i, o) -> { }, 0, p.size);
            }
        }
    }

    private void drive(int worker) {
        for (NeuronPopulation p : neurons) {
            int chunks = chunkSpikes[p.index].length;
            if (worker < chunks) {
                for (FilterDelivery pr : stagedOnto[p.index]) pr.deliverStaged(dt, worker);
                int from = Parallel.start(worker, chunks, p.size), to = Parallel.start(worker + 1, chunks, p.size);
                if (arriving[p.index] != null) gatherArrivals(p, worker, from, to);
                else if (p.poissonInputs.length > 0) p.addPoissonEvents(step, from, to, null, jumpsNow(p));
                p.buildDrive(step, from, to, arriving[p.index] == null && grid[p.index] == null);
            }
        }
    }

    private void advance(int worker, boolean withDrive) {
        for (NeuronPopulation p : neurons) {
            SpikeBuffer[] buffers = chunkSpikes[p.index];
            int chunks = buffers.length;
            if (worker >= chunks) continue;
            int from = Parallel.start(worker, chunks, p.size), to = Parallel.start(worker + 1, chunks, p.size);
            GridTarget onGrid = grid[p.index];
            boolean exact = arriving[p.index] != null;
            if (withDrive) {
                for (FilterDelivery pr : stagedOnto[p.index]) pr.deliverStaged(dt, worker);
                if (exact) gatherArrivals(p, worker, from, to);
                else if (p.poissonInputs.length > 0) p.addPoissonEvents(step, from, to, null, jumpsNow(p));
                p.buildDrive(step, from, to, !exact && onGrid == null);
            }
            buffers[worker].clear();
            try {
                chunkBad[p.index][worker] = onGrid != null
                        ? p.solver.stepOnGrid(p.drive, buffers[worker], onGrid.arrived, onGrid.jumpsNow, from, to)
                        : exact
                        ? p.solver.stepWithArrivals(p.drive, buffers[worker], arriving[p.index][worker], from, to)
                        : p.solver.step(p.drive, buffers[worker], from, to);
            } catch (NumericalFailureException e) {   // a stepper's own failure (dormand-prince): say where and when
                double t = step * dt + (Double.isNaN(e.timeSeconds()) ? 0 : e.timeSeconds());
                throw new NumericalFailureException(String.format(Locale.ROOT, "population %s, step at t = %s s: %s",
                        p.name, fmt(step * dt), e.getMessage()), t);
            }
            for (SynapseGroup g : groupsOnto[p.index]) g.filter.advance(from, to);
            if (exact) addToFilters(inputsOf[p.index], keptBy[p.index], arriving[p.index][worker]);
        }
    }

    /** Advances the whole network by one step, from t = n dt to (n + 1) dt. */
    public void step(long n) {
        this.step = n;
        double t = n * dt;
        for (GridTarget g : grid) if (g != null) g.turn(n);   // this step's slot of every ring
        for (NeuronPopulation p : neurons) p.drive.atStep(n);   // the step whose noise a stochastic model draws
        if (dense.length > 0) {
            parallel.onEveryWorker(driveTask);
            for (DenseProjection pr : dense) pr.addRateInput(n);
            parallel.onEveryWorker(advanceTask);
        } else {
            parallel.onEveryWorker(driveAndAdvanceTask);
        }
        for (Population q : populations) {
            if (q instanceof SourcePopulation s) {
                s.emit(n, Seeds.stepStream(sourceSeeds[s.index], n));
                continue;
            }
            NeuronPopulation p = (NeuronPopulation) q;
            if (p.constantDrive) p.driveIsBuilt = true;   // built by every chunk in this step: kept from now on
            SpikeBuffer[] buffers = chunkSpikes[p.index];
            for (int c = 1; c < buffers.length; c++) p.spikes.addAll(buffers[c]);
            p.totalSpikes += p.spikes.count();
            for (int b : chunkBad[p.index]) if (b >= 0) fail(p, b, t + dt);
        }
        for (SparseProjection s : scheduledHere) s.schedule(n, dt);
        if (scheduledApart.length > 0 || gridUnits.length > 0) {
            nextScheduled.set(0);
            nextUnit.set(0);
            parallel.alsoOnEveryWorker(scheduleTask);
        }
        for (NeuronPopulation p : neurons) if (arriving[p.index] != null) takeLate(p);
    }

    /** The jumps a population on the grid takes at this step's end, or null. */
    private double[] jumpsNow(NeuronPopulation p) {
        return grid[p.index] == null ? null : grid[p.index].jumpsNow;
    }

    /** Adds the spikes staged by the last step to their filters, on this thread: the network is then whole. */
    public void deliverStaged() {
        for (Projection pr : projections) {
            if (pr instanceof SparseProjection s && s.delivery() instanceof FilterDelivery f) f.deliverStagedNow(dt);
        }
    }

    @Override
    public void close() {
        parallel.close();
    }

    private void fail(NeuronPopulation p, int neuron, double time) {
        int k = p.solver.nonFiniteVariable(neuron);
        StateVariable v = p.dynamics.stateVariables().get(Math.max(0, k));
        throw new NumericalFailureException(String.format(Locale.ROOT,
                "population %s, neuron %d: %s became %s at t = %s s with integrator %s and dt = %s s; "
                        + "use a smaller dt, or an integrator other than %s that can step this model",
                p.name, neuron, v.name(), Double.toString(p.solver.state()[Math.max(0, k)][neuron]), fmt(time),
                p.integrator, fmt(dt), p.integrator), time);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
