package org.neurosim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginContext;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.core.synapse.Kernel;
import org.neurosim.synapses.SpikeTrains;
import org.neurosim.core.synapse.SynapticKernel;
import org.neurosim.network.Network;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.config.ConfigTree;
import org.neurosim.network.output.Recorder;
import org.neurosim.network.Simulation;

/**
 * {@code neurosim demo synapse}: three sources with fixed spike trains, weights entry_i x 0.1 s, exponential PSC
 * (area 1, 10 ms), summed into the input of one normalised LIF neuron: v_in(t) = sum_i w_i (s_i * h)(t).
 */
final class SynapseDemo {
    private SynapseDemo() { }

    /** The synapse demo's weight matrix entries, scaled by {@link #SYNAPSE_WEIGHT_S}: w_i = entry_i x 0.1 s. */
    private static final double[] SYNAPSE_ENTRIES = {1.0, 0.6, -0.8};
    private static final double SYNAPSE_WEIGHT_S = 0.1, SYNAPSE_TAU_S = 0.010;

    /**
     * What the synapse demo's weights are, in the units it uses: with an exponential PSC normalised to area 1,
     * h(t) = e^(-t/tau)/tau, a spike of weight w (in seconds, so that v_in = sum_i w_i (s_i * h)(t) is
     * dimensionless) adds w/tau to v_in. Printed, and shown in the plot's legend, from the same numbers the network
     * is built from.
     */
    static String synapseWeightLabel(int i) {
        double w = SYNAPSE_ENTRIES[i] * SYNAPSE_WEIGHT_S;
        return "w = " + plain(w) + " s, each spike adds w/tau = " + plain(w / SYNAPSE_TAU_S) + " to v_in";
    }

    /** A number as a person writes it: 12 significant digits, no trailing zeros (0.06, not 0.060000000000000005). */
    private static String plain(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }

    static void run(PluginRegistry r, Path dir, PrintStream out) {
        for (int i = 0; i < 3; i++) out.println("demo synapse: source " + i + ": " + synapseWeightLabel(i));
        Network net = NetworkLoader.build(ConfigTree.parse(config(), "synapse demo"), null, r);
        Recorder rec = new Simulation(net).run(null, null, () -> false, 0).recorder();
        double dt = 1e-4;
        int steps = 3000;
        double[] t = DemoCommand.times(steps + 1, dt, 1);
        double[] ms = Plots.scaled(t, 1e3);
        SynapticKernel sk = r.get(PluginKind.KERNEL, "exponential", "kernel");
        Kernel kernel = sk.create(new PluginContext("synapse", dt), Parameters.resolve(sk.parameters(),
                Map.of("tau", SYNAPSE_TAU_S * 1e3 + " ms"), "synapse"));
        double[][] trains = new double[3][];
        List<double[]> perSource = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            trains[i] = train(rec, i);
            double[] ones = new double[trains[i].length];
            java.util.Arrays.fill(ones, SYNAPSE_ENTRIES[i] * SYNAPSE_WEIGHT_S);
            perSource.add(SpikeTrains.filter(trains[i], ones, kernel, 1.0, dt, steps));
        }
        double[] sum = new double[steps + 1];
        for (double[] s : perSource) for (int j = 0; j <= steps; j++) sum[j] += s[j];
        double[] v = rec.traceRows().stream().mapToDouble(row -> row[1]).toArray();
        List<XYChart> charts = List.of(raster(trains), inputs(perSource, sum, ms), neuron(rec, v, dt, steps));
        for (XYChart c : charts) DemoCommand.sameTimeAxis(c, steps * dt * 1e3);
        List<double[]> cols = new ArrayList<>(List.of(t));
        cols.addAll(perSource);
        cols.add(sum);
        cols.add(java.util.Arrays.copyOf(v, steps + 1));
        Csv.columns(dir.resolve("synapse.csv"), List.of("time_s", "input_0", "input_1", "input_2", "input_sum", "v"), cols);
        Plots.saveGrid(charts, 1, dir.resolve("synapse.png"));
    }

    /** The demo's network: the sources' spike times, the neuron, the weights of {@link #SYNAPSE_ENTRIES}. */
    private static String config() {
        return """
                name: synapse-demo
                dt: 0.1 ms
                duration: 300 ms
                populations:
                  sources:
                    model: spike-times
                    size: 3
                    times: [[20 ms, 25 ms, 30 ms, 35 ms, 40 ms, 45 ms, 50 ms, 120 ms, 125 ms, 130 ms, 135 ms, 140 ms],
                            [60 ms, 64 ms, 68 ms, 72 ms, 76 ms, 80 ms, 84 ms, 88 ms, 200 ms, 205 ms, 210 ms],
                            [130 ms, 134 ms, 138 ms, 142 ms, 146 ms, 150 ms, 220 ms, 225 ms]]
                  neuron:
                    model: lif
                    size: 1
                    params: {tau_m: 20 ms, tau_ref: 2 ms}
                projections:
                  - from: sources
                    to: neuron
                    connect: {weights: [[%s, %s, %s]]}
                    weight: %s s
                    synapse: {kernel: exponential, tau: %s ms, normalize: area}
                record:
                  spikes: all
                  state: [{population: neuron, variables: [v], neurons: [0]}]
                """.formatted(SYNAPSE_ENTRIES[0], SYNAPSE_ENTRIES[1], SYNAPSE_ENTRIES[2], SYNAPSE_WEIGHT_S,
                SYNAPSE_TAU_S * 1e3);
    }

    /** The spike times of source i, as recorded. */
    private static double[] train(Recorder rec, int i) {
        List<Double> ti = new ArrayList<>();
        for (int k = 0; k < rec.rasterCount(); k++) {
            if (rec.rasterPopulation(k) == 0 && rec.rasterNeuron(k) == i) ti.add(rec.rasterTime(k));
        }
        return ti.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static XYChart raster(double[][] trains) {
        XYChart raster = Plots.chart("source spike trains", "time (ms)", "source");
        for (int i = 0; i < 3; i++) {
            double[] y = new double[trains[i].length];
            java.util.Arrays.fill(y, i);
            if (y.length > 0) Plots.dots(raster, "source " + i + " (" + synapseWeightLabel(i) + ")", Plots.scaled(trains[i], 1e3), y);
        }
        return raster;
    }

    private static XYChart inputs(List<double[]> perSource, double[] sum, double[] ms) {
        XYChart inputs = Plots.chart("weighted filtered trains w_i (s_i * h)(t) and their sum", "time (ms)", "input v_in");
        for (int i = 0; i < 3; i++) Plots.line(inputs, "source " + i, ms, perSource.get(i));
        Plots.line(inputs, "sum", ms, sum);
        return inputs;
    }

    private static XYChart neuron(Recorder rec, double[] v, double dt, int steps) {
        XYChart neuron = Plots.chart("LIF neuron driven by the sum (threshold 1)", "time (ms)", "v (normalised)");
        double[] tv = DemoCommand.times(v.length, dt, 1e3);
        Plots.line(neuron, "v(t)", tv, v);
        Plots.line(neuron, "threshold", new double[] {0, steps * dt * 1e3}, new double[] {1, 1});
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < rec.rasterCount(); k++) if (rec.rasterPopulation(k) == 1) out.add(rec.rasterTime(k) * 1e3);
        if (!out.isEmpty()) {
            double[] ones = new double[out.size()];
            java.util.Arrays.fill(ones, 1.0);
            Plots.dots(neuron, "output spikes", out.stream().mapToDouble(Double::doubleValue).toArray(), ones);
        }
        return neuron;
    }
}
