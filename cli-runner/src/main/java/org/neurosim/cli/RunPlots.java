package org.neurosim.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.neurosim.network.Network;
import org.neurosim.network.PopulationView;
import org.neurosim.network.ProjectionView;
import org.neurosim.network.output.Recorder;

/** The plots of {@code neurosim run} and {@code resume}: raster, traces, rates, weights and analysis. */
final class RunPlots {
    private RunPlots() { }

    /** Raster, traces and population rates, with axes in ms and mV, rendered side by side. */
    static void plot(Network net, Recorder rec, Path out) {
        Map<Path, org.knowm.xchart.internal.chartpart.Chart<?, ?>> charts = new LinkedHashMap<>();
        XYChart raster = RasterPlot.raster(net, rec, out.resolve("spikes.csv"));
        if (raster != null) charts.put(out.resolve("raster.png"), raster);
        List<XYChart> tracePanels = tracePanels(net, rec);
        if (tracePanels.size() == 1) charts.put(out.resolve("traces.png"), tracePanels.get(0));
        if (!rec.rateRows().isEmpty()) charts.put(out.resolve("rates.png"), rates(net, rec));
        for (int k = 0; k < rec.weightProbes().size(); k++) {
            if (rec.lastWeights(k) == null) continue;
            Network.WeightProbe w = rec.weightProbes().get(k);
            ProjectionView pr = net.projections().get(w.projection());
            String name = rec.weightProbes().size() == 1 ? "weights.png"
                    : "weights-" + w.block() + "-" + pr.target() + ".png";
            charts.put(out.resolve(name), weightHistogram(net.name() + ": weights of projections[" + w.block() + "] "
                    + pr.label() + " (" + w.synapses().length + " synapses)", pr.weightDimension(),
                    rec.firstWeights(k), rec.lastWeights(k), rec.lastWeightTime()));
        }
        Plots.saveAll(charts);
        if (tracePanels.size() > 1) Plots.saveGrid(tracePanels, 1, out.resolve("traces.png"));
        analysisChart(net, rec, out);
    }

    /**
     * The recorded traces: one panel per physical dimension, each in its natural unit: voltages in mV, currents in
     * pA or nA, conductances in nS, gates as bare numbers (HH's n, m, h and AdEx's w are not flat lines at 0 beside
     * v). None when nothing was recorded.
     */
    private static List<XYChart> tracePanels(Network net, Recorder rec) {
        List<XYChart> tracePanels = new java.util.ArrayList<>();
        if (rec.traceRows().isEmpty()) return tracePanels;
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
        return tracePanels;
    }

    /** The population rates, one line each. */
    private static XYChart rates(Network net, Recorder rec) {
        List<double[]> rows = rec.rateRows();
        double[] t = rows.stream().mapToDouble(r -> r[0] * 1e3).toArray();
        XYChart c = Plots.chart(net.name() + ": population rates (bin " + Math.round(rec.rateBin() * 1e4) / 10.0
                + " ms)", "time (ms)", "rate (Hz)");
        List<String> pops = rec.ratePopulations();
        for (int k = 0; k < pops.size(); k++) {
            final int col = k + 1;
            Plots.line(c, pops.get(k), t, rows.stream().mapToDouble(r -> r[col]).toArray());
        }
        return c;
    }

    /** analysis.png: per spiking population its rate and its mean ISI CV (summary.json's analysis), as bars. */
    static void analysisChart(Network net, Recorder rec, Path out) {
        List<String> names = new java.util.ArrayList<>();
        List<Double> rates = new java.util.ArrayList<>(), cvs = new java.util.ArrayList<>();
        double end = net.steps() * net.dt();
        for (PopulationView p : net.populations()) {
            var a = rec.statistics().result(p.index(), end);
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
    static XYChart weightHistogram(String title, org.neurosim.core.units.Dimension d, double[] first, double[] last,
                                   double lastTime) {
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
        PopulationView p = net.population(pop);
        if (p.variables().contains(var)) return p.dimensionOf(var);
        org.neurosim.core.units.Dimension in = p.inputDimension();
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
