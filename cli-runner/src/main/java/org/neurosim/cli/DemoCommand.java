package org.neurosim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.plugin.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
            case "hh" -> NeuronDemos.hh(r, dir, given != null ? given : new double[] {-5e-2, 0, 2.5e-2, 10e-2},
                    given != null ? labels.toArray(String[]::new) : null);
            case "lif" -> NeuronDemos.lif(r, dir, given != null ? given : new double[] {1.5});
            case "rate-curve" -> NeuronDemos.rateCurve(r, dir);
            case "activation" -> SignalDemos.activation(r, dir);
            case "psc" -> SignalDemos.psc(r, dir);
            case "synapse" -> SynapseDemo.run(r, dir, root.out);
            default -> SignalDemos.euler(dir, eulerSteps);
        }
        root.out.println("demo " + name + ": wrote " + dir.resolve(name + ".csv") + " and " + dir.resolve(name + ".png"));
        return 0;
    }

    /** The panels of one figure share their time axis: 0 to the end, whatever the first spike's time. */
    static void sameTimeAxis(XYChart c, double endMs) {
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(endMs);
    }

    private double[] eulerSteps = {0.001, 0.005, 0.010, 0.015, 0.025};

    static double[] times(int n, double dt, double scale) {
        double[] t = new double[n];
        for (int j = 0; j < n; j++) t[j] = j * dt * scale;
        return t;
    }
}
