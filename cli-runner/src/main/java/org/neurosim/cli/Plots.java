package org.neurosim.cli;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neurosim.io.AtomicFiles;

/** PNG plots with XChart, rendered headless; files are written under a temporary name and moved into place. */
final class Plots {
    private Plots() { }

    static XYChart chart(String title, String xLabel, String yLabel) {
        XYChart c = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);   // a legend never covers data
        c.getStyler().setMarkerSize(3);
        c.getStyler().setPlotGridLinesVisible(true);
        c.getStyler().setXAxisTickMarkSpacingHint(120);
        c.getStyler().setXAxisDecimalPattern("#,##0.###");
        return c;
    }

    /** Points per line beyond which a line is drawn from the extremes of buckets (a 900-pixel plot shows no more). */
    static final int MAX_LINE_POINTS = 3000;

    /** A line without markers; a long one is reduced to the minimum and maximum of each of 1500 buckets. */
    static XYSeries line(XYChart c, String name, double[] x, double[] y) {
        if (x.length > MAX_LINE_POINTS) {
            double[][] xy = envelope(x, y, MAX_LINE_POINTS / 2);
            x = xy[0];
            y = xy[1];
        }
        if (x.length > 2 && x[x.length - 1] > x[0]) {
            // XChart puts the ticks of equally spaced x values on sample positions (0, 7, 14 ... ms); moving the
            // last point by a thousandth of a step, invisible at any resolution, gives round-number ticks instead
            x = x.clone();
            x[x.length - 1] += (x[x.length - 1] - x[x.length - 2]) * 1e-3;
        }
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return s;
    }

    /**
     * The line through the lowest and highest point of each of {@code buckets} consecutive runs of samples, in time
     * order: every spike peak and trough of a trace stays visible at a fraction of the drawing cost.
     */
    static double[][] envelope(double[] x, double[] y, int buckets) {
        int n = x.length;
        double[] ox = new double[2 * buckets], oy = new double[2 * buckets];
        int m = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) n * b / buckets), to = (int) ((long) n * (b + 1) / buckets);
            if (from >= to) continue;
            int lo = from, hi = from;
            for (int i = from + 1; i < to; i++) {
                if (y[i] < y[lo]) lo = i;
                if (y[i] > y[hi]) hi = i;
            }
            int first = Math.min(lo, hi), second = Math.max(lo, hi);
            ox[m] = x[first];
            oy[m++] = y[first];
            if (second != first) {
                ox[m] = x[second];
                oy[m++] = y[second];
            }
        }
        return new double[][] {java.util.Arrays.copyOf(ox, m), java.util.Arrays.copyOf(oy, m)};
    }

    /** Dots only (raster plots, simulated points), large enough to see over a line. */
    static XYSeries dots(XYChart c, String name, double[] x, double[] y) {
        c.getStyler().setMarkerSize(Math.max(c.getStyler().getMarkerSize(), 7));
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return s;
    }

    /** A tick label as the x axes write them (#,##0.###). */
    static String tick(double x) {
        return new java.text.DecimalFormat("#,##0.###", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
                .format(x);
    }

    /** Spikes of a raster plot: a vertical tick each, the marker size tall. */
    static XYSeries spikes(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(TICK);
        return s;
    }

    /** A spike in a raster: a vertical line centred on the point. */
    static final org.knowm.xchart.style.markers.Marker TICK = new org.knowm.xchart.style.markers.Marker() {
        private final java.awt.BasicStroke line = new java.awt.BasicStroke(1.2f);

        @Override
        public void paint(java.awt.Graphics2D g, double x, double y, int size) {
            g.setStroke(line);
            g.draw(new java.awt.geom.Line2D.Double(x, y - size / 2.0, x, y + size / 2.0));
        }
    };

    static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) {
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    /**
     * Saves a plot whose data files are already complete; a chart the plot library cannot draw (axes over a range
     * near the largest double, where XChart's tick arithmetic overflows) is one warning line naming the file, not a
     * failure of the command, and no .partial file stays. True when the plot was written.
     */
    static boolean saveOrWarn(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file, String dataFile,
                              java.io.PrintStream err) {
        try {
            save(chart, file);
            return true;
        } catch (RuntimeException e) {
            err.println("neurosim: warning: " + file.getFileName() + " not drawn: the plot library cannot draw these "
                    + "values (" + e + "); " + dataFile + " has them all");
            return false;
        }
    }

    /** Renders several charts at once, one per core (Java2D draws separate images independently). */
    static void saveAll(Map<Path, ? extends org.knowm.xchart.internal.chartpart.Chart<?, ?>> charts) {
        if (charts.size() <= 1 || Runtime.getRuntime().availableProcessors() == 1) {
            charts.forEach((file, chart) -> save(chart, file));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(charts.size(), Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<?>> done = new ArrayList<>();
            charts.forEach((file, chart) -> done.add(pool.submit(() -> save(chart, file))));
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    if (e.getCause() instanceof Error err) throw err;
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while writing plots", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Several charts in one figure, in a grid of the given number of columns. */
    static <T extends org.knowm.xchart.internal.chartpart.Chart<?, ?>> void saveGrid(List<T> charts, int columns, Path file) {
        if (columns == 1) {   // stacked panels share their time axis: legends below, so every plot area is as wide
            for (T c : charts) {
                if (c instanceof XYChart xy) xy.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            }
        }
        int rows = (charts.size() + columns - 1) / columns;
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(charts, rows, columns, out, BitmapEncoder.BitmapFormat.PNG));
    }

    /** Scales an array (SI to display units). */
    static double[] scaled(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * factor;
        return out;
    }
}
