package org.neurosim.network.build;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.model.StateVariable;
import org.neurosim.core.param.Distribution;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginFactory;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.core.source.SpikeSourceModel;
import org.neurosim.core.stimulus.Signal;
import org.neurosim.core.units.Dimension;
import org.neurosim.expressions.PerNeuronExpression;
import org.neurosim.integrators.PopulationSolver;
import org.neurosim.network.config.Cfg;
import org.neurosim.network.engine.NeuronPopulation;
import org.neurosim.network.engine.Population;
import org.neurosim.network.engine.SourcePopulation;

/**
 * A {@code populations.NAME} block: the model (a neuron model or a spike source), its parameters, the integrator,
 * initial state, input and bias.
 */
final class PopulationLoader {
    static final Set<String> KEYS = Set.of("model", "size", "params", "init", "input", "bias", "integrator", "times",
            "poisson_input", "stepping", "positions");

    /** The longest population name: with weights-<block>-, .png and .partial around it, a file name fits 255 bytes. */
    static final int MAX_NAME = 200;

    private PopulationLoader() { }

    static Population load(String name, Cfg c, int index, String globalIntegrator, LoadContext ctx) {
        checkName(name, c);
        Cfg modelCfg = c.get("model").required();
        String modelName = modelCfg.text();
        int n = (int) c.get("size").required().integer(1, Integer.MAX_VALUE - 8);
        PopulationContext context = new PopulationContext(c.path, name, n, ctx.dt, ctx.seed);
        if (c.has("positions")) ctx.positions.put(name, positions(c.get("positions"), n, context));
        var source = ctx.registry.find(PluginKind.SPIKE_SOURCE, modelName);
        if (source.isPresent()) {
            c.allowOnly(KEYS);
            return sourcePopulation(name, c, index, context, source.get(), ctx);
        }
        if (ctx.registry.find(PluginKind.NEURON_MODEL, modelName).isEmpty()) {
            java.util.Set<String> all = new TreeSet<>(ctx.registry.all(PluginKind.NEURON_MODEL).keySet());
            all.addAll(ctx.registry.all(PluginKind.SPIKE_SOURCE).keySet());
            throw modelCfg.error("unknown neuron model '" + modelName + "'"
                    + org.neurosim.core.Suggestions.didYouMean(modelName, all) + "; known neuron models: "
                    + String.join(", ", new TreeSet<>(ctx.registry.all(PluginKind.NEURON_MODEL).keySet()))
                    + "; spike sources: " + String.join(", ", ctx.registry.all(PluginKind.SPIKE_SOURCE).keySet()));
        }
        NeuronModel model = define(ctx.registry.get(PluginKind.NEURON_MODEL, modelName, modelCfg.path), c);
        if (c.has("times")) throw c.get("times").error("only spike-times populations take 'times'");
        Parameters[] resolved = new Parameters[1];
        NeuronDynamics dynamics = create(model, c, context, null, ctx, resolved);

        String integratorName = c.has("integrator") ? c.get("integrator").text()
                : globalIntegrator != null ? globalIntegrator : dynamics.preferredIntegrator();
        String integratorKey = c.has("integrator") ? c.get("integrator").path : globalIntegrator != null ? "integrator"
                : c.path + ".model";
        Integrator integrator = ctx.registry.get(PluginKind.INTEGRATOR, integratorName, integratorKey);
        PopulationSolver solver;
        try {
            solver = new PopulationSolver(dynamics, integrator, n, ctx.dt);
        } catch (InvalidInputException ex) {
            throw new InvalidInputException(integratorKey + ": " + ex.getMessage() + "; integrators that can: "
                    + String.join(", ", ctx.registry.integratorsFor(dynamics)) + " (population " + name
                    + ", model " + modelName + ")");
        }
        Set<String> parameterNames = new java.util.HashSet<>();
        model.parameters().forEach(s -> parameterNames.add(s.name()));
        initialState(c.get("init"), parameterNames, parameterValues(model.parameters(), resolved[0], n), dynamics,
                solver.state(), n, context.random("init"));
        Dimension inputDim = dynamics.inputDimension();
        Signal input = c.has("input") ? StimulusLoader.load(c.get("input"), inputDim, n, ctx) : null;
        double[] bias = c.has("bias") ? perNeuron(c.get("bias"), inputDim, n) : null;
        NeuronPopulation p = new NeuronPopulation(name, modelName, index, n, dynamics, solver, integratorName, input,
                bias);
        if (c.has("stepping")) p.stepping(stepping(c.get("stepping"), solver));
        return p;
    }

    private static void checkName(String name, Cfg c) {
        if (!name.matches("[A-Za-z0-9_\\-]+")) {
            throw c.error("population names may hold letters, digits, '-' and '_' only");
        }
        if (name.length() > MAX_NAME) {
            throw c.error("expected a population name of at most " + MAX_NAME + " characters (it becomes part of "
                    + "file names such as weights-0-<name>.png, which the file system limits to 255 bytes), got "
                    + name.length());
        }
    }

    /** {@code stepping}: auto, or held. */
    private static String stepping(Cfg stepping, PopulationSolver solver) {
        String st = stepping.text();
        if (!st.equals("auto") && !st.equals("held")) {
            throw stepping.error("expected auto (the integrator decides how synaptic input enters a step) "
                    + "or held (the input held over each step, to compare), got '" + st + "'");
        }
        return st;
    }

    /** Checks the block's keys; a model defined by text in the block (model: equations) is defined from it. */
    private static NeuronModel define(NeuronModel model, Cfg c) {
        Set<String> keys = new java.util.HashSet<>(KEYS);
        keys.addAll(model.definitionKeys());
        c.allowOnly(keys);
        if (model.definitionKeys().isEmpty()) return model;
        Map<String, String> definition = new java.util.LinkedHashMap<>();
        for (String k : model.definitionKeys()) if (c.has(k)) definition.put(k, c.get(k).text());
        return model.define(definition, c.path);
    }

    private static SourcePopulation sourcePopulation(String name, Cfg c, int index, PopulationContext context,
                                                     SpikeSourceModel model, LoadContext ctx) {
        for (String k : List.of("init", "input", "bias", "integrator")) {
            if (c.has(k)) throw c.get(k).error("a " + model.name() + " source population has no " + k);
        }
        boolean takesTimes = model.parameters().stream().anyMatch(s -> s.name().equals("times"));
        if (c.has("times") && !takesTimes) throw c.get("times").error("only spike-times populations take 'times'");
        if (takesTimes && !c.has("times") && !c.get("params").has("times")) {
            throw c.get("times").error("a " + model.name() + " population needs 'times': a list per neuron or a CSV file");
        }
        return new SourcePopulation(name, model.name(), index, context.size(),
                create(model, c, context, c.has("times") ? c.get("times") : null, ctx, new Parameters[1]));
    }

    /**
     * The plugin of a population with its {@code params} resolved; a stimulus form given to a SIGNAL parameter
     * becomes its signal, and {@code extra} (the population key {@code times}) is passed as that parameter. An
     * expression ({@code "rand()*10*mV"}) is given as a value computed per neuron. The resolved parameters are left
     * in {@code resolved[0]}.
     */
    private static <T> T create(PluginFactory<PopulationContext, T> model, Cfg c, PopulationContext context,
                                Cfg extra, LoadContext ctx, Parameters[] resolved) {
        Cfg params = c.get("params");
        Map<String, Object> given = ctx.given(params);
        Cfg init = c.get("init");
        if (init.isMap()) {   // a per-neuron constant may be set by init too (config.md), as Brian2 sets any variable
            Map<String, Object> initial = ctx.given(init);
            for (ParameterSpec s : model.parameters()) {
                if (!init.has(s.name())) continue;
                if (params.has(s.name())) {
                    throw init.get(s.name()).error("is given in params too; give it once");
                }
                given.put(s.name(), initial.get(s.name()));
            }
        }
        for (ParameterSpec s : model.parameters()) {
            Cfg v = params.get(s.name());
            if (s.kind() == ParameterSpec.Kind.SIGNAL && (v.isMap() || v.isList())) {
                given.put(s.name(), StimulusLoader.load(v, s.dimensions().get(0), context.size(), ctx));
            }
        }
        if (extra != null) given.put(extra.path.substring(extra.path.lastIndexOf('.') + 1), ctx.data(extra));
        PerNeuronValues.expressions(model.parameters(), given, params, init);
        try {
            resolved[0] = Parameters.resolve(model.parameters(), given, params.path, null,
                    new Parameters.PerNeuron(context.size(), context.random("params")));
            return model.create(context, resolved[0]);
        } catch (InvalidInputException ex) {
            throw ex.getMessage().startsWith(c.path) ? ex : ex.under(params.path);
        }
    }

    /**
     * {@code positions: {x: ..., y: ..., z: ...}}: each coordinate a length per neuron (a constant, a list, a
     * distribution or an expression over i and N), drawn in the order x, y, z and neuron by neuron from the
     * population's stream for positions; a missing coordinate is 0.
     */
    static double[][] positions(Cfg c, int n, PopulationContext context) {
        if (!c.isMap()) throw c.error("expected a mapping such as {x: \"i*10*um\", y: \"rand()*100*um\"}");
        c.allowOnly(Set.of("x", "y", "z"));
        java.util.SplittableRandom random = context.random("positions");
        double[][] out = new double[3][];
        String[] axes = {"x", "y", "z"};
        for (int a = 0; a < 3; a++) {
            Cfg v = c.get(axes[a]);
            if (!v.present()) {
                out[a] = new double[n];
            } else if (v.isList()) {
                out[a] = perNeuron(v, Dimension.LENGTH, n);
            } else if (PerNeuronExpression.isExpression(v.text())) {
                out[a] = PerNeuronExpression.parse(v.text(), v.path, Map.of()).expect(Dimension.LENGTH)
                        .evaluate(n, random, new double[0][]);
            } else {
                org.neurosim.core.param.Distribution d = org.neurosim.core.param.Distribution.parse(v.text(),
                        Dimension.LENGTH, v.path);
                out[a] = new double[n];
                for (int i = 0; i < n; i++) out[a][i] = d.sample(random);
            }
        }
        return out;
    }

    /** A constant or a list of one value per neuron. */
    static double[] perNeuron(Cfg c, Dimension d, int n) {
        double[] out = new double[n];
        if (c.isList()) {
            List<Cfg> items = c.list();
            if (items.size() != n) {
                throw c.error("expected " + n + " values (one per neuron), got " + items.size());
            }
            for (int i = 0; i < n; i++) out[i] = items.get(i).quantity(d);
        } else {
            java.util.Arrays.fill(out, c.quantity(d));
        }
        return out;
    }

    /** Each numeric parameter's values per neuron, by name, for the expressions of init to read. */
    private static Map<String, PerNeuronValues.Named> parameterValues(List<ParameterSpec> specs, Parameters p, int n) {
        Map<String, PerNeuronValues.Named> out = new java.util.LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            if (s.kind() == ParameterSpec.Kind.DATA) {   // an equations model's constants: quantities or lists
                PerNeuronValues.Named v = PerNeuronValues.ofData(p.data(s.name()), n);
                if (v != null) out.put(s.name(), v);
                continue;
            }
            if (s.kind() != ParameterSpec.Kind.QUANTITY && s.kind() != ParameterSpec.Kind.INTEGER) continue;
            Dimension d;
            try {
                d = p.dimensionOf(s.name());
            } catch (RuntimeException absent) {
                continue;   // no number (a model may leave a parameter unset)
            }
            out.put(s.name(), new PerNeuronValues.Named(d, () -> p.values(s.name(), n)));
        }
        return out;
    }

    /**
     * The initial values {@code init} gives state variables (those naming a parameter were taken as params): a
     * constant, a list, a distribution or an expression, which may read the parameters by name.
     */
    private static void initialState(Cfg init, Set<String> parameterNames,
                                     Map<String, PerNeuronValues.Named> parameters, NeuronDynamics d,
                                     double[][] state, int n, SplittableRandom random) {
        if (!init.present()) return;
        List<StateVariable> vars = d.stateVariables();
        for (Map.Entry<String, Cfg> e : init.entries().entrySet()) {
            if (parameterNames.contains(e.getKey())) continue;
            int k = -1;
            for (int v = 0; v < vars.size(); v++) if (vars.get(v).name().equals(e.getKey())) k = v;
            if (k < 0) {
                throw e.getValue().error("unknown state variable; the model has "
                        + String.join(", ", vars.stream().map(StateVariable::name).toList()));
            }
            Dimension dim = vars.get(k).dimension();
            Cfg v = e.getValue();
            if (v.isList()) {
                double[] values = perNeuron(v, dim, n);
                System.arraycopy(values, 0, state[k], 0, n);
            } else if (!v.isMap() && PerNeuronValues.isExpression(v.text())) {
                double[] values = PerNeuronValues.evaluate(v.text(), v.path, dim, parameters, n, random);
                System.arraycopy(values, 0, state[k], 0, n);
            } else {
                Distribution dist = Distribution.parse(v.text(), dim, v.path);
                for (int i = 0; i < n; i++) state[k][i] = dist.sample(random);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(state[k][i])) throw v.error("expected finite initial values");
            }
        }
    }
}
