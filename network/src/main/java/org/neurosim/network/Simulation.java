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
import org.neurosim.core.output.AtomicFiles;
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
    /** Progress of a run, called from the simulating thread. */
    public interface Listener {
        void progress(long stepsDone, long steps);
    }

    /** What a run did. */
    public record Result(boolean complete, String reason, long stepsDone, double simulatedSeconds,
                         double simulateSeconds, Recorder recorder, ObjectNode summary) { }

    private final Network net;

    private Recorder lastRecorder;

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
        org.neurosim.core.output.OutputLock lock = null;
        if (outDir != null) {
            AtomicFiles.outputDirectory(outDir);
            lock = org.neurosim.core.output.OutputLock.acquire(outDir);
        }
        try {
            return runLocked(outDir, listener, stop, buildSeconds);
        } finally {
            if (lock != null) lock.close();
        }
    }

    private Result runLocked(Path outDir, Listener listener, BooleanSupplier stop, double buildSeconds) {
        if (outDir != null) removeOutputsOfAnEarlierRun(outDir);
        long t0 = System.nanoTime();
        long step = 0, first = net.clock();   // a later run of the same network continues where the last one stopped
        String reason = null;
        NumericalFailureException failure = null;
        OutputException outputFailure = null;
        long[] spikesBefore = net.populations().stream().mapToLong(Population::totalSpikes).toArray();
        Recorder rec = new Recorder(net, outDir == null ? List.of() : openOutputs(outDir));
        lastRecorder = rec;
        try (Engine engine = new Engine(net.dt(), net.threads(), net.populations(), net.projections(), net.groups(),
                net.sourceRandom())) {
            rec.state(first);
            rec.weights(first, false);
            boolean flush = rec.readsSynapses();
            long steps = net.steps();
            long reportEvery = Math.max(1, steps / 200);
            for (; step < steps; step++) {
                long n = first + step;
                if (stop.getAsBoolean()) {
                    reason = "interrupted at t = " + fmt(n * net.dt()) + " s";
                    break;
                }
                engine.step(n);
                rec.spikes(n);
                if (flush) engine.deliverStaged();   // the recorded synaptic currents include the step's arrivals
                rec.state(n + 1);
                rec.weights(n + 1, false);
                if (listener != null && (step + 1) % reportEvery == 0) listener.progress(step + 1, steps);
            }
            engine.deliverStaged();   // a later run continues from complete synaptic state
        } catch (NumericalFailureException e) {
            failure = e;
            reason = e.getMessage();
        } catch (OutputException e) {   // a full disk: stop, keep what was written, say so
            outputFailure = e;
            reason = e.getMessage();
        } finally {
            net.advance(step);
            try {
                rec.finish(step);   // the last, partial rate bin
                rec.weights(first + step, true);
                rec.close();        // flush and move every file to its final name, complete or not
            } catch (OutputException e) {
                if (outputFailure == null) {
                    outputFailure = e;
                    reason = e.getMessage();
                }
            }
        }
        double simulate = (System.nanoTime() - t0) / 1e9;
        ObjectNode summary = summary(reason == null, reason, first, step, spikesBefore, buildSeconds, simulate);
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
        if (failure != null) throw failure;
        return new Result(reason == null, reason, step, step * net.dt(), simulate, rec, summary);
    }

    private List<RunOutput> openOutputs(Path outDir) {
        Network.RecordSpec r = net.record();
        List<String> names = net.populations().stream().map(Population::name).toList();
        List<String> traces = Recorder.traceNames(net);
        List<String> rates = r.rateBin() > 0 ? r.ratePopulations() : null;
        List<RunOutput> outputs = new ArrayList<>();
        try {
            for (Network.Output o : r.formats()) {
                outputs.add(o.format().create(new OutputContext(o.key(), outDir, net.dt(), names, traces, rates,
                        !r.weights().isEmpty()),
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

    private static void removeOutputsOfAnEarlierRun(Path outDir) {
        List<String> names = new ArrayList<>(OUTPUT_FILES);
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
                               double build, double simulate) {
        ObjectNode s = new ObjectMapper().createObjectNode();
        s.put("name", net.name());
        s.put("seed", net.seed());
        s.put("dt_s", net.dt());
        s.put("duration_s", net.duration());
        s.put("steps", steps);
        s.put("simulated_s", steps * net.dt());
        if (first > 0) s.put("from_s", first * net.dt());   // a run that continued an earlier one
        s.put("synapses", net.synapseCount());
        s.put("threads", net.threads());
        ObjectNode pops = s.putObject("populations");
        double simulated = steps * net.dt();
        for (Population p : net.populations()) {
            ObjectNode o = pops.putObject(p.name);
            o.put("model", p.model);
            o.put("size", p.size);
            o.put("integrator", p.integrator);
            long spikes = p.totalSpikes() - spikesBefore[p.index];   // this run's
            o.put("spikes", spikes);
            o.put("mean_rate_hz", simulated > 0 ? spikes / (p.size * simulated) : 0.0);
        }
        ObjectNode analysis = null;
        for (Population p : net.populations()) {
            SpikeStatistics.Result a = lastRecorder == null ? null
                    : lastRecorder.statistics().result(p.index, (first + steps) * net.dt());
            if (a == null) continue;
            if (analysis == null) {
                analysis = s.putObject("analysis");
                analysis.put("from_s", lastRecorder.statistics().start());
            }
            ObjectNode o = analysis.putObject(p.name);
            o.put("rate_hz", a.rateHz());
            putNumber(o, "cv_isi", a.cvIsi());
            o.put("neurons_with_cv", a.neuronsWithCv());
            putNumber(o, "synchrony", a.synchrony());
            putNumber(o, "peak_frequency_hz", a.peakFrequencyHz());
        }
        ObjectNode wall = s.putObject("wall_s");
        wall.put("build", build);
        wall.put("simulate", simulate);
        s.put("complete", complete);
        if (reason != null) s.put("reason", reason);
        if (!net.warnings().isEmpty()) net.warnings().forEach(s.putArray("warnings")::add);
        return s;
    }

    /** JSON has no NaN: an undefined statistic is null. */
    private static void putNumber(ObjectNode o, String key, double v) {
        if (v == v) o.put(key, v);
        else o.putNull(key);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
