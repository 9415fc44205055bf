package org.neurosim.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.NumericalFailureException;
import org.neurosim.core.model.StateVariable;

/**
 * Runs a network step by step. One step from t to t + dt:
 * <ol>
 *   <li>each population's drive = external input + bias + synaptic filter outputs at t (current, or conductance
 *       with its reversal) + W y of rate projections;</li>
 *   <li>each population advances by dt (its integrator, or the exact solution), reporting spikes with their time
 *       inside the step; sources emit their spikes;</li>
 *   <li>every synaptic filter propagates exactly to t + dt, then the spikes due (after their delay) enter it at
 *       their exact times; delta synapses make their target jump;</li>
 *   <li>monitors record.</li>
 * </ol>
 * Per-neuron work is split over threads in fixed chunks; random numbers are drawn on one thread only, so a seed
 * gives the same spikes at any thread count. A network holds its state: a second run continues where the first
 * ended; build the network again to start over.
 */
public final class Simulation {
    /** Progress of a run, called from the simulating thread. */
    public interface Listener {
        void progress(long stepsDone, long steps);
    }

    /** What a run did. */
    public record Result(boolean complete, String reason, long stepsDone, double simulatedSeconds,
                         double simulateSeconds, Recorder recorder, ObjectNode summary) { }

    private final Network net;

    public Simulation(Network net) {
        this.net = net;
    }

    /** Runs the network to its end without writing files; the result holds the recorded samples. */
    public Result run() {
        return run(null, null, () -> false, 0);
    }

    /** Runs the network to its end, writing every output file to {@code outDir}. */
    public Result run(Path outDir) {
        return run(outDir, null, () -> false, 0);
    }

    /**
     * Runs the network, writing outputs to {@code outDir} (null: nothing written).
     *
     * @param stop           polled every step; when it turns true the run ends early with complete = false
     * @param buildSeconds   wall time spent building the network, for the summary
     * @throws NumericalFailureException after the outputs up to that time are written
     */
    public Result run(Path outDir, Listener listener, BooleanSupplier stop, double buildSeconds) {
        if (outDir != null) {
            AtomicFiles.outputDirectory(outDir);
            removeOutputsOfAnEarlierRun(outDir);
        }
        long t0 = System.nanoTime();
        long step = 0;
        String reason = null;
        NumericalFailureException failure = null;
        Recorder rec = new Recorder(net, outDir);
        try (Parallel parallel = new Parallel(net.threads)) {
            Stepper stepper = new Stepper(parallel);
            rec.state(0);
            long reportEvery = Math.max(1, net.steps / 200);
            for (; step < net.steps; step++) {
                if (stop.getAsBoolean()) {
                    reason = "interrupted at t = " + fmt(step * net.dt) + " s";
                    break;
                }
                stepper.step(step);
                rec.spikes(step);
                rec.state(step + 1);
                if (listener != null && (step + 1) % reportEvery == 0) listener.progress(step + 1, net.steps);
            }
            stepper.deliverStaged();   // a later run continues from complete synaptic state
        } catch (NumericalFailureException e) {
            failure = e;
            reason = e.getMessage();
        } finally {
            rec.finish(step);   // the last, partial rate bin
            rec.close();        // flush and move every file to its final name, complete or not
        }
        double simulate = (System.nanoTime() - t0) / 1e9;
        ObjectNode summary = summary(reason == null, reason, step, buildSeconds, simulate);
        if (outDir != null) {
            try {
                AtomicFiles.write(outDir.resolve("summary.json"),
                        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (failure != null) throw failure;
        return new Result(reason == null, reason, step, step * net.dt, simulate, rec, summary);
    }

    /** The files a run writes; an earlier run's copies are removed first, so nothing stale sits beside new outputs. */
    public static final java.util.List<String> OUTPUT_FILES = java.util.List.of("spikes.csv", "state.csv", "rates.csv",
            "summary.json", "raster.png", "traces.png", "rates.png");

    private static void removeOutputsOfAnEarlierRun(Path outDir) {
        for (String name : OUTPUT_FILES) {
            try {
                Files.deleteIfExists(outDir.resolve(name));
                Files.deleteIfExists(outDir.resolve(name + ".partial"));
            } catch (IOException e) {
                throw new InvalidInputException("--out: cannot replace '" + outDir.resolve(name) + "' (" + e.getMessage() + ")");
            }
        }
    }

    private ObjectNode summary(boolean complete, String reason, long steps, double build, double simulate) {
        ObjectNode s = new ObjectMapper().createObjectNode();
        s.put("name", net.name);
        s.put("seed", net.seed);
        s.put("dt_s", net.dt);
        s.put("duration_s", net.duration);
        s.put("steps", steps);
        s.put("simulated_s", steps * net.dt);
        s.put("synapses", net.synapseCount());
        s.put("threads", net.threads);
        ObjectNode pops = s.putObject("populations");
        double simulated = steps * net.dt;
        for (Population p : net.populations) {
            ObjectNode o = pops.putObject(p.name);
            o.put("model", p.model);
            o.put("size", p.size);
            o.put("integrator", p.integrator);
            o.put("spikes", p.totalSpikes);
            o.put("mean_rate_hz", simulated > 0 ? p.totalSpikes / (p.size * simulated) : 0.0);
        }
        ObjectNode wall = s.putObject("wall_s");
        wall.put("build", build);
        wall.put("simulate", simulate);
        s.put("complete", complete);
        if (reason != null) s.put("reason", reason);
        if (!net.warnings.isEmpty()) net.warnings.forEach(s.putArray("warnings")::add);
        return s;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /**
     * The per-step work. Chunk c of every population is worker c's: it builds the drive, steps the neurons and
     * advances the synaptic filters onto that chunk, all inside its own index range, so one hand-off per step
     * suffices (two when rate projections need every source's state before any drive is complete). First-order
     * filters (exponential PSCs) decay inside the drive pass, right after their output is read; the others advance
     * after the neurons. Spikes are merged in chunk order on one thread and staged per projection; at the start of
     * the next step each worker adds them to the synaptic filters of its own chunk (rows are split at the chunk
     * boundaries), so no filter state moves between cores and every target sums its inputs in the serial order.
     * Delta synapses make their targets jump at once, on one thread.
     */
    private final class Stepper {
        private final Parallel parallel;
        private final Population[] neurons;          // populations with equations (not sources)
        private final SynapseGroup[][] groupsOnto;   // per population index: filters onto it that advance themselves
        private final Projection[][] stagedOnto;     // per population index: filtered projections onto it
        private final SpikeBuffer[][] chunkSpikes;
        private final int[][] chunkBad;
        private final SplittableRandom[] sourceRandom;
        private final boolean dense;
        private double t;
        // the per-step tasks, made once: the step loop allocates nothing
        private final Parallel.WorkerTask driveTask = this::drive;
        private final Parallel.WorkerTask advanceTask = w -> advance(w, false);
        private final Parallel.WorkerTask driveAndAdvanceTask = w -> advance(w, true);

        Stepper(Parallel parallel) {
            this.parallel = parallel;
            int n = net.populations.size();
            neurons = net.populations.stream().filter(p -> p.source == null).toArray(Population[]::new);
            groupsOnto = new SynapseGroup[n][];
            stagedOnto = new Projection[n][];
            chunkSpikes = new SpikeBuffer[n][];
            chunkBad = new int[n][];
            sourceRandom = new SplittableRandom[n];
            dense = net.projections.stream().anyMatch(Projection::dense);
            for (Population p : net.populations) {
                int chunks = parallel.chunks(p.size);
                chunkSpikes[p.index] = new SpikeBuffer[chunks];
                for (int c = 0; c < chunks; c++) chunkSpikes[p.index][c] = c == 0 ? p.spikes : new SpikeBuffer();
                chunkBad[p.index] = new int[chunks];
                sourceRandom[p.index] = new SplittableRandom(NetworkLoader.mix(net.seed, "source:" + p.name));
                java.util.List<double[]> currents = new java.util.ArrayList<>();
                java.util.List<Double> currentDecay = new java.util.ArrayList<>();
                java.util.List<SynapseGroup> conductances = new java.util.ArrayList<>();
                java.util.List<Double> conductanceDecay = new java.util.ArrayList<>();
                java.util.List<SynapseGroup> advancing = new java.util.ArrayList<>();
                for (SynapseGroup g : net.groups) {
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
                stagedOnto[p.index] = net.projections.stream().filter(pr -> pr.target == p && staged(pr))
                        .toArray(Projection[]::new);
                for (Projection pr : stagedOnto[p.index]) pr.chunkTargets(chunks);
            }
            // instantaneous rate populations (tau = 0) start at y = s(input): settle them in config order, so a
            // feed-forward rate network holds y = s(W x + b) from t = 0 on
            for (Population p : net.populations) {
                if (p.solver != null && p.dynamics.instantaneous()) {
                    p.buildDrive(0, 0, p.size, false);
                    for (Projection pr : net.projections) if (pr.target == p && pr.dense()) pr.addRateInput();
                    p.solver.step(p.drive, (i, o) -> { }, 0, p.size);
                }
            }
        }

        private static boolean staged(Projection pr) {
            return !pr.dense() && pr.group != null;
        }

        private void drive(int worker) {
            for (Population p : neurons) {
                int chunks = chunkSpikes[p.index].length;
                if (worker < chunks) {
                    for (Projection pr : stagedOnto[p.index]) pr.deliverStaged(net.dt, worker);
                    p.buildDrive(t, Parallel.start(worker, chunks, p.size), Parallel.start(worker + 1, chunks, p.size), true);
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
                    for (Projection pr : stagedOnto[p.index]) pr.deliverStaged(net.dt, worker);
                    p.buildDrive(t, from, to, true);
                }
                buffers[worker].clear();
                chunkBad[p.index][worker] = p.solver.step(p.drive, buffers[worker], from, to);
                for (SynapseGroup g : groupsOnto[p.index]) g.filter.advance(from, to);
            }
        }

        void step(long step) {
            t = step * net.dt;
            if (dense) {
                parallel.onEveryWorker(driveTask);
                for (Projection pr : net.projections) if (pr.dense()) pr.addRateInput();
                parallel.onEveryWorker(advanceTask);
            } else {
                parallel.onEveryWorker(driveAndAdvanceTask);
            }
            for (Population p : net.populations) {
                if (p.source != null) {
                    p.spikes.clear();
                    p.source.emit(step, net.dt, p.size, sourceRandom[p.index], p.spikes);
                    p.totalSpikes += p.spikes.count;
                    continue;
                }
                SpikeBuffer[] buffers = chunkSpikes[p.index];
                for (int c = 1; c < buffers.length; c++) p.spikes.addAll(buffers[c]);
                p.totalSpikes += p.spikes.count;
                for (int b : chunkBad[p.index]) if (b >= 0) fail(p, b, t + net.dt);
            }
            for (Projection pr : net.projections) {
                if (staged(pr)) pr.stage(step);
                else if (!pr.dense()) pr.deliverNow(step);
            }
        }

        /** Adds the spikes staged by the last step to their filters, on this thread: the network is then whole. */
        void deliverStaged() {
            for (Projection pr : net.projections) if (staged(pr)) pr.deliverStagedNow(net.dt);
        }

        private void fail(Population p, int neuron, double time) {
            int k = p.solver.nonFiniteVariable(neuron);
            StateVariable v = p.dynamics.stateVariables().get(Math.max(0, k));
            throw new NumericalFailureException(String.format(Locale.ROOT,
                    "population %s, neuron %d: %s became %s at t = %s s with integrator %s and dt = %s s; "
                            + "use a smaller dt or another integrator (rk4, exponential-euler)",
                    p.name, neuron, v.name(), Double.toString(p.solver.state()[Math.max(0, k)][neuron]), fmt(time),
                    p.integrator, fmt(net.dt)), time);
        }
    }
}
