package org.neurosim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.neurosim.network.Network;
import org.neurosim.network.PopulationView;
import org.neurosim.network.output.Recorder;

/** raster.png of {@code neurosim run}: the first neurons of each population in bands, over a window of the run. */
final class RasterPlot {
    private RasterPlot() { }

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
        List<PopulationView> pops = net.populations();
        Bands bands = Bands.of(pops, spikes);
        String title = String.format(Locale.ROOT, "%s: spikes of %,d of %,d neurons, t = %s to %s s%s", net.name(),
                bands.neuronsShown(), bands.total, Words.number(from), Words.number(to), cut
                        ? String.format(Locale.ROOT, " (%,d spikes kept in memory)", kept) : "");
        XYChart c = chart(title, from, to, bands.height);
        for (int i = 0; i < pops.size(); i++) {
            if (bands.shown[i]) band(c, pops.get(i).name(), spikes, bands, i, from, to);
        }
        return c;
    }

    /**
     * The bands from the top in config order: which populations are shown (those that spiked), the neurons of
     * those, the rows of each band and its bottom row, and the height of all with the gaps between them.
     */
    private record Bands(boolean[] shown, long total, int[] rows, int[] bottom, int height) {
        static Bands of(List<PopulationView> pops, Spikes spikes) {
            long total = 0;
            boolean[] shown = new boolean[pops.size()];
            for (int k = 0; k < spikes.count; k++) shown[spikes.population[k]] = true;
            for (PopulationView p : pops) if (shown[pops.indexOf(p)]) total += p.size();
            // bands from the top in config order: row start and height of each population shown
            int[] rows = new int[pops.size()], bottom = new int[pops.size()];
            int height = 0;
            for (int i = pops.size() - 1; i >= 0; i--) {
                if (!shown[i]) continue;
                rows[i] = (int) Math.min(pops.get(i).size(), Math.max(10, Math.round(RASTER_ROWS * pops.get(i).size() / (double) total)));
                bottom[i] = height;
                height += rows[i] + 2;   // a gap between bands
            }
            return new Bands(shown, total, rows, bottom, height);
        }

        int neuronsShown() {
            int neuronsShown = 0;
            for (int r : rows) neuronsShown += r;
            return neuronsShown;
        }
    }

    /** The raster's empty chart: time in ms from {@code from} to {@code to}, a strip at the left for the labels. */
    private static XYChart chart(String title, double from, double to, int height) {
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
        return c;
    }

    /** The band of population i: its spikes in the window as ticks, its label, a line above it. */
    private static void band(XYChart c, String name, Spikes spikes, Bands bands, int i, double from, double to) {
        int kept = spikes.count;
        int[] rows = bands.rows, bottom = bands.bottom;
        double w = (to - from) * 1e3;
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
        Plots.spikes(c, name, x, y);
        String label = name + " " + (rows[i] == 1 ? "0" : "0-" + (rows[i] - 1));
        c.addAnnotation(new org.knowm.xchart.AnnotationText(label, from * 1e3 - 0.08 * w,
                bottom[i] + (rows[i] - 1) / 2.0, false));
        if (bottom[i] > 0) c.addAnnotation(new org.knowm.xchart.AnnotationLine(bottom[i] - 1.5, false, false));
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
            for (PopulationView p : net.populations()) index.put(p.name(), net.populations().indexOf(p));
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
}
