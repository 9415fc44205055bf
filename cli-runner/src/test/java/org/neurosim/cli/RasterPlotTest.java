package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.network.Network;
import org.neurosim.network.Simulation;
import org.neurosim.network.build.NetworkLoader;

/**
 * The raster shows a window of at most 1 s from the analysis start and about 150 neurons shared by population size
 * (at least 10 each), in bands (first population on top, neuron 0 at the top of its band), spikes as ticks, no
 * legend (the bands are labelled). The expected numbers follow from examples/cuba.yaml: 3200 + 800 neurons give
 * 120 and 30 rows.
 */
class RasterPlotTest {
    @Test
    void cubasRasterShows150NeuronsInTwoLabelledBandsOverOneSecond() {
        Network net = NetworkLoader.load(Path.of("..", "examples", "cuba.yaml"), PluginRegistry.load(),
                java.util.List.of("duration=1.5 s", "record.analysis.start=0.2 s"));
        Simulation.Result r = new Simulation(net).run();
        XYChart c = RasterPlot.raster(net, r.recorder());
        assertThat(c.getTitle()).isEqualTo("cuba: spikes of 150 of 4,000 neurons, t = 0.2 to 1.2 s");
        assertThat(c.getStyler().isLegendVisible()).isFalse();
        assertThat(c.getSeriesMap()).containsOnlyKeys("exc", "inh");
        XYSeries exc = c.getSeriesMap().get("exc"), inh = c.getSeriesMap().get("inh");
        assertThat(exc.getMarker()).isSameAs(Plots.TICK);
        // inh at the bottom (rows 0..29), a gap of 2, exc above (rows 32..151)
        assertThat(java.util.Arrays.stream(inh.getYData()).allMatch(y -> y >= 0 && y <= 29)).isTrue();
        assertThat(java.util.Arrays.stream(exc.getYData()).allMatch(y -> y >= 32 && y <= 151)).isTrue();
        assertThat(java.util.Arrays.stream(exc.getXData()).allMatch(x -> x >= 200 && x <= 1200)).isTrue();
        assertThat(exc.getXData().length).isGreaterThan(100);   // ~6 Hz x 120 neurons x 1 s
    }

    /**
     * A run whose memory keeps only its first 2,000 spikes (to about 0.1 s) still shows the whole window, read from
     * spikes.csv: the same spikes as a run that kept them all.
     */
    @Test
    void aLongRunsRasterReadsItsWindowFromSpikesCsv(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.util.List<String> sets = java.util.List.of("duration=1.5 s", "record.analysis.start=0.2 s");
        Network all = NetworkLoader.load(Path.of("..", "examples", "cuba.yaml"), PluginRegistry.load(), sets);
        XYChart whole = RasterPlot.raster(all, new Simulation(all).run().recorder());
        java.util.List<String> cut = new java.util.ArrayList<>(sets);
        cut.add("record.memory={spikes: 2000}");
        Network net = NetworkLoader.load(Path.of("..", "examples", "cuba.yaml"), PluginRegistry.load(), cut);
        Simulation.Result r = new Simulation(net).run(dir, null, () -> false, 0);
        assertThat(r.recorder().rasterCount()).isEqualTo(2000);
        XYChart fromMemory = RasterPlot.raster(net, r.recorder());
        assertThat(fromMemory.getTitle()).contains("2,000 spikes kept in memory");
        XYChart c = RasterPlot.raster(net, r.recorder(), dir.resolve("spikes.csv"));
        assertThat(c.getTitle()).isEqualTo("cuba: spikes of 150 of 4,000 neurons, t = 0.2 to 1.2 s");
        for (String pop : java.util.List.of("exc", "inh")) {
            XYSeries a = whole.getSeriesMap().get(pop), b = c.getSeriesMap().get(pop);
            assertThat(b.getXData()).containsExactly(a.getXData());
            assertThat(b.getYData()).containsExactly(a.getYData());
        }
    }
}
