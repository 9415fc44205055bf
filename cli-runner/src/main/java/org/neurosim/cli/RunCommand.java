package org.neurosim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.neurosim.network.Network;
import org.neurosim.network.PopulationView;
import org.neurosim.network.Simulation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code neurosim run CONFIG}: simulate a network and write spikes.csv, state.csv, rates.csv, summary.json, plots. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Simulate the network of a YAML config.")
final class RunCommand implements Callable<Integer> {
    @CommandLine.ParentCommand NeuroSim root;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin NetworkOptions network = new NetworkOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default out/<config name>).")
    Path out;

    @Option(names = "--no-plots", description = "Write no PNG plots.")
    boolean noPlots;

    @Option(names = "--checkpoint-every", paramLabel = "Q",
            description = "Write a checkpoint to DIR/checkpoint/ every Q of simulated time, e.g. '1 s' (Ctrl-C and the "
                    + "end of the run write one in any case); continue with 'neurosim resume DIR'.")
    String checkpointEvery;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        ObjectNode tree = network.tree();
        Network net = network.build(tree, root.registry());
        double build = (System.nanoTime() - t0) / 1e9;
        PrintStream err = root.err;
        net.warnings().forEach(w -> err.println("neurosim: warning: " + w));
        String longRun = Words.longRunWarning(net, "");
        if (longRun != null) err.println("neurosim: warning: " + longRun);
        Path out = this.out != null ? this.out : Path.of("out", net.name());

        // the effective config (every --set, --seed, --dt applied) beside the outputs, to rerun, compare or resume;
        // it must not replace the config itself, nor any other file the run reads or did not write
        List<Path> inputs = new java.util.ArrayList<>(net.inputFiles());
        inputs.add(network.config);
        org.neurosim.network.output.OutputFolder.claim(out, inputs);
        Csv.outputDir(out);
        try (org.neurosim.io.OutputLock lock = org.neurosim.io.OutputLock.acquire(out)) {
            return runIn(out, net, tree, build);
        }
    }

    /** The run itself, with the output folder held (config.yaml, the run's files, the plots). */
    private int runIn(Path out, Network net, com.fasterxml.jackson.databind.node.ObjectNode tree, double build) {
        String text;
        try {
            text = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long every = checkpointSteps(checkpointEvery, net.dt());
        org.neurosim.io.AtomicFiles.write(out.resolve("config.yaml"), text);
        ResumeCommand.writeRunInfo(out, network.config.toAbsolutePath().getParent(), every, noPlots);
        Simulation sim = new Simulation(net).checkpoints(every, text);
        return simulate(root, net, out, build, noPlots,
                (progress, stop) -> sim.run(out, progress, stop, build));
    }

    /** {@code --checkpoint-every Q} in steps (0: none on the way). */
    static long checkpointSteps(String q, double dt) {
        if (q == null) return 0;
        double every = org.neurosim.core.units.Units.parse(q, org.neurosim.core.units.Dimension.TIME,
                "--checkpoint-every");
        long steps = Math.round(every / dt);
        if (!(every > 0) || steps < 1) {
            throw new org.neurosim.core.InvalidInputException("--checkpoint-every: expected a time of at least one "
                    + "step (dt = " + Words.number(dt) + " s), got '" + q + "'");
        }
        return steps;
    }

    /** A run or a resumed run: Ctrl-C stops it (with a checkpoint), then the summary line and the plots. */
    static int simulate(NeuroSim root, Network net, Path out, double build, boolean noPlots,
                        java.util.function.BiFunction<Progress, java.util.function.BooleanSupplier, Simulation.Result> run) {
        PrintStream err = root.err;
        AtomicInteger signal = new AtomicInteger();
        Signals.install(signal);
        Progress progress = Progress.forStderr();
        Simulation.Result r;
        try {
            r = run.apply(progress, () -> signal.get() != 0);
        } finally {
            progress.done();
            Signals.restoreDefaults();
        }
        // a run stopped by Ctrl-C ends now: its CSVs and summary are complete up to the stop, and drawing the plots
        // took seconds (4.7 s for CUBA's raster) the user asked not to wait
        if (!noPlots && signal.get() == 0) RunPlots.plot(net, r.recorder(), out);
        PrintStream o = root.out;
        StringBuilder rates = new StringBuilder();
        com.fasterxml.jackson.databind.JsonNode pops = r.summary().get("populations");
        for (PopulationView p : net.populations()) {
            if (!p.spiking()) continue;   // rate populations have no spikes to count
            double rate = pops.get(p.name()).get("mean_rate_hz").asDouble();   // this run's, resumed or not
            rates.append(String.format(Locale.ROOT, "%s%s %.2f Hz", rates.length() == 0 ? "" : ", ", p.name(), rate));
        }
        o.printf(Locale.ROOT, "%s: %s, %s, %.4g s simulated in %.2f s (build %.2f s); %s; "
                        + "outputs in %s%n", net.name(), Words.count(net.neuronCount(), "neuron"),
                Words.count(net.synapseCount(), "synapse"), r.simulatedSeconds(),
                r.simulateSeconds(), build, rates.length() == 0 ? "no spiking populations" : "mean rates " + rates, out);
        for (String note : r.recorder().memoryLimits()) err.println("neurosim: note: " + note);
        com.fasterxml.jackson.databind.JsonNode said = r.summary().path("warnings");
        for (com.fasterxml.jackson.databind.JsonNode w : said) {
            if (w.asText().startsWith("no checkpoint")) err.println("neurosim: warning: " + w.asText());
        }
        if (!r.complete()) {
            err.println("neurosim: run stopped: " + r.reason() + "; outputs so far are in " + out
                    + " and summary.json says \"complete\": false" + (signal.get() != 0 && !noPlots
                    ? " (no plots)" : "") + (java.nio.file.Files.exists(out.resolve("checkpoint").resolve(
                    org.neurosim.network.Checkpoint.FILE)) ? "; continue it with: neurosim resume " + out : ""));
            return signal.get() == 15 ? 143 : 130;
        }
        return 0;
    }
}
