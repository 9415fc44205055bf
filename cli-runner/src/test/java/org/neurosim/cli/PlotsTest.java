package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Long lines are drawn from their envelope: every peak stays, in time order, at a bounded number of points. */
class PlotsTest {
    @Test
    void envelopeKeepsEveryPeakAndTroughInTimeOrder() {
        // 100 ms of a trace at 0.01 ms with seven one-sample spikes of different heights (an HH trace's worst case)
        int n = 10_001;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 0.01;
            y[i] = -65 + 5 * Math.sin(i * 0.003);
        }
        int[] peaks = {5, 1234, 2500, 4999, 7001, 9876, 10_000};
        for (int k = 0; k < peaks.length; k++) y[peaks[k]] = 20 + k;
        y[3333] = -90;   // one deep trough
        double[][] e = Plots.envelope(x, y, 1500);
        assertThat(e[0]).hasSizeLessThanOrEqualTo(3000).hasSizeGreaterThan(1500);
        for (int i = 1; i < e[0].length; i++) assertThat(e[0][i]).isGreaterThan(e[0][i - 1]);
        for (int k = 0; k < peaks.length; k++) assertThat(e[1]).contains(20.0 + k);
        assertThat(e[1]).contains(-90.0);
        assertThat(e[0][0]).isEqualTo(0.0);
        assertThat(e[0][e[0].length - 1]).isEqualTo(100.0);
    }

    /** Traces are drawn one panel per dimension, each in a unit of the size of its values. */
    @Test
    void eachDimensionGetsItsNaturalUnit() {
        assertThat(RunPlots.DisplayUnit.of(org.neurosim.core.units.Dimension.VOLTAGE, 0.07).axis()).isEqualTo("voltage (mV)");
        assertThat(RunPlots.DisplayUnit.of(org.neurosim.core.units.Dimension.CURRENT, 4e-10).axis()).isEqualTo("current (pA)");
        assertThat(RunPlots.DisplayUnit.of(org.neurosim.core.units.Dimension.CURRENT, 2e-9).axis()).isEqualTo("current (nA)");
        assertThat(RunPlots.DisplayUnit.of(org.neurosim.core.units.Dimension.CONDUCTANCE, 4e-8).axis()).isEqualTo("conductance (nS)");
        assertThat(RunPlots.DisplayUnit.of(org.neurosim.core.units.Dimension.DIMENSIONLESS, 0.6).axis())
                .isEqualTo("value (dimensionless)");
        assertThat(RunPlots.DisplayUnit.of(org.neurosim.core.units.Dimension.CURRENT, 4e-10).factor()).isEqualTo(1e12);
    }

    /** AdEx's v (volts) and w (amperes) are two panels of one image: 2 x 500 pixels high. */
    @Test
    void adexTracesAreTwoPanels(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out) throws Exception {
        Cli r = Cli.run("run", "../examples/adex-population.yaml", "--out", out.toString(), "--set", "duration=50ms");
        assertThat(r.exit()).as(r.err()).isZero();
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("traces.png").toFile());
        assertThat(png.getHeight()).isEqualTo(1000);
        assertThat(png.getWidth()).isEqualTo(900);
    }
}
