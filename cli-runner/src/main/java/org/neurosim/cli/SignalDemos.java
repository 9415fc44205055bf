package org.neurosim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.neurosim.core.activation.Activation;
import org.neurosim.core.activation.ActivationFunction;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginContext;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.core.synapse.Kernel;
import org.neurosim.synapses.SpikeTrains;
import org.neurosim.core.synapse.SynapticKernel;


/** The demonstrations of {@code neurosim demo} without a neuron: activation, psc and euler. */
final class SignalDemos {
    private SignalDemos() { }

    static void activation(PluginRegistry r, Path dir) {
        String[] names = {"logistic", "arctan", "tanh", "threshold", "relu"};
        int n = 401;
        double[] z = new double[n];
        for (int k = 0; k < n; k++) z[k] = -5 + k * 0.025;
        List<double[]> cols = new ArrayList<>(List.of(z));
        XYChart c = Plots.chart("activation functions s(z)", "z", "s(z)");
        for (String name : names) {
            ActivationFunction f = r.get(PluginKind.ACTIVATION, name, "activation");
            Activation s = f.create(new PluginContext("activation", Double.NaN), Parameters.defaults(f.parameters()));
            double[] y = new double[n];
            s.apply(z, y, 0, n);
            cols.add(y);
            Plots.line(c, name, z, y);
        }
        List<String> header = new ArrayList<>(List.of("z"));
        header.addAll(List.of(names));
        Csv.columns(dir.resolve("activation.csv"), header, cols);
        c.getStyler().setYAxisMin(-2.0);
        c.getStyler().setYAxisMax(3.0);
        Plots.save(c, dir.resolve("activation.png"));
    }

    private static final double[] TRAIN = {0.010, 0.030, 0.035, 0.040, 0.080, 0.120, 0.125, 0.160};

    static void psc(PluginRegistry r, Path dir) {
        double dt = 1e-4;
        int steps = 2000;
        double[] t = DemoCommand.times(steps + 1, dt, 1);
        double[] ms = Plots.scaled(t, 1e3);
        double[] ones = new double[TRAIN.length];
        java.util.Arrays.fill(ones, 1.0);
        List<String> header = new ArrayList<>(List.of("time_s"));
        List<double[]> cols = new ArrayList<>(List.of(t));
        XYChart train = Plots.chart("spike train s(t) = sum_k delta(t - t_k)", "time (ms)", "spike");
        Plots.dots(train, "spikes", Plots.scaled(TRAIN, 1e3), ones);
        XYChart kernels = Plots.chart("PSC kernels h(t), area 1, tau_s = 10 ms", "time (ms)", "h(t) (1/s)");
        XYChart conv = Plots.chart("filtered spike train (s * h)(t)", "time (ms)", "(s * h)(t) (1/s)");
        String[][] ks = {{"exponential"}, {"alpha"}, {"gamma", "2"}, {"double-exponential"}};
        for (String[] k : ks) {
            SynapticKernel sk = r.get(PluginKind.KERNEL, k[0], "kernel");
            Map<String, String> p = new LinkedHashMap<>(Map.of("tau", "10 ms"));
            if (k.length > 1) p.put("n", k[1]);
            Kernel kernel = sk.create(new PluginContext("synapse", dt), Parameters.resolve(sk.parameters(), p, "synapse"));
            String label = k[0] + (k.length > 1 ? " n=" + k[1] : "");
            double[] h = new double[steps + 1];
            for (int j = 0; j <= steps; j++) h[j] = kernel.value(t[j]);
            double[] weights = new double[TRAIN.length];
            java.util.Arrays.fill(weights, 1.0);
            double[] y = SpikeTrains.filter(TRAIN, weights, kernel, 1.0, dt, steps);
            Plots.line(kernels, label, ms, h);
            Plots.line(conv, label, ms, y);
            header.add("h_" + label.replace(' ', '_'));
            cols.add(h);
            header.add("conv_" + label.replace(' ', '_'));
            cols.add(y);
        }
        Csv.columns(dir.resolve("psc.csv"), header, cols);
        for (XYChart c : List.of(train, kernels, conv)) DemoCommand.sameTimeAxis(c, steps * dt * 1e3);   // panels line up in time
        Plots.saveGrid(List.of(train, kernels, conv), 1, dir.resolve("psc.png"));
    }

    static void euler(Path dir, double[] dts) {
        double tau = 0.010, duration = 0.1;
        int n = 1001;
        double[] t = DemoCommand.times(n, duration / (n - 1), 1);
        double[] exact = new double[n];
        DecayEquation eq = new DecayEquation(tau);
        for (int j = 0; j < n; j++) exact[j] = eq.exact(t[j]);
        XYChart c = Plots.chart("Euler on ds/dt = -s/tau, tau = 10 ms: s_k = (1/tau)(1 - dt/tau)^k", "time (ms)", "s (1/s)");
        Plots.line(c, "exact exp(-t/tau)/tau", Plots.scaled(t, 1e3), exact);
        StringBuilder csv = new StringBuilder("dt_s,time_s,euler,exact\n");
        for (double dt : dts) {
            int steps = (int) Math.round(duration / dt);
            double[] te = new double[steps + 1], se = new double[steps + 1];
            org.neurosim.integrators.PopulationSolver s = new org.neurosim.integrators.PopulationSolver(eq,
                    new org.neurosim.integrators.Euler(), 1, dt);
            org.neurosim.core.model.Drive d = new org.neurosim.core.model.Drive(1);
            se[0] = s.state()[0][0];
            for (int k = 1; k <= steps; k++) {
                s.step(d, (i, o) -> { }, 0, 1);
                te[k] = k * dt;
                se[k] = s.state()[0][0];
            }
            for (int k = 0; k <= steps; k++) {
                csv.append(dt).append(',').append(te[k]).append(',').append(se[k]).append(',').append(eq.exact(te[k])).append('\n');
            }
            org.knowm.xchart.XYSeries ser = Plots.line(c, "Euler dt = " + Words.number(dt * 1e3) + " ms" + (dt > 2 * tau ? " (> 2 tau: unstable)" : ""),
                    Plots.scaled(te, 1e3), se);
            ser.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        }
        Csv.write(dir.resolve("euler.csv"), csv.toString());
        c.getStyler().setYAxisMin(-150.0);
        c.getStyler().setYAxisMax(150.0);
        Plots.save(c, dir.resolve("euler.png"));
    }
}
