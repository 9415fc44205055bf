package org.neurosim.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.NumericalFailureException;
import java.util.Map;
import org.neurosim.core.checkpoint.CheckpointException;
import org.neurosim.core.checkpoint.StateReader;
import org.neurosim.core.checkpoint.StateWriter;
import org.neurosim.io.AtomicFiles;
import org.neurosim.io.AtomicOutputFiles;
import org.neurosim.core.output.OutputFiles;
import org.neurosim.core.output.OutputContext;
import org.neurosim.core.output.RunOutput;
import org.neurosim.network.engine.Engine;
import org.neurosim.network.engine.Population;
import org.neurosim.core.output.OutputException;
import org.neurosim.network.output.Recorder;
import org.neurosim.network.output.SpikeStatistics;

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
    // Over 300 lines: a run's life (fresh, continued, resumed), its guards on the output folder,
    // checkpoints and summary; each is a few short methods over the same network and outputs.
    /** Progress of a run, called from the simulating thread. */
    public interface Listener {
        void progress(long stepsDone, long steps);
    }

    /** What a run did. */
    public record Result(boolean complete, String reason, long stepsDone, double simulatedSeconds,
                         double simulateSeconds, Recorder recorder, ObjectNode summary) { }

    private final Network net;

    private Recorder lastRecorder;
    // checkpoints (see checkpoints()): where, every how many steps (0: only when stopped), and the config's hash
    private Path checkpointDir;
    private long checkpointEvery;
    private String configHash;
    private Map<String, String> inputHashes;   // of the files the network was built from, for the checkpoints
    private int checkpointsWritten;
    private long checkpointBytes;
    private double checkpointSeconds;

    private final List<RunOutput> listeners = new ArrayList<>();
    private final List<String> runWarnings = new ArrayList<>();   // found while running, for the summary
    private boolean alwaysSplit;

    /**
     * Keeps every step's chunks on the worker threads (by default a run may keep them on the calling thread when
     * handing them over costs more than it saves): for tests and benchmarks of the parallel path. The results are
     * the same either way, by construction.
     */
    public Simulation alwaysSplit() {
        this.alwaysSplit = true;
        return this;
    }

    public Simulation(Network net) {
        this.net = net;
    }

    /**
     * Streams every spike, state sample, rate bin and weight sample of the following runs to {@code listener}, as
     * they happen, on the simulating thread (the in-memory samples of {@link Result#recorder} are bounded by
     * {@code record.memory}; a listener is not). Its {@code close} is called at the end of each run.
     */
    public Simulation listen(RunOutput listener) {
        listeners.add(listener);
        return this;
    }

    /**
     * Makes runs with an output folder write checkpoints to {@code DIR/checkpoint/}: every {@code everySteps} steps
     * (0: none on the way), when the run is stopped (the stop flag), and at its end, so that {@link #resume} can
     * continue it with the same results as an uninterrupted run. {@code configText} is the run's effective config,
     * whose hash the checkpoint carries and a resume checks.
     */
    public Simulation checkpoints(long everySteps, String configText) {
        if (everySteps < 0) throw new IllegalArgumentException("everySteps < 0");
        this.checkpointEvery = everySteps;
        this.configHash = Checkpoint.hash(configText);
        this.inputHashes = Checkpoint.hashFiles(net.inputFiles());   // now, as close to the build as can be
        return this;
    }

    /** Runs the network to its end without writing files; the result holds the recorded samples. */
    public Result run() {
        return run(null, null, () -> false, 0);
    }

    /**
     * Runs {@code steps} steps from the network's clock, whatever its duration, without writing files: for front
     * ends whose runs have lengths of their own (PyNN's {@code run(t)}). Runs in a row continue each other exactly
     * as {@link #run()} does.
     */
    public Result runSteps(long steps) {
        if (steps < 0) throw new IllegalArgumentException("steps < 0: " + steps);
        return locked(null, () -> {
            long first = net.clock();
            long[] before = net.enginePopulations().stream().mapToLong(Population::totalSpikes).toArray();
            return runFrom(null, new AtomicOutputFiles(null), null, first, first + steps, before, 0, null, () -> false, 0);
        });
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
        return locked(outDir, () -> {
            if (outDir != null) {
                removeOutputsOfAnEarlierRun(outDir, true);
                deleteCheckpoint(outDir);   // an earlier run's checkpoint does not belong to these outputs
            }
            long first = net.clock();   // a later run of the same network continues where the last one stopped
            long[] before = net.enginePopulations().stream().mapToLong(Population::totalSpikes).toArray();
            return runFrom(outDir, new AtomicOutputFiles(outDir), null, first, first + net.steps(), before, 0,
                    listener, stop, buildSeconds);
        });
    }

    /**
     * Continues the run whose outputs are in {@code outDir} from its latest checkpoint, on this network, which must
     * be built from the same config (its hash is checked; the duration may differ: the run then ends at the new
     * duration). The outputs are cut back to the checkpoint and continued, so they end up identical to those of an
     * uninterrupted run. Call {@link #checkpoints} first to go on writing checkpoints.
     *
     * @throws org.neurosim.core.checkpoint.CheckpointException a checkpoint that is missing, corrupted, of another
     *         version, config or network
     */
    public Result resume(Path outDir, Listener listener, BooleanSupplier stop, double buildSeconds) {
        Path file = outDir.resolve("checkpoint").resolve(Checkpoint.FILE);
        return locked(outDir, () -> {
            Checkpoint.Header[] h = new Checkpoint.Header[1];
            try (StateReader in = Checkpoint.open(file, h)) {
                Checkpoint.Header header = h[0];
                if (configHash != null && !configHash.equals(header.configHash())) {
                    throw new CheckpointException(file + ": the checkpoint was written for another config (its "
                            + "hash differs from " + outDir.resolve("config.yaml") + "'s); rerun instead of resuming");
                }
                if (!header.version().equals(Checkpoint.version())) {
                    throw new CheckpointException(file + ": written by NeuroSim " + header.version() + ", this is "
                            + Checkpoint.version() + "; resume with the build that wrote it, or rerun");
                }
                checkInputs(header, file);
                if (Double.doubleToLongBits(header.dt()) != Double.doubleToLongBits(net.dt())) {
                    throw new CheckpointException(file + ": written with dt = " + header.dt() + " s, the network has "
                            + "dt = " + net.dt() + " s");
                }
                if (header.spikesBefore().length != net.populations().size()) {
                    throw in.mismatch(header.spikesBefore().length + " populations saved, "
                            + net.populations().size() + " here");
                }
                long end = header.first() + net.steps();
                // a checkpoint at the end of a run killed before its summary was written: resume finishes that run
                // (zero steps: the outputs are cut back to the checkpoint, closed, and the summary written)
                if (header.clock() > end || (header.clock() == end && finished(outDir))) {
                    throw new InvalidInputException("--duration: the run in " + outDir + " already reached t = "
                            + fmt(header.clock() * net.dt()) + " s; give a longer duration to continue it");
                }
                net.restore(in);
                removeOutputsOfAnEarlierRun(outDir, false);   // its summary and plots; the data files continue
                return runFrom(outDir, new AtomicOutputFiles(outDir, header.outputs()), in, header.first(), end,
                        header.spikesBefore(), header.wallSeconds(), listener, stop, buildSeconds);
            }
        });
    }

    /**
     * Refuses to resume when a file the config reads (a weights CSV, a spike-time file) is not what the run was
     * built from: the rest of the run would follow another network than the outputs so far.
     */
    private void checkInputs(Checkpoint.Header header, Path file) {
        if (inputHashes == null) return;   // no checkpoints(...) call: nothing to compare with
        for (Map.Entry<String, String> e : inputHashes.entrySet()) {
            String then = header.inputs().get(e.getKey());
            if (!e.getValue().equals(then)) {
                throw new CheckpointException(e.getKey() + ": " + (then == null ? "not an input of the run that "
                        + "wrote " + file : "changed since the run that wrote " + file + " read it (its SHA-256 "
                        + "differs)") + "; put back the file the run read, or rerun instead of resuming");
            }
        }
    }

    /** True when the run in {@code outDir} wrote its summary saying it is complete. */
    private static boolean finished(Path outDir) {
        try {
            return new ObjectMapper().readTree(outDir.resolve("summary.json").toFile()).path("complete").asBoolean(false);
        } catch (IOException e) {   // none, or cut short: the run did not end
            return false;
        }
    }

    private Result locked(Path outDir, java.util.function.Supplier<Result> body) {
        // a network's state is advanced in place: two runs at once would interleave their steps and both report
        // complete results with wrong totals
        if (!net.running.compareAndSet(false, true)) {
            throw new IllegalStateException("network '" + net.name() + "' is already being simulated (from another "
                    + "thread); a network runs one simulation at a time: build one network per concurrent run");
        }
        org.neurosim.io.OutputLock lock = null;
        try {
            requireFiniteState();
            if (outDir != null) {
                org.neurosim.network.output.OutputFolder.claim(outDir, net.inputFiles());
                AtomicFiles.outputDirectory(outDir);
                lock = org.neurosim.io.OutputLock.acquire(outDir);
            }
            return body.get();
        } finally {
            if (lock != null) lock.close();
            net.running.set(false);
        }
    }

    /**
     * Refuses a state with a NaN or an infinity (written from Java, or an init the loader did not see): a model
     * integrated in closed form carries it silently, since such a model cannot produce one by itself and is not
     * checked on the way.
     */
    private void requireFiniteState() {
        for (Population p : net.enginePopulations()) {
            double[][] state = p.state();
            for (int k = 0; k < state.length; k++) {
                for (int i = 0; i < state[k].length; i++) {
                    if (!Double.isFinite(state[k][i])) {
                        throw new InvalidInputException("population " + p.name() + ", neuron " + i + ": "
                                + p.variables().get(k) + " is " + state[k][i] + " at the start of the run; a run "
                                + "starts from finite values");
                    }
                }
            }
        }
    }

    /**
     * The run loop from the network's clock to step {@code end} of a run that started at {@code first}; with a
     * {@code restoring} reader, the recorder continues from the checkpoint instead of recording the start.
     */
    // Over 50 lines: the run's one try/finally. However a run ends (done, stopped, a numerical failure, a full disk, a
    // plugin's exception, out of memory), the outputs are closed and the summary says how far it got; every branch
    // shares the loop's position and the first failure.
    private Result runFrom(Path outDir, OutputFiles files, StateReader restoring, long first, long end,
                           long[] spikesBefore, double wallBefore, Listener listener, BooleanSupplier stop,
                           double buildSeconds) {
        long t0 = System.nanoTime();
        long start = net.clock();
        long step = 0;
        String reason = null;
        RuntimeException failure = null;   // a numerical failure, or any error of a component or listener
        OutputException outputFailure = null;
        OutOfMemoryError outOfMemory = null;
        runWarnings.clear();
        boolean checkpointing = outDir != null && configHash != null;
        String cannot = checkpointing ? whyNotCheckpointable() : null;
        if (cannot != null) {
            if (checkpointEvery > 0) throw new InvalidInputException("--checkpoint-every: " + cannot);
            checkpointing = false;   // asked for none on the way: the run goes on, and the summary says why none
            runWarnings.add("no checkpoint can be written, so this run cannot be resumed: " + cannot);
        }
        List<RunOutput> outputs = new ArrayList<>(outDir == null ? List.of() : openOutputs(outDir, files));
        outputs.addAll(listeners);
        Recorder rec = new Recorder(net, net.enginePopulations(), net.engineProjections(), net.engineGroups(), outputs,
                first);
        lastRecorder = rec;
        try (Engine engine = new Engine(net.dt(), net.threads(), net.enginePopulations(), net.engineProjections(),
                net.engineGroups(), net.sourceSeeds(), start, alwaysSplit)) {
            runWarnings.addAll(engine.fallbacks());
            if (restoring != null) {
                rec.restore(restoring);
            } else {
                rec.state(first);
                rec.weights(first, false);
            }
            boolean flush = rec.readsSynapses();
            FolderWatch folder = outDir == null ? null : new FolderWatch(outDir);
            long steps = end - start;
            long reportEvery = Math.max(1, steps / 200);
            for (; step < steps; step++) {
                long n = start + step;
                if (stop.getAsBoolean()) {
                    reason = "interrupted at t = " + fmt(n * net.dt()) + " s";
                    break;
                }
                if (folder != null) folder.check(n * net.dt());
                engine.step(n);
                rec.spikes(n);
                if (flush) engine.deliverStaged();   // the recorded synaptic currents include the step's arrivals
                rec.state(n + 1);
                rec.weights(n + 1, false);
                if (checkpointing && checkpointEvery > 0 && (n + 1 - first) % checkpointEvery == 0 && step + 1 < steps) {
                    checkpoint(outDir, engine, files, rec, first, n + 1, spikesBefore, wallBefore, t0);
                }
                if (listener != null && (step + 1) % reportEvery == 0) listener.progress(step + 1, steps);
            }
            engine.deliverStaged();   // a later run continues from complete synaptic state
            if (checkpointing && (reason != null || checkpointEvery > 0)) {
                // stopped, or at the end of a checkpointed run (a resume with a longer duration continues from here)
                checkpoint(outDir, engine, files, rec, first, start + step, spikesBefore, wallBefore, t0);
            }
        } catch (NumericalFailureException e) {
            failure = e;
            reason = e.getMessage();
        } catch (OutputException e) {   // a full disk: stop, keep what was written, say so
            outputFailure = e;
            reason = e.getMessage();
        } catch (RuntimeException e) {
            // a listener or plugin that throws ends the run like any failure: the files are closed as far as they got
            // and the summary says the run is not complete, so no file passes for a finished run's
            failure = e;
            reason = "failed at t = " + fmt((start + step) * net.dt()) + " s: " + e;
        } catch (OutOfMemoryError e) {
            // the allocation that failed did not happen, so there is room to close the outputs and say how far the
            // run got; the caller reports it (the CLI: one line, exit 2)
            outOfMemory = e;
            reason = "out of memory at t = " + fmt((start + step) * net.dt()) + " s";
        } finally {
            net.advance(step);
            try {
                rec.finish(start + step - first);   // the last, partial rate bin
                rec.weights(start + step, true);
                rec.close();        // flush and move every file to its final name, complete or not
            } catch (OutputException e) {
                if (outputFailure == null) {
                    outputFailure = e;
                    reason = e.getMessage();
                }
            } catch (RuntimeException e) {   // a listener's close
                if (failure == null) {
                    failure = e;
                    reason = "failed at the end of the run: " + e;
                }
            }
        }
        double simulate = wallBefore + (System.nanoTime() - t0) / 1e9;
        ObjectNode summary = summary(reason == null, reason, first, start + step - first, spikesBefore, buildSeconds,
                simulate, restoring != null ? start : -1);
        if (outDir != null) {
            try {
                AtomicFiles.write(outDir.resolve("summary.json"),
                        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary) + "\n");
            } catch (IOException | RuntimeException e) {
                if (outputFailure == null) throw e instanceof RuntimeException re ? re : new UncheckedIOException((IOException) e);
                // the disk that refused the outputs may refuse the summary too: the first failure is the one to report
            }
        }
        if (outputFailure != null) throw outputFailure;
        if (outOfMemory != null) throw outOfMemory;
        if (failure != null) throw failure;
        return new Result(reason == null, reason, start + step - first, (start + step - first) * net.dt(), simulate,
                rec, summary);
    }

    /**
     * Notices within a second that the output folder was deleted or replaced during a run: the open files would go
     * on filling unlinked disk space until the end (30 s later in the case) and the results would be lost.
     */
    private static final class FolderWatch {
        private static final long EVERY_NS = 1_000_000_000L;   // a stat call a second costs nothing beside a step
        private final Path dir;
        private final Object key;   // the folder's identity (inode): a folder deleted and made again is another one
        private long next;

        FolderWatch(Path dir) {
            this.dir = dir;
            this.key = fileKey(dir);
            this.next = System.nanoTime() + EVERY_NS;
        }

        /** Throws an {@link OutputException} (exit 4) when the folder is gone; {@code t} is the run's time. */
        void check(double t) {
            if (System.nanoTime() < next) return;
            next = System.nanoTime() + EVERY_NS;
            if (!Files.isDirectory(dir) || !java.util.Objects.equals(key, fileKey(dir))) {
                throw new OutputException(dir, "the output folder was deleted or replaced during the run (noticed at "
                        + "t = " + fmt(t) + " s); the run stopped, as nothing it wrote can be found there");
            }
        }

        private static Object fileKey(Path dir) {
            try {
                return Files.readAttributes(dir, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** Null when every component can save its state; else why not (a plugin's filter or synapse model). */
    private String whyNotCheckpointable() {
        try {
            StateWriter probe = new StateWriter(java.io.OutputStream.nullOutputStream());
            net.save(probe, net.clock());
            return null;
        } catch (UnsupportedOperationException e) {
            return e.getMessage();
        }
    }

    /** Writes a checkpoint at step boundary {@code clock}: outputs forced to disk first, then the state. */
    private void checkpoint(Path outDir, Engine engine, OutputFiles files, Recorder rec, long first, long clock,
                            long[] spikesBefore, double wallBefore, long t0) {
        long c0 = System.nanoTime();
        engine.deliverStaged();   // nothing pending: what is staged enters the filters now instead of next step
        for (RunOutput o : rec.outputs()) o.flush();
        Map<String, Long> lengths = files.sync();
        double wall = wallBefore + (c0 - t0) / 1e9;
        Checkpoint.Header h = new Checkpoint.Header(Checkpoint.version(), configHash, net.dt(), first, clock,
                spikesBefore, wall, lengths, inputHashes);
        checkpointBytes = Checkpoint.write(outDir.resolve("checkpoint"), h, net, rec);
        checkpointsWritten++;
        checkpointSeconds += (System.nanoTime() - c0) / 1e9;
    }

    private List<RunOutput> openOutputs(Path outDir, OutputFiles files) {
        Network.RecordSpec r = net.record();
        List<String> names = net.populations().stream().map(PopulationView::name).toList();
        List<String> traces = Recorder.traceNames(net);
        List<String> rates = r.rateBin() > 0 ? r.ratePopulations() : null;
        List<RunOutput> outputs = new ArrayList<>();
        try {
            for (Network.Output o : r.formats()) {
                outputs.add(o.format().create(new OutputContext(o.key(), outDir, net.dt(), names, traces, rates,
                        !r.weights().isEmpty(), files),
                        o.parameters()));
            }
        } catch (RuntimeException e) {
            outputs.forEach(RunOutput::close);
            throw e;
        }
        return outputs;
    }

    /** The files a run writes; an earlier run's copies are removed first, so nothing stale sits beside new outputs. */
    public static final java.util.List<String> OUTPUT_FILES = java.util.List.of("spikes.csv", "state.csv", "rates.csv",
            "summary.json", "raster.png", "traces.png", "rates.png", "weights.csv", "weights.png", "analysis.png");

    private static void deleteCheckpoint(Path outDir) {
        try {
            Files.deleteIfExists(outDir.resolve("checkpoint").resolve(Checkpoint.FILE));
        } catch (IOException e) {
            throw new InvalidInputException("--out: cannot replace '" + outDir.resolve("checkpoint") + "' ("
                    + e.getMessage() + ")");
        }
    }

    private static final List<String> PLOTS_AND_SUMMARY = OUTPUT_FILES.stream()
            .filter(f -> f.endsWith(".png") || f.equals("summary.json")).toList();

    private static void removeOutputsOfAnEarlierRun(Path outDir, boolean dataToo) {
        List<String> names = new ArrayList<>(dataToo ? OUTPUT_FILES : PLOTS_AND_SUMMARY);
        try (var old = Files.newDirectoryStream(outDir, "weights-*.png*")) {   // one histogram per recorded projection
            old.forEach(f -> names.add(f.getFileName().toString().replace(".partial", "")));
        } catch (IOException e) {
            throw new InvalidInputException("--out: cannot read '" + outDir + "' (" + e.getMessage() + ")");
        }
        for (String name : names) {
            try {
                Files.deleteIfExists(outDir.resolve(name));
                Files.deleteIfExists(outDir.resolve(name + ".partial"));
            } catch (IOException e) {
                throw new InvalidInputException("--out: cannot replace '" + outDir.resolve(name) + "' (" + e.getMessage() + ")");
            }
        }
    }

    private ObjectNode summary(boolean complete, String reason, long first, long steps, long[] spikesBefore,
                               double build, double simulate, long resumedAt) {
        ObjectNode s = new ObjectMapper().createObjectNode();
        s.put("name", net.name());
        s.put("seed", net.seed());
        s.put("dt_s", net.dt());
        s.put("duration_s", net.duration());
        s.put("steps", steps);
        s.put("simulated_s", steps * net.dt());
        if (first > 0) s.put("from_s", first * net.dt());   // a run that continued an earlier one
        if (resumedAt >= 0) s.put("resumed_at_s", resumedAt * net.dt());   // from a checkpoint
        s.put("synapses", net.synapseCount());
        s.put("threads", net.threads());
        putPopulations(s.putObject("populations"), steps, spikesBefore);
        putProjections(s.putArray("projections"));
        putAnalysis(s, first, steps);
        ObjectNode wall = s.putObject("wall_s");
        wall.put("build", build);
        wall.put("simulate", simulate);
        if (checkpointsWritten > 0) {
            ObjectNode c = s.putObject("checkpoints");
            c.put("written", checkpointsWritten);
            c.put("bytes", checkpointBytes);
            c.put("wall_s", checkpointSeconds);
        }
        s.put("complete", complete);
        if (reason != null) s.put("reason", reason);
        List<String> warnings = new ArrayList<>(net.warnings());
        warnings.addAll(runWarnings);
        if (lastRecorder != null) warnings.addAll(lastRecorder.memoryLimits());
        if (!warnings.isEmpty()) warnings.forEach(s.putArray("warnings")::add);
        return s;
    }

    /** Per population: model, size, integrator, stepping, this run's spikes and mean rate. */
    private void putPopulations(ObjectNode pops, long steps, long[] spikesBefore) {
        double simulated = steps * net.dt();
        for (PopulationView p : net.populations()) {
            ObjectNode o = pops.putObject(p.name());
            o.put("model", p.model());
            o.put("size", p.size());
            o.put("integrator", p.integrator());
            if (!p.isSource()) o.put("stepping", p.stepping());
            long spikes = p.totalSpikes() - spikesBefore[p.index()];   // this run's
            o.put("spikes", spikes);
            o.put("mean_rate_hz", simulated > 0 ? spikes / (p.size() * simulated) : 0.0);
        }
    }

    /** How each projection's spikes reached its target in this run (see README, "How a simulation step works"). */
    private void putProjections(com.fasterxml.jackson.databind.node.ArrayNode projections) {
        for (ProjectionView pr : net.projections()) {
            ObjectNode o = projections.addObject();
            o.put("from", pr.source());
            o.put("to", pr.target());
            o.put("synapses", pr.synapseCount());
            o.put("delivery", pr.deliveryKind());
        }
    }

    /** The spike statistics of each population that has them (record.analysis). */
    private void putAnalysis(ObjectNode s, long first, long steps) {
        ObjectNode analysis = null;
        for (PopulationView p : net.populations()) {
            SpikeStatistics.Result a = lastRecorder == null ? null
                    : lastRecorder.statistics().result(p.index(), (first + steps) * net.dt());
            if (a == null) continue;
            if (analysis == null) {
                analysis = s.putObject("analysis");
                analysis.put("from_s", lastRecorder.statistics().start());
            }
            ObjectNode o = analysis.putObject(p.name());
            o.put("rate_hz", a.rateHz());
            putNumber(o, "cv_isi", a.cvIsi());
            o.put("neurons_with_cv", a.neuronsWithCv());
            putNumber(o, "synchrony", a.synchrony());
            putNumber(o, "peak_frequency_hz", a.peakFrequencyHz());
        }
    }

    /** JSON has no NaN: an undefined statistic is null. */
    private static void putNumber(ObjectNode o, String key, double v) {
        if (v == v) o.put(key, v);
        else o.putNull(key);
    }

    /** Six significant digits without trailing zeros: 1 s, 0.0125 s, 1.23457e+06 s. */
    static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e") || !s.contains(".")) return s;
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
