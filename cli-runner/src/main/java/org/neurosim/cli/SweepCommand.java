package org.neurosim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.output.OutputException;
import org.neurosim.network.config.ConfigTree;
import org.neurosim.network.sweep.Sweep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code neurosim sweep CONFIG --vary KEY=V1,V2 ... [--seeds N]}: the grid of runs of one config (../shared/spec/
 * cli.md, "Additions"). Writes {@code sweep.csv} a row per run as runs finish (an interrupted sweep keeps its
 * rows; {@code --resume} skips them), and heat maps of each population's rate and ISI CV when two keys vary.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a grid of parameter values (times seeds) of one config and tabulate rates and ISI CVs.")
final class SweepCommand implements Callable<Integer> {
    @CommandLine.ParentCommand NeuroSim root;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "YAML network config.")
    Path config;

    @Option(names = "--vary", paramLabel = "KEY=V1,V2,...", required = true,
            description = "A variable of the config's variables block, or a config key, and its values.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key for every run.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", description = "Runs per grid point, seeds s, s+1, ... (default 1).")
    int seeds = 1;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default out/sweep-<name>).")
    Path out;

    @Option(names = "--workers", paramLabel = "K", description = "Runs at once (default: the number of processors).")
    Integer workers;

    @Option(names = "--engine", paramLabel = "local|spark", description = "Where the runs go (default local).")
    String engine = "local";

    @Option(names = "--master", paramLabel = "URL", description = "spark: the cluster's master URL.")
    String master;

    @Option(names = "--resume", description = "Keep the complete rows of DIR/sweep.csv and run only the others.")
    boolean resume;

    @Option(names = "--no-plots", description = "Write no heat maps.")
    boolean noPlots;

    @Override
    public Integer call() throws IOException {
        Sweep.EngineFactory remote = null;
        if (!engine.equals("local")) {
            for (Sweep.EngineFactory f : java.util.ServiceLoader.load(Sweep.EngineFactory.class)) {
                if (f.name().equals(engine)) remote = f;
            }
            if (remote == null) {
                throw new InvalidInputException("--engine: '" + engine + "' is not on the class path; expected local"
                        + (engine.equals("spark") ? ", or spark through bin/neurosim (which adds the sweep-spark module)"
                        : " or spark"));
            }
        }
        if (master != null && remote == null) throw new InvalidInputException("--master: only for --engine spark");
        ObjectNode tree = ConfigTree.read(config);
        for (String s : sets) ConfigTree.set(tree, s);
        String name = tree.has("name") ? tree.get("name").asText()
                : config.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Sweep sweep = Sweep.of(tree, config.toAbsolutePath().getParent(), root.registry()).seeds(seeds);
        for (String v : vary) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw new InvalidInputException("--vary: expected KEY=V1,V2,..., got '" + v + "'");
            }
            sweep.vary(v.substring(0, eq).strip(), Arrays.stream(v.substring(eq + 1).split(",")).map(String::strip).toList());
        }
        if (workers != null && workers < 1) throw new InvalidInputException("--workers: expected at least 1, got " + workers);
        sweep.check();   // a bad key or value fails now, with its message, not in every row
        int k = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        Path dir = out != null ? out : Path.of("out", "sweep-" + name);
        Csv.outputDir(dir, "sweep.csv");
        try (org.neurosim.io.OutputLock lock = org.neurosim.io.OutputLock.acquire(dir)) {
            return sweepIn(dir, sweep, k, remote == null ? Sweep.local(k) : remote.create(k, master));
        }
    }

    private int sweepIn(Path dir, Sweep sweep, int k, Sweep.Engine runner) throws IOException {
        Path csv = dir.resolve("sweep.csv");
        List<String> header = header(sweep);
        List<Sweep.Run> todo = new ArrayList<>(sweep.runs());
        int kept = 0;
        if (resume && Files.exists(csv)) {
            kept = keepComplete(csv, sweep, header, todo);
        } else {
            Files.writeString(csv, String.join(",", header) + "\n", StandardCharsets.UTF_8);
        }
        AtomicInteger signal = new AtomicInteger();
        Signals.install(signal);
        Progress progress = Progress.forStderr();
        int total = todo.size();
        AtomicInteger finished = new AtomicInteger();
        long t0 = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            sweep.run(runner, todo, row -> {
                if (!row.complete() && signal.get() != 0) return;   // stopped by the user: not a result
                try {
                    w.write(line(row, sweep));
                    w.newLine();
                    w.flush();   // a row is on disk as soon as its run ends
                } catch (IOException e) {
                    throw new OutputException(csv, e);
                }
                progress.progress(finished.incrementAndGet(), total);
            }, () -> signal.get() != 0);
        } finally {
            progress.done();
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) rows.add(line.split(",", -1));
        if (!noPlots && sweep.axes().size() == 2) SweepPlots.heatMaps(dir, sweep, header, rows);
        root.out.printf(Locale.ROOT, "%s: %s in %.1f s with %s%s; wrote %s%n", config.getFileName(),
                Words.count(finished.get(), "run"), (System.nanoTime() - t0) / 1e9, Words.count(k, "worker") + (engine.equals("local") ? "" : " (" + engine + (master == null ? " local[" + k + "]" : " " + master) + ")"),
                kept > 0 ? " (" + Words.count(kept, "run") + " kept from before)" : "", csv);
        if (signal.get() != 0) {
            root.err.println("neurosim: sweep stopped: " + finished.get() + " of " + total + " runs are in " + csv
                    + "; --resume runs the others");
            return signal.get() == 15 ? 143 : 130;
        }
        return 0;
    }

    /** sweep.csv's columns: the varied keys, the seed, each population's rate and ISI CV, complete, wall time. */
    private static List<String> header(Sweep sweep) {
        List<String> header = new ArrayList<>();
        sweep.axes().forEach(a -> header.add(a.key()));
        header.add("seed");
        for (String p : sweep.populations()) {
            header.add(p + ".rate_hz");
            header.add(p + ".cv_isi");
        }
        header.add("complete");
        header.add("wall_s");
        return header;
    }

    /**
     * --resume: keeps the complete rows of {@code csv} (whose columns must be {@code header}), drops the others
     * (they are run again) and removes the runs kept from {@code todo}; returns how many were kept.
     */
    private static int keepComplete(Path csv, Sweep sweep, List<String> header, List<Sweep.Run> todo) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty() || !lines.get(0).equals(String.join(",", header))) {
            throw new InvalidInputException("--resume: " + csv + " has the columns '" + (lines.isEmpty() ? ""
                    : lines.get(0)) + "', not those of this sweep: '" + String.join(",", header) + "'");
        }
        Set<String> done = new HashSet<>();
        int n = sweep.axes().size() + 1, complete = header.indexOf("complete");
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (c.length == header.size() && c[complete].equals("true")) {
                done.add(String.join(",", Arrays.copyOf(c, n)));
            }
        }
        todo.removeIf(r -> done.contains(key(r)));
        int kept = sweep.runs().size() - todo.size();
        // drop the incomplete rows: they are run again
        List<String> keep = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (c.length == header.size() && c[complete].equals("true")) keep.add(line);
        }
        Files.write(csv, keep, StandardCharsets.UTF_8);
        return kept;
    }

    /** The varied values and the seed: the first columns of a row (only the seed when just the seed varies). */
    private static String key(Sweep.Run r) {
        List<String> columns = new ArrayList<>(r.values().values());
        columns.add(Long.toString(r.seed()));
        return String.join(",", columns);
    }

    private static String line(Sweep.Row row, Sweep sweep) {
        StringBuilder b = new StringBuilder(key(row.run()));
        for (String p : sweep.populations()) {
            b.append(',').append(number(row.rateHz().get(p))).append(',').append(number(row.cvIsi().get(p)));
        }
        b.append(',').append(row.complete()).append(',').append(String.format(Locale.ROOT, "%.3f", row.wallSeconds()));
        return b.toString();
    }

    private static String number(Double x) {
        return x == null || x.isNaN() ? "" : Double.toString(x);
    }
}
