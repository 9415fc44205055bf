package org.neurosim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.neurosim.integrators.SingleNeuron;
import org.neurosim.core.model.AnalyticRate;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.core.plugin.PluginRegistry;

/** The single-neuron demonstrations of {@code neurosim demo}: hh, lif and rate-curve. */
final class NeuronDemos {
    private NeuronDemos() { }

    private static NeuronDynamics model(PluginRegistry r, String name, Map<String, String> params, double dt) {
        NeuronModel m = r.get(PluginKind.NEURON_MODEL, name, "model");
        return m.create(PopulationContext.single(dt), Parameters.resolve(m.parameters(), params, "params"));
    }

    /** @param si inputs in A/m^2; @param given their text as the user wrote them, or null for the default four */
    static void hh(PluginRegistry r, Path dir, double[] si, String[] given) {
        NeuronDynamics hh = model(r, "hh", Map.of(), 1e-5);
        double[] inputs = new double[si.length];
        for (int k = 0; k < si.length; k++) inputs[k] = si[k] * 1e2;   // uA/cm^2
        String[] labels = new String[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            labels[k] = given == null ? new String[] {"negative", "zero", "slightly positive", "very positive"}[k] : "";
        }
        double dt = 1e-5, duration = 0.1;
        List<String> header = new ArrayList<>(List.of("time_s"));
        List<double[]> cols = new ArrayList<>();
        List<XYChart> charts = new ArrayList<>();
        double[] t = null;
        for (int k = 0; k < inputs.length; k++) {
            SingleNeuron.Result res = SingleNeuron.run(hh, r.get(PluginKind.INTEGRATOR, "rk4", "integrator"), Parameters.defaults(List.of()),
                    inputs[k] * 1e-2, duration, dt, true);
            double[][] tr = res.trace();
            if (t == null) {
                t = DemoCommand.times(tr[0].length, dt, 1);
                cols.add(t);
            }
            String tag = "I=" + Words.number(inputs[k]) + "uA/cm^2";
            for (int v = 0; v < 4; v++) {
                header.add(new String[] {"v", "n", "m", "h"}[v] + "[" + tag + "]");
                cols.add(tr[v]);
            }
            double[] ms = Plots.scaled(t, 1e3);
            XYChart cv = Plots.chart((labels[k].isEmpty() ? "input " : labels[k] + " input, ") + Words.number(inputs[k])
                    + " uA/cm^2 (" + Words.count(res.spikeCount(), "spike") + ")",
                    "time (ms)", "V (mV)");
            Plots.line(cv, "V", ms, Plots.scaled(tr[0], 1e3));
            cv.getStyler().setYAxisMin(-85.0);
            cv.getStyler().setYAxisMax(50.0);
            charts.add(cv);
            XYChart cg = Plots.chart("gates, " + Words.number(inputs[k]) + " uA/cm^2", "time (ms)", "open fraction");
            Plots.line(cg, "n", ms, tr[1]);
            Plots.line(cg, "m", ms, tr[2]);
            Plots.line(cg, "h", ms, tr[3]);
            charts.add(cg);
        }
        Csv.columns(dir.resolve("hh.csv"), header, cols);
        Plots.saveGrid(charts, 2, dir.resolve("hh.png"));
    }

    /** v(t) for each input v_in (normalised LIF), one panel each. */
    static void lif(PluginRegistry r, Path dir, double[] inputs) {
        NeuronDynamics lif = model(r, "lif", Map.of("tau_m", "20 ms", "tau_ref", "2 ms"), 1e-4);
        double dt = 1e-4, duration = 0.2;
        List<String> header = new ArrayList<>(List.of("time_s"));
        List<double[]> cols = new ArrayList<>();
        StringBuilder spikeCsv = new StringBuilder(inputs.length == 1 ? "time_s\n" : "v_in,time_s\n");
        List<XYChart> charts = new ArrayList<>();
        for (double vIn : inputs) {
            SingleNeuron.Result res = SingleNeuron.run(lif, r.get(PluginKind.INTEGRATOR, "exact", "integrator"),
                    Parameters.defaults(List.of()), vIn, duration, dt, true);
            double[] t = DemoCommand.times(res.trace()[0].length, dt, 1);
            if (cols.isEmpty()) cols.add(t);
            header.add(inputs.length == 1 ? "v" : "v[v_in=" + Words.number(vIn) + "]");
            cols.add(res.trace()[0]);
            double[] spikes = res.spikeTimes();
            for (double st : spikes) {
                if (inputs.length > 1) spikeCsv.append(Words.number(vIn)).append(',');
                spikeCsv.append(st).append('\n');
            }
            XYChart c = Plots.chart("LIF, v_in = " + Words.number(vIn) + ", tau_m = 20 ms, tau_ref = 2 ms ("
                    + Words.count(spikes.length, "spike") + ")", "time (ms)", "v (normalised)");
            Plots.line(c, "v(t)", Plots.scaled(t, 1e3), res.trace()[0]);
            Plots.line(c, "threshold", new double[] {0, duration * 1e3}, new double[] {1, 1});
            double[] ones = new double[spikes.length];
            java.util.Arrays.fill(ones, 1.0);
            if (spikes.length > 0) Plots.dots(c, "spikes (threshold reached)", Plots.scaled(spikes, 1e3), ones);
            charts.add(c);
        }
        Csv.columns(dir.resolve("lif.csv"), header, cols);
        Csv.write(dir.resolve("lif_spikes.csv"), spikeCsv.toString());
        if (charts.size() == 1) Plots.save(charts.get(0), dir.resolve("lif.png"));
        else Plots.saveGrid(charts, 1, dir.resolve("lif.png"));
    }

    static void rateCurve(PluginRegistry r, Path dir) {
        NeuronDynamics lif = model(r, "lif", Map.of("tau_m", "20 ms", "tau_ref", "2 ms"), 1e-4);
        int n = 40;
        double[] vin = new double[n], analytic = new double[n], simulated = new double[n];
        for (int k = 0; k < n; k++) {
            vin[k] = 0.5 + k * 0.25;
            analytic[k] = ((AnalyticRate) lif).analyticRate(vin[k]);
            simulated[k] = SingleNeuron.run(lif, r.get(PluginKind.INTEGRATOR, "exact", "integrator"), vin[k], 2.0, 1e-4).rate(0, 2.0);
        }
        Csv.columns(dir.resolve("rate-curve.csv"), List.of("v_in", "analytic_rate_hz", "simulated_rate_hz"),
                List.of(vin, analytic, simulated));
        double[] fine = new double[400], g = new double[400];
        for (int k = 0; k < 400; k++) {
            fine[k] = 0.5 + k * 0.025;
            g[k] = ((AnalyticRate) lif).analyticRate(fine[k]);
        }
        XYChart c = Plots.chart("LIF rate curve G(v_in) = 1/(tau_ref - tau_m ln(1 - 1/v_in))", "v_in", "rate (Hz)");
        Plots.line(c, "analytic G", fine, g);
        Plots.dots(c, "simulated, 2 s at dt 0.1 ms", vin, simulated);
        Plots.save(c, dir.resolve("rate-curve.png"));
    }
}
