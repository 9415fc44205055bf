package org.neurosim.equations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.model.SpikeRule;
import org.neurosim.core.param.DataValue;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Units;
import org.neurosim.equations.check.Linear;
import org.neurosim.expressions.UnitNames;
import org.neurosim.equations.compile.Generated;
import org.neurosim.equations.compile.JavaSource;
import org.neurosim.equations.compile.ModelCompiler;
import org.neurosim.expressions.Expr;
import org.neurosim.expressions.PerNeuronExpression;

/**
 * One model defined by equations: declares the equations' constants as its parameters, and for each population
 * generates and compiles the code with the constants' values (a value given once becomes a literal, a list one
 * value per neuron), tests which integrators the equations allow, and makes the dynamics.
 */
public final class DefinedModel implements NeuronModel {
    private final ModelDefinition def;
    private final Map<String, Double> initialGuess;

    DefinedModel(ModelDefinition def) {
        this(def, Map.of());
    }

    /** @param initialGuess state values from which the resting state is searched (a model file's init) */
    DefinedModel(ModelDefinition def, Map<String, Double> initialGuess) {
        this.def = def;
        this.initialGuess = initialGuess;
    }

    public ModelDefinition definition() { return def; }

    @Override public String name() { return EquationsModel.NAME; }

    @Override public String description() {
        return "equations with state variables " + String.join(", ", def.states);
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> out = new ArrayList<>();
        def.constants.forEach((name, d) -> out.add(ParameterSpec.data(name,
                UnitNames.describe(d) + "; a list gives one value per neuron")));
        // undeclared names: their unit is the one given; not "required" here, so a name given nowhere is reported
        // at its line and column in the equations instead
        def.undeclared.keySet().forEach(name -> out.add(new ParameterSpec(name, ParameterSpec.Kind.DATA, List.of(), "",
                0, 0, "a constant of the equations in the unit it is given in; a list gives one value per neuron")));
        return out;
    }

    @Override
    public NeuronDynamics create(PopulationContext context, Parameters p) {
        ModelDefinition def = this.def.withParams(givenDimensions(p));
        List<double[]> arrays = new ArrayList<>();
        JavaSource src = source(def, p, context.size(), arrays, context.random("params"));

        boolean conductances = def.hasVoltageV();
        List<Expr> derivatives = def.rawDerivatives.stream().map(e -> JavaSource.synapticInput(e, conductances)).toList();
        Map<String, Expr> subs = new LinkedHashMap<>();
        def.subexpressionDefinitions.forEach((name, e) -> subs.put(name, JavaSource.synapticInput(e, conductances)));
        src.withSubexpressions(subs);
        List<Linear.Form> linear = linearForms(def, derivatives, subs);
        List<JavaSource.ResetStep> reset = def.reset.stream()
                .map(a -> new JavaSource.ResetStep(a.variable(), a.op(), a.value())).toList();
        List<Map<String, Expr>> noise = new ArrayList<>();
        for (Map<String, Expr> coefficients : def.noise) {
            Map<String, Expr> expanded = new LinkedHashMap<>();
            coefficients.forEach((xi, g) -> expanded.put(xi, JavaSource.synapticInput(g, conductances)));
            noise.add(expanded);
        }
        Generated code = ModelCompiler.compile(src.source(ModelCompiler.NAME, derivatives, linear, reset, noise,
                def.noiseSources));
        double[][] bound = arrays.toArray(new double[0][]);
        code.bind(bound);

        SpikeRule rule = spikeRule(def, src, code);
        LinearSystem system = LinearSystem.of(def, src);
        double[] guess = new double[def.states.size()];
        for (int k = 0; k < guess.length; k++) guess[k] = initialGuess.getOrDefault(def.states.get(k), 0.0);
        if (!def.noiseSources.isEmpty()) {
            long[] seeds = new long[def.noiseSources.size()];
            for (int j = 0; j < seeds.length; j++) seeds[j] = context.seed("noise:" + def.noiseSources.get(j));
            return new EquationsDynamics.Noisy(def, code, rule, guess, bound, seeds);
        }
        if (system != null) {
            return new EquationsDynamics.Exact(def, code, rule, guess, bound, system, context.dt());
        }
        return linear != null ? new EquationsDynamics.ConditionallyLinearEquations(def, code, rule, guess, bound)
                : new EquationsDynamics(def, code, rule, guess, bound);
    }

    /** The dimension of each undeclared constant, from the unit of the (first) value params give it. */
    private Map<String, Dimension> givenDimensions(Parameters p) {
        Map<String, Dimension> given = new LinkedHashMap<>();
        for (String name : this.def.undeclared.keySet()) {
            DataValue v = p.data(name);
            DataValue first = v.isList() && !v.list().isEmpty() ? v.list().get(0) : v.isList() ? null : v;
            if (first == null || first.text().isBlank()) continue;
            try {
                given.put(name, PerNeuronExpression.isExpression(first.text())
                        ? PerNeuronExpression.parse(first.text(), first.path(), Map.of()).dimension()
                        : Units.parse(first.text()).dimension());
            } catch (InvalidInputException e) {
                if (PerNeuronExpression.isExpression(first.text())) throw e;
                throw first.error("expected a quantity with its unit, such as '30 nS', got '" + first.text() + "'");
            }
        }
        return given;
    }

    /**
     * The source generator for n neurons: a constant with one value for all becomes a literal; one that differs
     * between neurons is added to {@code arrays} (bound to the compiled code as one value per neuron).
     */
    private static JavaSource source(ModelDefinition def, Parameters p, int n, List<double[]> arrays,
                                     SplittableRandom random) {
        Map<String, Double> scalars = new LinkedHashMap<>();
        Map<String, Integer> perNeuron = new LinkedHashMap<>();
        Map<String, double[]> all = constants(def, p, n, random);
        def.constants.forEach((name, d) -> {
            double[] values = all.get(name);
            if (allEqual(values)) {
                scalars.put(name, values[0]);
            } else {
                perNeuron.put(name, arrays.size());
                arrays.add(values);
            }
        });
        Set<String> variables = new HashSet<>(def.states);
        variables.addAll(def.constants.keySet());
        variables.addAll(def.subexpressionDimensions.keySet());
        return new JavaSource(def.states, scalars, perNeuron, variables);
    }

    /** Each derivative as a linear form in its own state variable, or null when one is not linear. */
    private static List<Linear.Form> linearForms(ModelDefinition def, List<Expr> derivatives, Map<String, Expr> subs) {
        List<Linear.Form> linear = new ArrayList<>();
        for (int k = 0; k < derivatives.size() && linear != null; k++) {
            String x = def.states.get(k);
            Linear.Form f = Linear.of(Linear.inlineMentioning(derivatives.get(k), x, subs), x);
            if (f == null) linear = null;
            else linear.add(f);
        }
        return linear;
    }

    /** The threshold, reset and refractoriness of the definition as a spike rule (NONE without a threshold). */
    private static SpikeRule spikeRule(ModelDefinition def, JavaSource src, Generated code) {
        SpikeRule rule = SpikeRule.NONE;
        if (def.membrane >= 0) {
            Double theta = src.constant(def.thresholdValue);
            if (theta == null) {
                throw new InvalidInputException(def.key + ".threshold: the threshold must be one value for the "
                        + "population; a constant it names is given per neuron");
            }
            int m = def.membrane;
            double th = theta;
            SpikeRule.Condition condition = def.thresholdStrict ? (s, i) -> s[m][i] > th : (s, i) -> s[m][i] >= th;
            // no reset statements: nothing to apply (so a spike inside a step is not integrated again from it)
            SpikeRule.Reset apply = def.reset.isEmpty() ? SpikeRule.Reset.NOTHING : code::reset;
            rule = new SpikeRule(m, th, def.refractory, def.clamp, apply, condition,
                    refractoryCondition(def, src));
        }
        return rule;
    }

    /** Brian2's {@code refractory: v > -40*mV} as a test of neuron i's state, or null for a refractory time. */
    private static SpikeRule.Condition refractoryCondition(ModelDefinition def, JavaSource src) {
        ModelDefinition.Bound b = def.refractoryCondition;
        if (b == null) return null;
        Double value = src.constant(b.value());
        if (value == null) {
            throw new InvalidInputException(def.key + ".refractory: the condition's value must be one value for the "
                    + "population; a constant it names is given per neuron");
        }
        int k = b.variable();
        double x = value;
        return switch (b.op()) {
            case ">" -> (s, i) -> s[k][i] > x;
            case ">=" -> (s, i) -> s[k][i] >= x;
            case "<" -> (s, i) -> s[k][i] < x;
            default -> (s, i) -> s[k][i] <= x;
        };
    }

    /**
     * Each constant's value per neuron: a constant or a list, then the expressions ({@code "e_l + i*0.1*mV"}), in
     * the order of the constants, which read i, N, rand(), randn() and the constants that are not expressions.
     */
    private static Map<String, double[]> constants(ModelDefinition def, Parameters p, int n, SplittableRandom random) {
        Map<String, double[]> out = new LinkedHashMap<>();
        Map<String, Dimension> plain = new LinkedHashMap<>();
        def.constants.forEach((name, d) -> {
            DataValue v = p.data(name);
            if (!v.isList() && v.present() && PerNeuronExpression.isExpression(v.text())) return;
            out.put(name, values(v, d, n));
            plain.put(name, d);
        });
        List<String> names = new ArrayList<>(plain.keySet());
        def.constants.forEach((name, d) -> {
            if (out.containsKey(name)) return;
            DataValue v = p.data(name);
            PerNeuronExpression x = PerNeuronExpression.parse(v.text(), v.path(), plain).expect(d);
            double[][] named = new double[names.size()][];
            for (int k = 0; k < named.length; k++) named[k] = x.reads(k) ? out.get(names.get(k)) : null;
            out.put(name, x.evaluate(n, random, named));
        });
        return out;
    }

    private static double[] values(DataValue v, Dimension d, int n) {
        double[] out = new double[n];
        if (v.isList()) {
            List<DataValue> items = v.list();
            if (items.size() != n) throw v.error("expected one value or " + n + " (one per neuron), got " + items.size());
            for (int i = 0; i < n; i++) out[i] = Units.parse(items.get(i).text(), d, items.get(i).path());
        } else {
            java.util.Arrays.fill(out, Units.parse(v.text(), d, v.path()));
        }
        for (double x : out) {
            if (!Double.isFinite(x)) throw v.error("expected finite values");
        }
        return out;
    }

    private static boolean allEqual(double[] x) {
        for (double e : x) if (Double.doubleToLongBits(e) != Double.doubleToLongBits(x[0])) return false;
        return true;
    }
}
