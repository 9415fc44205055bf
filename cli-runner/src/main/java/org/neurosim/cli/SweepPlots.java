package org.neurosim.cli;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.neurosim.network.sweep.Sweep;

/**
 * Heat maps of a two-key sweep: per population, its mean rate and mean ISI CV (means over the seeds) at each grid
 * point, the first key across, the second up: {@code sweep-<population>.png}.
 */
final class SweepPlots {
    private SweepPlots() { }

    static void heatMaps(Path dir, Sweep sweep, List<String> header, List<String[]> rows) {
        Sweep.Axis x = sweep.axes().get(0), y = sweep.axes().get(1);
        for (String p : sweep.populations()) {
            int rate = header.indexOf(p + ".rate_hz"), cv = header.indexOf(p + ".cv_isi");
            double[][] r = means(x, y, rows, rate), c = means(x, y, rows, cv);
            if (allNaN(r)) continue;   // a source population: nothing to show
            List<HeatMapChart> panels = List.of(
                    chart(sweep, p + ": mean rate (Hz)", x, y, r),
                    chart(sweep, p + ": mean ISI CV", x, y, c));
            Plots.saveGrid(panels, 2, dir.resolve("sweep-" + p + ".png"));
        }
    }

    /** Mean over seeds of one column at each (x, y) point; NaN where no row has a value. */
    private static double[][] means(Sweep.Axis x, Sweep.Axis y, List<String[]> rows, int column) {
        double[][] sum = new double[x.values().size()][y.values().size()];
        int[][] n = new int[x.values().size()][y.values().size()];
        for (String[] row : rows) {
            int i = x.values().indexOf(row[0]), j = y.values().indexOf(row[1]);
            if (i < 0 || j < 0 || row[column].isEmpty()) continue;
            sum[i][j] += Double.parseDouble(row[column]);
            n[i][j]++;
        }
        for (int i = 0; i < sum.length; i++) for (int j = 0; j < sum[i].length; j++) sum[i][j] = n[i][j] > 0 ? sum[i][j] / n[i][j] : Double.NaN;
        return sum;
    }

    private static boolean allNaN(double[][] m) {
        for (double[] row : m) for (double v : row) if (!Double.isNaN(v)) return false;
        return true;
    }

    private static HeatMapChart chart(Sweep sweep, String title, Sweep.Axis x, Sweep.Axis y, double[][] values) {
        HeatMapChart c = new HeatMapChartBuilder().width(600).height(500).title(title).xAxisTitle(x.key())
                .yAxisTitle(y.key()).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setShowValue(true);
        c.getStyler().setPlotContentSize(1);
        c.getStyler().setRangeColors(new Color[] {new Color(0x30, 0x12, 0x3b), new Color(0x28, 0xbb, 0xec),
                new Color(0xa2, 0xfc, 0x3c), new Color(0xfb, 0x80, 0x22), new Color(0x7a, 0x04, 0x03)});
        List<Number[]> heat = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values[i].length; j++) {
                if (!Double.isNaN(values[i][j])) heat.add(new Number[] {i, j, Math.round(values[i][j] * 100) / 100.0});
            }
        }
        c.addSeries(title, x.values(), y.values(), heat);
        return c;
    }
}
