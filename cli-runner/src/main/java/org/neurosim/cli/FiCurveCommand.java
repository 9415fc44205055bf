package org.neurosim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.XYChart;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.model.AnalyticRate;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Quantity;
import org.neurosim.core.units.Units;
import org.neurosim.integrators.SingleNeuron;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code neurosim fi-curve}: the firing rate of one neuron for each constant input, from its resting state. Writes
 * fi_curve.csv ({@code input,rate_hz,spikes,first_spike_s}, plus {@code analytic_rate_hz} for models with a
 * closed-form rate) and fi_curve.png.
 */
@Command(name = "fi-curve", mixinStandardHelpOptions = true,
        description = "Firing rate of one neuron against constant input.")
final class FiCurveCommand implements Callable<Integer> {
    @CommandLine.ParentCommand NeuroSim root;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "Neuron model plugin.")
    String model;

    @Option(names = "--equations", paramLabel = "FILE",
            description = "Model file for --model equations: equations, threshold, reset, refractory, params.")
    Path equations;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Model parameter, e.g. tau_m=20ms.")
    List<String> params = new ArrayList<>();

    @Option(names = "--inputs", required = true, paramLabel = "LIST", arity = "1..2",
            description = "Comma-separated inputs with one unit at the end, e.g. '-5,0,2.5,10 uA/cm^2'.")
    List<String> inputParts;

    private String inputs;

    @Option(names = "--duration", paramLabel = "Q", description = "Simulated time per input (default 1 s).")
    String duration = "1 s";

    @Option(names = "--transient", paramLabel = "Q", description = "Initial time not counted in rate_hz (default 0 s).")
    String transientTime = "0 s";

    @Option(names = "--dt", paramLabel = "Q",
            description = "Time step (default 0.1 ms for exactly solvable models, 0.01 ms otherwise).")
    String dt;

    @Option(names = "--integrator", paramLabel = "NAME", description = "Integrator (default: the model's preferred).")
    String integrator;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default out/fi-curve-<model>).")
    Path out;

    @Option(names = "--no-plots", description = "Write no PNG plot.")
    boolean noPlots;

    private static final Pattern NUMBER_UNIT = Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*)");

    /** The neuron, integrator and inputs of the command line, checked. */
    private record Setup(String label, NeuronDynamics d, Integrator integ, String integratorName, double step,
                         double dur, double trans, double[] values, List<String> labels) {
        boolean analytic() { return d instanceof AnalyticRate; }
    }

    /** What the runs gave: the CSV's rows, each input's rate, how many inputs ran, and those whose run failed. */
    private static final class Runs {
        final StringBuilder csv;
        final double[] rates, analyticRates;
        int done;
        // an input whose run fails (NaN) is named, and the others still run: the CSV keeps every input that worked
        final List<String> failed = new ArrayList<>();
        String firstFailure;

        Runs(StringBuilder csv, int inputs) {
            this.csv = csv;
            rates = new double[inputs];
            analyticRates = new double[inputs];
        }
    }

    @Override
    public Integer call() {
        inputs = String.join(" ", inputParts);
        Setup s = setup();
        Path dir = out != null ? out : Path.of("out", "fi-curve-" + s.label());
        Csv.outputDir(dir, "fi_curve.csv", "fi_curve.png");
        StringBuilder csv = new StringBuilder("input,rate_hz,spikes,first_spike_s" + (s.analytic() ? ",analytic_rate_hz" : "") + "\n");
        double[] values = s.values();
        String longRun = Words.longRunWarning(s.dur() / s.step() * values.length, 1e-7, 1, String.format(Locale.ROOT,
                "%s of %.3g steps", Words.count(values.length, "input"), s.dur() / s.step()));
        if (longRun != null) root.err.println("neurosim: warning: " + longRun);
        Progress progress = Progress.forStderr();
        java.util.concurrent.atomic.AtomicInteger signal = new java.util.concurrent.atomic.AtomicInteger();
        Signals.install(signal);   // Ctrl-C keeps the inputs finished, in fi_curve.csv, and stops within a moment
        Runs r = run(s, csv, progress, signal);
        progress.done();
        Csv.write(dir.resolve("fi_curve.csv"), csv.toString());
        if (r.done < values.length) {   // stopped: the rows finished are written, no plot of a partial curve
            root.err.println("neurosim: fi-curve stopped: " + (r.done - r.failed.size()) + " of "
                    + Words.count(values.length, "input") + " are in " + dir.resolve("fi_curve.csv"));
            return signal.get() == 15 ? 143 : 130;
        }
        if (!r.failed.isEmpty()) {   // exit 3, one line; no plot of a curve with holes
            String unit = inputUnit(inputs);
            throw new org.neurosim.core.NumericalFailureException("--inputs " + String.join(", ", r.failed)
                    + (unit.isEmpty() ? "" : " " + unit) + ": " + r.firstFailure + " (try a smaller --dt or another "
                    + "--integrator); " + dir.resolve("fi_curve.csv") + " has the "
                    + Words.count(values.length - r.failed.size(), "input") + " that worked", Double.NaN);
        }
        if (!noPlots) plot(s, r.rates, dir);
        root.out.printf(Locale.ROOT, "%s: %s, %s, dt %.4g ms, %.4g s each; wrote %s%n", s.label(),
                Words.count(values.length, "input"),
                s.integratorName(), s.step() * 1e3, s.dur(), dir.resolve("fi_curve.csv"));
        return 0;
    }

    /** The --param values by name. */
    private Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) throw new InvalidInputException("--param: expected KEY=VALUE, got '" + p + "'");
            given.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
        }
        return given;
    }

    /** The model with its parameters, the integrator, the times and the inputs, each checked in the order given. */
    private Setup setup() {
        NeuronModel m = root.registry().get(PluginKind.NEURON_MODEL, model, "--model");
        Map<String, String> given = given();
        Parameters parameters;
        String label = model;
        if (!m.definitionKeys().isEmpty() || equations != null) {
            org.neurosim.network.config.ModelFile file = org.neurosim.network.config.ModelFile.read(m, model, equations);
            m = file.model();
            parameters = file.parameters(given);
            String stem = equations.getFileName().toString();
            label = stem.contains(".") ? stem.substring(0, stem.lastIndexOf('.')) : stem;
        } else {
            parameters = Parameters.resolve(m.parameters(), given, "--param ");
        }
        NeuronDynamics d = m.create(PopulationContext.single(Double.NaN), parameters);
        if (!d.spikeRule().spikes()) {
            throw new InvalidInputException("--model: " + model + " has no spike threshold to drive with an input (a source or "
                    + "rate model); expected a spiking neuron model such as lif or hh");
        }
        String integratorName = integrator != null ? integrator : d.preferredIntegrator();
        Integrator integ = root.registry().get(PluginKind.INTEGRATOR, integratorName, "--integrator");
        NeuronDynamics model0 = d;
        integ.refusal(d).ifPresent(r -> {
            throw new InvalidInputException("--integrator: " + integratorName + " cannot step this model: " + r
                    + "; integrators that can: " + String.join(", ", root.registry().integratorsFor(model0)));
        });
        double step = Units.parse(dt != null ? dt : (integratorName.equals("exact") ? "0.1 ms" : "0.01 ms"),
                Dimension.TIME, "--dt");
        if (!(step > 0)) throw new InvalidInputException("--dt: expected a positive time step, got '" + dt + "'");
        d = m.create(PopulationContext.single(step), parameters);   // the dynamics for this dt
        double dur = Units.parse(duration, Dimension.TIME, "--duration");
        double trans = Units.parse(transientTime, Dimension.TIME, "--transient");
        if (!(dur >= step)) throw new InvalidInputException("--duration: expected at least one step, got '" + duration + "'");
        if (!(trans >= 0 && trans < dur)) {
            throw new InvalidInputException("--transient: expected a time from 0 up to the duration, got '" + transientTime + "'");
        }
        List<String> labels = new ArrayList<>();
        double[] values = parseInputs(inputs, d.inputDimension(), labels);
        return new Setup(label, d, integ, integratorName, step, dur, trans, values, labels);
    }

    /** Runs the neuron at each input in turn, a row of {@code csv} each, until all ran or a signal came. */
    private static Runs run(Setup s, StringBuilder csv, Progress progress,
                            java.util.concurrent.atomic.AtomicInteger signal) {
        double[] values = s.values();
        Runs runs = new Runs(csv, values.length);
        for (int k = 0; k < values.length; k++) {
            SingleNeuron.Result r;
            double in = values[k];
            try {
                r = SingleNeuron.run(s.d(), s.integ(), Parameters.defaults(s.integ().parameters()), t -> in, s.dur(),
                        s.step(), false, () -> signal.get() != 0);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("--integrator: " + e.getMessage());
            } catch (java.util.concurrent.CancellationException stopped) {
                break;
            } catch (org.neurosim.core.NumericalFailureException e) {
                runs.done = k + 1;
                runs.failed.add(s.labels().get(k));
                if (runs.firstFailure == null) runs.firstFailure = e.getMessage();
                progress.progress(k + 1, values.length);
                continue;
            }
            runs.done = k + 1;
            runs.rates[k] = r.rate(s.trans(), s.dur());
            progress.progress(k + 1, values.length);
            csv.append(s.labels().get(k)).append(',').append(runs.rates[k]).append(',').append(r.spikeCount()).append(',');
            if (r.spikeCount() > 0) csv.append(r.spikeTimes()[0]);
            if (s.analytic()) {
                runs.analyticRates[k] = ((AnalyticRate) s.d()).analyticRate(values[k]);
                csv.append(',').append(runs.analyticRates[k]);
            }
            csv.append('\n');
        }
        return runs;
    }

    /** fi_curve.png: the simulated rates as dots, over the closed form's curve for models that have one. */
    private void plot(Setup s, double[] rates, Path dir) {
        double[] values = s.values();
        String unit = inputUnit(inputs);
        XYChart c = Plots.chart(s.label() + ": firing rate against input", "input" + (unit.isEmpty() ? "" : " (" + unit + ")"),
                "rate (Hz)");
        double[] x = s.labels().stream().mapToDouble(Double::parseDouble).toArray();
        if (s.analytic()) {   // the closed form as a dense curve, not segments between the simulated inputs
            double lo = java.util.Arrays.stream(values).min().orElse(0), hi = java.util.Arrays.stream(values).max().orElse(1);
            double scale = values[0] != 0 ? x[0] / values[0] : x.length > 1 && values[1] != 0 ? x[1] / values[1] : 1;
            int n = 400;
            double[] ax = new double[n + 1], ay = new double[n + 1];
            for (int j = 0; j <= n; j++) {
                double in = lo + (hi - lo) * ((double) j / n);   // (hi - lo) * j overflows for inputs near 1e308
                ax[j] = in * scale;
                ay[j] = ((AnalyticRate) s.d()).analyticRate(in);
            }
            Plots.line(c, "analytic", ax, ay);
        }
        Plots.dots(c, "simulated (" + s.integratorName() + ", dt " + s.step() * 1e3 + " ms)", x, rates);   // drawn last: on top of the curve
        Plots.saveOrWarn(c, dir.resolve("fi_curve.png"), "fi_curve.csv", root.err);
    }

    private static String inputUnit(String list) {
        String[] parts = list.split(",");
        Matcher mm = NUMBER_UNIT.matcher(parts[parts.length - 1]);
        return mm.matches() ? mm.group(2).strip() : "";
    }

    /** "-5,0,2.5,10 uA/cm^2": numbers with one unit at the end (or a unit on each); labels keep the numbers as given. */
    static double[] parseInputs(String list, Dimension expected, List<String> labels) {
        String[] parts = list.split(",");
        String trailingUnit = inputUnit(list);
        double[] out = new double[parts.length];
        for (int k = 0; k < parts.length; k++) {
            Matcher mm = NUMBER_UNIT.matcher(parts[k]);
            if (!mm.matches() || parts[k].isBlank()) {
                throw new InvalidInputException("--inputs: expected numbers with one unit at the end such as "
                        + "'-5,0,2.5,10 uA/cm^2', got '" + parts[k].strip() + "'");
            }
            String unit = mm.group(2).strip().isEmpty() ? trailingUnit : mm.group(2).strip();
            Quantity q = unit.isEmpty() ? new Quantity(1, Dimension.DIMENSIONLESS) : unitOf(unit);
            if (!q.dimension().equals(expected)) {
                throw new InvalidInputException("--inputs: expected " + expected.describe() + ", got '" + list.strip() + "'");
            }
            labels.add(mm.group(1));
            out[k] = Double.parseDouble(mm.group(1)) * q.si();
            if (!Double.isFinite(out[k])) {   // 1e400 parses as infinity: bad input, not a point to simulate
                throw new InvalidInputException("--inputs: expected finite numbers, got '" + parts[k].strip() + "'");
            }
        }
        return out;
    }

    private static Quantity unitOf(String unit) {
        try {
            return Units.unit(unit);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--inputs: " + e.getMessage());
        }
    }
}
