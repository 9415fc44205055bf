package org.neurosim.cli;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neurosim.network.AtomicFiles;

/** PNG plots with XChart, rendered headless; files are written under a temporary name and moved into place. */
final class Plots {
    private Plots() { }

    static XYChart chart(String title, String xLabel, String yLabel) {
        XYChart c = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setMarkerSize(3);
        c.getStyler().setPlotGridLinesVisible(true);
        c.getStyler().setXAxisTickMarkSpacingHint(120);
        c.getStyler().setXAxisDecimalPattern("#,##0.###");
        return c;
    }

    /** A line without markers. */
    static XYSeries line(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return s;
    }

    /** Dots only (raster plots, simulated points). */
    static XYSeries dots(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return s;
    }

    static void save(XYChart chart, Path file) {
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    /** Several charts in one figure, in a grid of the given number of columns. */
    static void saveGrid(List<XYChart> charts, int columns, Path file) {
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
