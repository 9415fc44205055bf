package org.neurosim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.activation.Activation;
import org.neurosim.core.activation.ActivationFunction;
import org.neurosim.core.model.AnalyticRate;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginContext;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.core.synapse.Kernel;
import org.neurosim.core.synapse.SynapticKernel;
import org.neurosim.integrators.SingleNeuron;
import org.neurosim.network.Network;
import org.neurosim.network.Simulation;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.config.ConfigTree;
import org.neurosim.network.output.Recorder;
import org.neurosim.synapses.SpikeTrains;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code neurosim demo NAME}: the course demonstrations, each writing CSV data and a PNG plot. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run a course demonstration (see --list).")
final class DemoCommand implements Callable<Integer> {
    @CommandLine.ParentCommand NeuroSim root;

    @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "hh, lif, rate-curve, activation, psc, synapse, euler")
    String name;

    @Option(names = "--list", description = "List the demonstrations.")
    boolean list;

    @Option(names = "--inputs", paramLabel = "LIST", arity = "1..2",
            description = "hh: the inputs, e.g. '-5,0,2.5,10 uA/cm^2' (default); lif: one or more v_in, e.g. '1.5'.")
    List<String> inputParts;

    @Option(names = "--dt", paramLabel = "LIST", arity = "1..2",
            description = "euler: the time steps, e.g. '1,5,10,15,25 ms' (default), or one: '30ms'.")
    List<String> dtParts;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default out/demo-<name>).")
    Path out;

    static final Map<String, String> DEMOS = new LinkedHashMap<>();

    static {
        DEMOS.put("hh", "Hodgkin-Huxley: V(t) and the gates n, m, h for negative, zero, slightly and very positive input");
        DEMOS.put("lif", "simple LIF neuron: v(t) and spikes for a constant input v_in = 1.5");
        DEMOS.put("rate-curve", "LIF rate curve G(v_in): analytic against simulated (tau_ref 2 ms, tau_m 20 ms)");
        DEMOS.put("activation", "the five activation functions: logistic, arctan, tanh, threshold, ReLU");
        DEMOS.put("psc", "a spike train, the PSC kernels h(t), and their convolution");
        DEMOS.put("synapse", "weighted, filtered spike trains from three sources summed into one LIF neuron");
        DEMOS.put("euler", "Euler's method against the exact solution of ds/dt = -s/tau for several dt");
    }

    @Override
    public Integer call() throws Exception {
        if (list || name == null) {
            DEMOS.forEach((k, v) -> root.out.printf("  %-11s %s%n", k, v));
            if (name == null) root.out.println("run one with: neurosim demo NAME (hh --inputs, lif --inputs, euler --dt)");
            return 0;
        }
        if (!DEMOS.containsKey(name)) {
            throw new InvalidInputException("demo: unknown demonstration '" + name + "'; known: "
                    + String.join(", ", DEMOS.keySet()));
        }
        if (inputParts != null && !name.equals("hh") && !name.equals("lif")) {
            throw new InvalidInputException("--inputs: only for demo hh and demo lif");
        }
        if (dtParts != null && !name.equals("euler")) throw new InvalidInputException("--dt: only for demo euler");
        double[] inputs = null;
        List<String> labels = new ArrayList<>();
        if (inputParts != null) {
            inputs = FiCurveCommand.parseInputs(String.join(" ", inputParts), name.equals("hh")
                    ? org.neurosim.core.units.Dimension.CURRENT_DENSITY : org.neurosim.core.units.Dimension.DIMENSIONLESS,
                    labels);
        }
        if (dtParts != null) {
            double[] steps = FiCurveCommand.parseInputs(String.join(" ", dtParts), org.neurosim.core.units.Dimension.TIME,
                    new ArrayList<>());
            for (double d : steps) {
                if (!(d > 0 && d <= 0.1)) throw new InvalidInputException("--dt: expected time steps from 0 to 100 ms, got "
                        + String.join(" ", dtParts));
            }
            eulerSteps = steps;
        }
        Path dir = out != null ? out : Path.of("out", "demo-" + name);
        Csv.outputDir(dir, name + ".csv", name + ".png");
        PluginRegistry r = root.registry();
        double[] given = inputs;
        switch (name) {
            case "hh" -> hh(r, dir, given != null ? given : new double[] {-5e-2, 0, 2.5e-2, 10e-2},
                    given != null ? labels.toArray(String[]::new) : null);
            case "lif" -> lif(r, dir, given != null ? given : new double[] {1.5});
            case "rate-curve" -> rateCurve(r, dir);
            case "activation" -> activation(r, dir);
            case "psc" -> psc(r, dir);
            case "synapse" -> synapse(r, dir);
            default -> euler(dir, eulerSteps);
        }
        root.out.println("demo " + name + ": wrote " + dir.resolve(name + ".csv") + " and " + dir.resolve(name + ".png"));
        return 0;
    }

    /** The panels of one figure share their time axis: 0 to the end, whatever the first spike's time. */
    private static void sameTimeAxis(XYChart c, double endMs) {
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(endMs);
    }

    private double[] eulerSteps = {0.001, 0.005, 0.010, 0.015, 0.025};

    private static NeuronDynamics model(PluginRegistry r, String name, Map<String, String> params, double dt) {
        NeuronModel m = r.get(PluginKind.NEURON_MODEL, name, "model");
        return m.create(PopulationContext.single(dt), Parameters.resolve(m.parameters(), params, "params"));
    }

    private static double[] times(int n, double dt, double scale) {
        double[] t = new double[n];
        for (int j = 0; j < n; j++) t[j] = j * dt * scale;
        return t;
    }

    /** @param si inputs in A/m^2; @param given their text as the user wrote them, or null for the default four */
    private static void hh(PluginRegistry r, Path dir, double[] si, String[] given) {
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
                t = times(tr[0].length, dt, 1);
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
    private static void lif(PluginRegistry r, Path dir, double[] inputs) {
        NeuronDynamics lif = model(r, "lif", Map.of("tau_m", "20 ms", "tau_ref", "2 ms"), 1e-4);
        double dt = 1e-4, duration = 0.2;
        List<String> header = new ArrayList<>(List.of("time_s"));
        List<double[]> cols = new ArrayList<>();
        StringBuilder spikeCsv = new StringBuilder(inputs.length == 1 ? "time_s\n" : "v_in,time_s\n");
        List<XYChart> charts = new ArrayList<>();
        for (double vIn : inputs) {
            SingleNeuron.Result res = SingleNeuron.run(lif, r.get(PluginKind.INTEGRATOR, "exact", "integrator"),
                    Parameters.defaults(List.of()), vIn, duration, dt, true);
            double[] t = times(res.trace()[0].length, dt, 1);
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

    private static void rateCurve(PluginRegistry r, Path dir) {
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

    private static void activation(PluginRegistry r, Path dir) {
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

    private static void psc(PluginRegistry r, Path dir) {
        double dt = 1e-4;
        int steps = 2000;
        double[] t = times(steps + 1, dt, 1);
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
        for (XYChart c : List.of(train, kernels, conv)) sameTimeAxis(c, steps * dt * 1e3);   // panels line up in time
        Plots.saveGrid(List.of(train, kernels, conv), 1, dir.resolve("psc.png"));
    }

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

    private void synapse(PluginRegistry r, Path dir) {
        // three sources with fixed spike trains, weights entry_i x 0.1 s, exponential PSC (area 1, 10 ms), summed
        // into the input of one normalised LIF neuron: v_in(t) = sum_i w_i (s_i * h)(t)
        String yaml = """
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
        for (int i = 0; i < 3; i++) root.out.println("demo synapse: source " + i + ": " + synapseWeightLabel(i));
        Network net = NetworkLoader.build(ConfigTree.parse(yaml, "synapse demo"), null, r);
        Recorder rec = new Simulation(net).run(null, null, () -> false, 0).recorder();
        double dt = 1e-4;
        int steps = 3000;
        double[] t = times(steps + 1, dt, 1);
        double[] ms = Plots.scaled(t, 1e3);
        SynapticKernel sk = r.get(PluginKind.KERNEL, "exponential", "kernel");
        Kernel kernel = sk.create(new PluginContext("synapse", dt), Parameters.resolve(sk.parameters(),
                Map.of("tau", SYNAPSE_TAU_S * 1e3 + " ms"), "synapse"));
        double[][] trains = new double[3][];
        List<double[]> perSource = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<Double> ti = new ArrayList<>();
            for (int k = 0; k < rec.rasterCount(); k++) {
                if (rec.rasterPopulation(k) == 0 && rec.rasterNeuron(k) == i) ti.add(rec.rasterTime(k));
            }
            trains[i] = ti.stream().mapToDouble(Double::doubleValue).toArray();
            double[] ones = new double[trains[i].length];
            java.util.Arrays.fill(ones, SYNAPSE_ENTRIES[i] * SYNAPSE_WEIGHT_S);
            perSource.add(SpikeTrains.filter(trains[i], ones, kernel, 1.0, dt, steps));
        }
        double[] sum = new double[steps + 1];
        for (double[] s : perSource) for (int j = 0; j <= steps; j++) sum[j] += s[j];
        double[] v = rec.traceRows().stream().mapToDouble(row -> row[1]).toArray();
        XYChart raster = Plots.chart("source spike trains", "time (ms)", "source");
        XYChart inputs = Plots.chart("weighted filtered trains w_i (s_i * h)(t) and their sum", "time (ms)", "input v_in");
        for (int i = 0; i < 3; i++) {
            double[] y = new double[trains[i].length];
            java.util.Arrays.fill(y, i);
            if (y.length > 0) Plots.dots(raster, "source " + i + " (" + synapseWeightLabel(i) + ")", Plots.scaled(trains[i], 1e3), y);
            Plots.line(inputs, "source " + i, ms, perSource.get(i));
        }
        Plots.line(inputs, "sum", ms, sum);
        XYChart neuron = Plots.chart("LIF neuron driven by the sum (threshold 1)", "time (ms)", "v (normalised)");
        double[] tv = times(v.length, dt, 1e3);
        Plots.line(neuron, "v(t)", tv, v);
        Plots.line(neuron, "threshold", new double[] {0, steps * dt * 1e3}, new double[] {1, 1});
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < rec.rasterCount(); k++) if (rec.rasterPopulation(k) == 1) out.add(rec.rasterTime(k) * 1e3);
        if (!out.isEmpty()) {
            double[] ones = new double[out.size()];
            java.util.Arrays.fill(ones, 1.0);
            Plots.dots(neuron, "output spikes", out.stream().mapToDouble(Double::doubleValue).toArray(), ones);
        }
        for (XYChart c : List.of(raster, inputs, neuron)) sameTimeAxis(c, steps * dt * 1e3);
        List<double[]> cols = new ArrayList<>(List.of(t));
        cols.addAll(perSource);
        cols.add(sum);
        cols.add(java.util.Arrays.copyOf(v, steps + 1));
        Csv.columns(dir.resolve("synapse.csv"), List.of("time_s", "input_0", "input_1", "input_2", "input_sum", "v"), cols);
        Plots.saveGrid(List.of(raster, inputs, neuron), 1, dir.resolve("synapse.png"));
    }

    private static void euler(Path dir, double[] dts) {
        double tau = 0.010, duration = 0.1;
        int n = 1001;
        double[] t = times(n, duration / (n - 1), 1);
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
