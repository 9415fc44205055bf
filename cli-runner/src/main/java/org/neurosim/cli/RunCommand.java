package org.neurosim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.knowm.xchart.XYChart;
import org.neurosim.network.Network;
import org.neurosim.network.engine.Population;
import org.neurosim.network.output.Recorder;
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
        if (!noPlots && signal.get() == 0) plot(net, r.recorder(), out);
        PrintStream o = root.out;
        StringBuilder rates = new StringBuilder();
        com.fasterxml.jackson.databind.JsonNode pops = r.summary().get("populations");
        for (Population p : net.populations()) {
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

    /** A raster shows this much time from the start of the analysis window, where people look for its dynamics. */
    static final double RASTER_WINDOW = 1.0;
    /** About this many neurons in all (at least 10 per population): a row per neuron stays visible. */
    static final int RASTER_ROWS = 150;

    /**
     * The raster: a window of at most {@link #RASTER_WINDOW} from the analysis start, the first neurons of each
     * population (about {@link #RASTER_ROWS} in all, shared by size) in bands labelled with the population and the
     * neurons shown, numbered as in spikes.csv; a spike is a vertical tick. The title says what is shown of what.
     * Null when nothing spiked.
     */
    static XYChart raster(Network net, Recorder rec) {
        return raster(net, rec, null);
    }

    /**
     * As above; when memory kept only the run's first spikes and {@code csv} (spikes.csv, every spike in time order)
     * is given and exists, the window's spikes are read from it instead (up to the window's end), so that a long run's
     * raster shows its whole window.
     */
    static XYChart raster(Network net, Recorder rec, Path csv) {
        int kept = rec.rasterCount();
        if (kept == 0) return null;
        boolean cut = rec.recordedSpikes() > kept;
        double whole = net.clock() * net.dt();
        double from = rec.statistics().start() < whole ? rec.statistics().start() : rec.first() * net.dt();
        Spikes spikes = cut && csv != null && java.nio.file.Files.isRegularFile(csv)
                ? Spikes.read(csv, net, from, Math.min(whole, from + RASTER_WINDOW)) : null;
        if (spikes != null) {
            cut = false;
        } else {
            spikes = Spikes.of(rec);
        }
        double end = cut ? rec.rasterTime(kept - 1) : whole;
        if (!(from < end)) from = rec.first() * net.dt();
        double to = Math.min(end, from + RASTER_WINDOW);
        kept = spikes.count;
        List<Population> pops = net.populations();
        long total = 0;
        boolean[] shown = new boolean[pops.size()];
        for (int k = 0; k < kept; k++) shown[spikes.population[k]] = true;
        for (Population p : pops) if (shown[pops.indexOf(p)]) total += p.size();
        // bands from the top in config order: row start and height of each population shown
        int[] rows = new int[pops.size()], bottom = new int[pops.size()];
        int height = 0;
        for (int i = pops.size() - 1; i >= 0; i--) {
            if (!shown[i]) continue;
            rows[i] = (int) Math.min(pops.get(i).size(), Math.max(10, Math.round(RASTER_ROWS * pops.get(i).size() / (double) total)));
            bottom[i] = height;
            height += rows[i] + 2;   // a gap between bands
        }
        int neuronsShown = 0;
        for (int r : rows) neuronsShown += r;
        String title = String.format(Locale.ROOT, "%s: spikes of %,d of %,d neurons, t = %s to %s s%s", net.name(),
                neuronsShown, total, Words.number(from), Words.number(to), cut
                        ? String.format(Locale.ROOT, " (%,d spikes kept in memory)", kept) : "");
        XYChart c = Plots.chart(title, "time (ms)", "neuron, per population as in spikes.csv");
        double w = (to - from) * 1e3;
        c.getStyler().setXAxisMin(from * 1e3 - 0.16 * w);   // an empty strip at the left for the band labels
        c.getStyler().setXAxisMax(to * 1e3);
        double left = from * 1e3 - 1e-9 * Math.max(1, Math.abs(from * 1e3));
        // no numbers under the label strip; XChart wants distinct labels (equal ones make it search spacings for
        // ever), so each blank one is a different number of spaces
        c.getStyler().setxAxisTickLabelsFormattingFunction(x -> x < left
                ? " ".repeat(1 + (int) Math.min(1000, Math.round((left - x) / w * 1000))) : Plots.tick(x));
        c.getStyler().setYAxisMin(-1.0);
        c.getStyler().setYAxisMax(height - 1.0);
        c.getStyler().setYAxisTicksVisible(false);
        c.getStyler().setPlotGridHorizontalLinesVisible(false);
        c.getStyler().setLegendVisible(false);   // the bands say which population is which
        c.getStyler().setMarkerSize((int) Math.max(2, Math.min(9, 0.8 * 380 / height)));
        for (int i = 0; i < pops.size(); i++) {
            if (!shown[i]) continue;
            int n = 0;
            for (int k = 0; k < kept; k++) if (spikes.in(k, i, rows[i], from, to)) n++;
            double[] x = new double[Math.max(n, 1)], y = new double[Math.max(n, 1)];
            if (n == 0) {   // a series needs a point: one outside the axes
                x[0] = from * 1e3 - w;
                y[0] = -10;
            }
            for (int k = 0, j = 0; k < kept; k++) {
                if (!spikes.in(k, i, rows[i], from, to)) continue;
                x[j] = spikes.time[k] * 1e3;
                y[j++] = bottom[i] + rows[i] - 1 - spikes.neuron[k];   // neuron 0 at the top of its band
            }
            Plots.spikes(c, pops.get(i).name(), x, y);
            String label = pops.get(i).name() + " " + (rows[i] == 1 ? "0" : "0-" + (rows[i] - 1));
            c.addAnnotation(new org.knowm.xchart.AnnotationText(label, from * 1e3 - 0.08 * w,
                    bottom[i] + (rows[i] - 1) / 2.0, false));
            if (bottom[i] > 0) c.addAnnotation(new org.knowm.xchart.AnnotationLine(bottom[i] - 1.5, false, false));
        }
        return c;
    }

    /** The spikes a raster draws from: population index, neuron and time (s) of each. */
    record Spikes(int[] population, int[] neuron, double[] time, int count) {
        boolean in(int k, int pop, int rows, double from, double to) {
            return population[k] == pop && neuron[k] < rows && time[k] >= from && time[k] <= to;
        }

        static Spikes of(Recorder rec) {
            int n = rec.rasterCount();
            int[] p = new int[n], i = new int[n];
            double[] t = new double[n];
            for (int k = 0; k < n; k++) {
                p[k] = rec.rasterPopulation(k);
                i[k] = rec.rasterNeuron(k);
                t[k] = rec.rasterTime(k);
            }
            return new Spikes(p, i, t, n);
        }

        /**
         * The spikes of [from, to] in spikes.csv (population,neuron,time_s, in time order: reading stops past the
         * window) of neurons that can be shown (below RASTER_ROWS); null if the file does not read as such.
         */
        static Spikes read(Path csv, Network net, double from, double to) {
            java.util.Map<String, Integer> index = new java.util.HashMap<>();
            for (Population p : net.populations()) index.put(p.name(), net.populations().indexOf(p));
            int[] p = new int[1024], i = new int[1024];
            double[] t = new double[1024];
            int n = 0;
            try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(csv)) {
                String line = in.readLine();
                if (line == null || !line.equals("population,neuron,time_s")) return null;
                while ((line = in.readLine()) != null) {
                    int a = line.indexOf(','), b = line.indexOf(',', a + 1);
                    double time = Double.parseDouble(line.substring(b + 1));
                    if (time > to) break;
                    int neuron = Integer.parseInt(line.substring(a + 1, b));
                    Integer pop = index.get(line.substring(0, a));
                    if (pop == null) return null;
                    if (time < from || neuron >= RASTER_ROWS) continue;
                    if (n == p.length) {
                        p = java.util.Arrays.copyOf(p, 2 * n);
                        i = java.util.Arrays.copyOf(i, 2 * n);
                        t = java.util.Arrays.copyOf(t, 2 * n);
                    }
                    p[n] = pop;
                    i[n] = neuron;
                    t[n++] = time;
                }
            } catch (java.io.IOException | RuntimeException e) {   // unreadable or not ours: the memory's raster
                return null;
            }
            return n == 0 ? null : new Spikes(p, i, t, n);
        }
    }

    /** Raster, traces and population rates, with axes in ms and mV, rendered side by side. */
    static void plot(Network net, Recorder rec, Path out) {
        Map<Path, org.knowm.xchart.internal.chartpart.Chart<?, ?>> charts = new LinkedHashMap<>();
        XYChart raster = raster(net, rec, out.resolve("spikes.csv"));
        if (raster != null) charts.put(out.resolve("raster.png"), raster);
        List<XYChart> tracePanels = new java.util.ArrayList<>();
        if (!rec.traceRows().isEmpty()) {
            // one panel per physical dimension, each in its natural unit: voltages in mV, currents in pA or nA,
            // conductances in nS, gates as bare numbers (HH's n, m, h and AdEx's w are not flat lines at 0 beside v)
            List<double[]> rows = rec.traceRows();
            double[] t = rows.stream().mapToDouble(r -> r[0] * 1e3).toArray();
            List<String> names = rec.traceNames();
            Map<org.neurosim.core.units.Dimension, List<Integer>> byDimension = new LinkedHashMap<>();
            for (int k = 0; k < names.size(); k++) {
                byDimension.computeIfAbsent(traceDimension(net, names.get(k)), d -> new java.util.ArrayList<>()).add(k);
            }
            for (var e : byDimension.entrySet()) {
                double largest = 0;
                for (int k : e.getValue()) for (double[] r : rows) largest = Math.max(largest, Math.abs(r[k + 1]));
                DisplayUnit u = DisplayUnit.of(e.getKey(), largest);
                String thinned = rec.traceStride() > 1   // say so when the plot shows every k-th step only
                        ? " (every " + Recorder.ordinal(rec.traceStride()) + " step; all are in state.csv)" : "";
                XYChart c = Plots.chart(tracePanels.isEmpty() ? net.name() + ": state" + thinned : "", "time (ms)",
                        u.axis());
                c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
                for (int k : e.getValue()) {
                    final int col = k + 1;
                    Plots.line(c, names.get(k), t, rows.stream().mapToDouble(r -> r[col] * u.factor()).toArray());
                }
                tracePanels.add(c);
            }
            if (tracePanels.size() == 1) charts.put(out.resolve("traces.png"), tracePanels.get(0));
        }
        if (!rec.rateRows().isEmpty()) {
            List<double[]> rows = rec.rateRows();
            double[] t = rows.stream().mapToDouble(r -> r[0] * 1e3).toArray();
            XYChart c = Plots.chart(net.name() + ": population rates (bin " + Math.round(rec.rateBin() * 1e4) / 10.0
                    + " ms)", "time (ms)", "rate (Hz)");
            List<String> pops = rec.ratePopulations();
            for (int k = 0; k < pops.size(); k++) {
                final int col = k + 1;
                Plots.line(c, pops.get(k), t, rows.stream().mapToDouble(r -> r[col]).toArray());
            }
            charts.put(out.resolve("rates.png"), c);
        }
        for (int k = 0; k < rec.weightProbes().size(); k++) {
            if (rec.lastWeights(k) == null) continue;
            Network.WeightProbe w = rec.weightProbes().get(k);
            String name = rec.weightProbes().size() == 1 ? "weights.png"
                    : "weights-" + w.block() + "-" + w.projection().target.name() + ".png";
            charts.put(out.resolve(name), weightHistogram(net.name() + ": weights of projections[" + w.block() + "] "
                    + w.projection().label + " (" + w.synapses().length + " synapses)", w, rec.firstWeights(k),
                    rec.lastWeights(k), rec.lastWeightTime()));
        }
        Plots.saveAll(charts);
        if (tracePanels.size() > 1) Plots.saveGrid(tracePanels, 1, out.resolve("traces.png"));
        analysisChart(net, rec, out);
    }

    /** analysis.png: per spiking population its rate and its mean ISI CV (summary.json's analysis), as bars. */
    static void analysisChart(Network net, Recorder rec, Path out) {
        List<String> names = new java.util.ArrayList<>();
        List<Double> rates = new java.util.ArrayList<>(), cvs = new java.util.ArrayList<>();
        double end = net.steps() * net.dt();
        for (Population p : net.populations()) {
            var a = rec.statistics().result(p.index, end);
            if (a == null || p.totalSpikes() == 0) continue;
            names.add(p.name());
            rates.add(Math.round(a.rateHz() * 1000) / 1000.0);   // the bar labels: three decimals are enough
            cvs.add(a.cvIsi() == a.cvIsi() ? Math.round(a.cvIsi() * 1000) / 1000.0 : 0);
        }
        if (names.isEmpty()) return;
        String from = rec.statistics().start() > 0
                ? String.format(Locale.ROOT, " after %.3g s", rec.statistics().start()) : "";
        List<org.knowm.xchart.CategoryChart> bars = List.of(
                bars(net.name() + ": mean rate" + from, "rate (Hz)", names, rates),
                bars(net.name() + ": mean ISI CV" + from, "CV of the inter-spike intervals", names, cvs));
        Plots.saveGrid(bars, 2, out.resolve("analysis.png"));
    }

    private static org.knowm.xchart.CategoryChart bars(String title, String yLabel, List<String> names,
                                                       List<Double> values) {
        org.knowm.xchart.CategoryChart c = new org.knowm.xchart.CategoryChartBuilder().width(600).height(450)
                .title(title).xAxisTitle("population").yAxisTitle(yLabel).build();
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setLabelsVisible(true);   // the value on each bar
        c.getStyler().setYAxisDecimalPattern("#,##0.###");   // 0.05, not .05
        c.addSeries(yLabel, names, values);
        return c;
    }

    /** Histograms of the first and last recorded weights, as steps on one axis, in a natural unit. */
    static XYChart weightHistogram(String title, Network.WeightProbe w, double[] first, double[] last, double lastTime) {
        org.neurosim.core.units.Dimension d = w.projection().weightDimension;
        double scale = d.equals(org.neurosim.core.units.Dimension.VOLTAGE) ? 1e3 : 1;
        String unit = scale == 1e3 ? "mV" : d.isDimensionless() ? "" : "SI: " + d.describe();
        XYChart c = Plots.chart(title, "weight" + (unit.isEmpty() ? "" : " (" + unit + ")"), "synapses per bin");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] a : new double[][] {first, last}) {
            for (double v : a) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi > lo)) hi = lo + Math.max(1e-12, Math.abs(lo) * 1e-3);
        int bins = 50;
        for (int pass = 0; pass < 2; pass++) {
            double[] a = pass == 0 ? first : last;
            double[] counts = new double[bins];
            for (double v : a) counts[Math.min(bins - 1, (int) ((v - lo) / (hi - lo) * bins))]++;
            double[] x = new double[2 * bins + 2], y = new double[2 * bins + 2];   // a step outline
            for (int b = 0; b < bins; b++) {
                x[2 * b + 1] = (lo + (hi - lo) * b / bins) * scale;
                x[2 * b + 2] = (lo + (hi - lo) * (b + 1) / bins) * scale;
                y[2 * b + 1] = y[2 * b + 2] = counts[b];
            }
            x[0] = x[1];
            x[2 * bins + 1] = x[2 * bins];
            Plots.line(c, pass == 0 ? "at t = 0" : String.format(Locale.ROOT, "at t = %.3g s", lastTime), x, y);
        }
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        return c;
    }

    /** The dimension of a recorded trace {@code pop.var[i]}: a state variable's, or i_syn's and g_k's. */
    static org.neurosim.core.units.Dimension traceDimension(Network net, String trace) {
        String pop = trace.substring(0, trace.indexOf('.'));
        String var = trace.substring(trace.indexOf('.') + 1, trace.indexOf('['));
        Population p = net.population(pop);
        int k = p.variables().indexOf(var);
        if (k >= 0) return p.dimensionOf(k);
        org.neurosim.core.units.Dimension in = p.dynamics.inputDimension();
        if (var.equals("i_syn")) return in;
        if (var.startsWith("g_")) return in.divide(org.neurosim.core.units.Dimension.VOLTAGE);
        return org.neurosim.core.units.Dimension.DIMENSIONLESS;
    }

    /** How a dimension is shown on an axis: its name, a unit of the size of the values, the factor from SI. */
    record DisplayUnit(String name, String unit, double factor) {
        String axis() {
            return unit.isEmpty() ? name : name + " (" + unit + ")";
        }

        static DisplayUnit of(org.neurosim.core.units.Dimension d, double largest) {
            if (d.equals(org.neurosim.core.units.Dimension.VOLTAGE)) return new DisplayUnit("voltage", "mV", 1e3);
            if (d.equals(org.neurosim.core.units.Dimension.CURRENT)) {
                return largest >= 1e-9 ? new DisplayUnit("current", "nA", 1e9) : new DisplayUnit("current", "pA", 1e12);
            }
            if (d.equals(org.neurosim.core.units.Dimension.CONDUCTANCE)) {
                return largest >= 1e-6 ? new DisplayUnit("conductance", "uS", 1e6) : new DisplayUnit("conductance", "nS", 1e9);
            }
            if (d.equals(org.neurosim.core.units.Dimension.CURRENT_DENSITY)) {
                return new DisplayUnit("current density", "uA/cm^2", 1e2);
            }
            if (d.equals(org.neurosim.core.units.Dimension.CONDUCTANCE_DENSITY)) {
                return new DisplayUnit("conductance density", "mS/cm^2", 0.1);
            }
            if (d.isDimensionless()) return new DisplayUnit("value (dimensionless)", "", 1);
            return new DisplayUnit(d.shortName(), "SI", 1);
        }
    }
}
