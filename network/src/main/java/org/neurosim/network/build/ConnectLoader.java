package org.neurosim.network.build;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.connect.ConnectionContext;
import org.neurosim.core.connect.ConnectionRule;
import org.neurosim.core.connect.Connections;
import org.neurosim.core.connect.SynapseList;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Quantity;
import org.neurosim.expressions.PerNeuronExpression;
import org.neurosim.network.config.Cfg;
import org.neurosim.network.engine.Population;

/**
 * A projection's {@code connect} block: a rule's short form {@code {NAME: value}} (the rule's main parameter
 * carries its name: {@code {probability: 0.02}}, {@code {total: 1000}}), or {@code {rule: NAME, its
 * parameters}}; with the flags {@code autapses} (default false within one population) and {@code multapses}
 * (default false). An inline matrix in {@code weight: [[...]]} is the {@code weights} rule. Synapses given one by one
 * are {@code {list: FILE.csv}} ({@link SynapseFile}) or {@code {arrays: KEY}}, a {@link SynapseList} registered with
 * the loader beside the config: with their own weights and delays when they give them.
 */
final class ConnectLoader {
    static final Set<String> FLAGS = Set.of("autapses", "multapses");

    private ConnectLoader() { }

    static Connections connect(Cfg projection, Cfg weightCfg, Dimension weightDim, Population source,
                               Population target, SplittableRandom random, LoadContext ctx) {
        Cfg connect = projection.get("connect");
        if (explicit(connect)) return explicit(projection, connect, weightCfg, weightDim, source, target, ctx);
        if (weightCfg.isList() && connect.has("weights")) {
            throw weightCfg.error("give the matrix either as connect.weights or as weight, not both");
        }
        if (pairwise(connect)) return pairwise(projection, connect, source, target, random, ctx);
        Chosen chosen = choose(projection, connect, weightCfg, ctx);
        String name = chosen.name();
        Cfg block = chosen.block();
        Map<String, Object> given = chosen.given();
        if (weightCfg.isList() || name.equals("weights")) matrixUnit(connect, weightCfg, weightDim);
        ConnectionRule rule = ctx.registry.get(PluginKind.CONNECTION_RULE, name,
                connect.has("rule") ? connect.get("rule").path : connect.path);
        boolean same = source == target;
        boolean autapses = flag(connect, "autapses", projection.has("autapses")
                ? projection.get("autapses").bool() : false);
        boolean multapses = flag(connect, "multapses", false);
        ConnectionContext context = new ConnectionContext(block.path, source.size, target.size, same, autapses,
                multapses, random);
        Parameters p;
        try {
            p = Parameters.resolve(rule.parameters(), given, block.path);
        } catch (InvalidInputException e) {
            throw e.getMessage().startsWith(block.path) ? e : e.under(block.path);
        }
        return rule.create(context, p);
    }

    /**
     * True for Brian2's connect with expressions: a {@code condition}, or a {@code probability} that is an expression
     * rather than a plain number (which keeps the {@code probability} rule), or a probability with {@code n}.
     */
    static boolean pairwise(Cfg connect) {
        if (!connect.isMap() || connect.has("rule")) return false;
        if (connect.has("condition")) return true;
        if (connect.has("n") && connect.has("probability")) return true;
        Cfg p = connect.get("probability");
        return p.present() && !p.isList() && !p.isMap() && PerNeuronExpression.isExpression(p.text());
    }

    /**
     * {@code {condition: "i != j", probability: "...", n: K}}: every pair, source by source and targets ascending,
     * for which the condition holds is accepted with the probability (one uniform draw from the projection's stream
     * when it is below 1), and then makes K synapses. Both expressions read {@code i} (source), {@code j} (target),
     * {@code N_pre}, {@code N_post} and the positions {@code x_pre}... {@code z_post}; they are checked once and evaluated by an interpreter over their tree.
     */
    private static Connections pairwise(Cfg projection, Cfg connect, Population source, Population target,
                                        SplittableRandom random, LoadContext ctx) {
        connect.allowOnly(Set.of("condition", "probability", "n", "autapses", "multapses"));
        Map<String, Dimension> names = new LinkedHashMap<>();
        double[][] pre = ctx.positions.getOrDefault(source.name, new double[3][]);
        double[][] post = ctx.positions.getOrDefault(target.name, new double[3][]);
        double[][] named = new double[6][];
        String[] axes = {"x", "y", "z"};
        for (int a = 0; a < 3; a++) {
            names.put(axes[a] + "_pre", Dimension.LENGTH);
            named[a] = pre[a] != null ? pre[a] : new double[source.size];
        }
        for (int a = 0; a < 3; a++) {
            names.put(axes[a] + "_post", Dimension.LENGTH);
            named[3 + a] = post[a] != null ? post[a] : new double[target.size];
        }
        PerNeuronExpression condition = null;
        PerNeuronExpression probability = null;
        double constant = 1;
        if (connect.has("condition")) {
            Cfg c = connect.get("condition");
            condition = PerNeuronExpression.parsePair(c.text(), c.path, names, true);
        }
        if (connect.has("probability")) {
            Cfg c = connect.get("probability");
            if (PerNeuronExpression.isExpression(c.text())) {
                probability = PerNeuronExpression.parsePair(c.text(), c.path, names, false)
                        .expect(Dimension.DIMENSIONLESS);
            } else {
                constant = c.quantity(Dimension.DIMENSIONLESS);
                if (!(constant >= 0 && constant <= 1)) {
                    throw c.error("expected a probability from 0 to 1, got " + c.text());
                }
            }
        }
        int k = connect.has("n") ? (int) connect.get("n").integer(1, 1_000_000) : 1;
        boolean same = source == target;
        boolean autapses = flag(connect, "autapses", projection.has("autapses")
                ? projection.get("autapses").bool() : false);
        ConnectionContext context = new ConnectionContext(connect.path, source.size, target.size, same, autapses,
                k > 1 || flag(connect, "multapses", false), random);
        int sources = source.size, targets = target.size;
        PerNeuronExpression.Pairs cond = condition == null ? null : condition.pairs(sources, targets, random, named);
        PerNeuronExpression.Pairs prob = probability == null ? null : probability.pairs(sources, targets, random, named);
        String probKey = connect.get("probability").path;
        int[] t = new int[1024];
        int size = 0;
        int[] rowStart = new int[sources + 1];
        for (int i = 0; i < sources; i++) {
            for (int j = 0; j < targets; j++) {
                if (!context.allowed(i, j)) continue;
                if (cond != null && cond.at(i, j) == 0) continue;
                double p = prob == null ? constant : prob.at(i, j);
                if (prob != null && !(p >= 0 && p <= 1)) {
                    throw new InvalidInputException(probKey + ": '" + probability.text() + "' is " + p
                            + " for the pair i = " + i + ", j = " + j + "; expected a probability from 0 to 1");
                }
                if (p < 1 && !(random.nextDouble() < p)) continue;
                if (size + k > t.length) {
                    if ((long) size + k > Integer.MAX_VALUE - 16) {
                        throw connect.error("more than " + (Integer.MAX_VALUE - 16) + " synapses");
                    }
                    t = java.util.Arrays.copyOf(t, (int) Math.min(Integer.MAX_VALUE - 16,
                            Math.max((long) size + k, 2L * t.length)));
                }
                for (int m = 0; m < k; m++) t[size++] = j;
            }
            rowStart[i + 1] = size;
        }
        return new Connections(rowStart, java.util.Arrays.copyOf(t, size), null);
    }

    /** True for synapses given one by one ({@code list} or {@code arrays}): their weights and delays come in SI. */
    static boolean explicit(Cfg connect) {
        return connect.isMap() && (connect.has("list") || connect.has("arrays"));
    }

    /**
     * {@code {list: FILE.csv}} or {@code {arrays: KEY}}: the synapses as given, each weight (delay) times its unit: the
     * file header's, else the projection's {@code weight} ({@code delay}), which is then that unit and not a weight
     * (delay) of its own. The bounds ({@code weight_min}...) apply only to drawn values.
     */
    private static Connections explicit(Cfg projection, Cfg connect, Cfg weightCfg, Dimension weightDim,
                                        Population source, Population target, LoadContext ctx) {
        connect.allowOnly(java.util.Set.of("list", "arrays"));
        if (connect.has("list") && connect.has("arrays")) throw connect.error("expected either list or arrays, not both");
        Cfg delayCfg = projection.get("delay");
        SynapseList list;
        Quantity wHeader = null, dHeader = null;
        String key;
        if (connect.has("list")) {
            Cfg file = connect.get("list");
            key = file.path;
            double delayKeyUnit = Double.NaN;
            if (delayCfg.present() && !delayCfg.text().contains("(")) delayKeyUnit = delayCfg.quantity(Dimension.TIME);
            SynapseFile.Read read = SynapseFile.read(ctx.data(file).file(), key, source.size, target.size, weightDim,
                    delayKeyUnit, ctx.dt);
            list = read.synapses();
            wHeader = read.weightUnit();
            dHeader = read.delayUnit();
        } else {
            Cfg name = connect.get("arrays");
            key = name.path;
            list = ctx.arrays.get(name.text());
            if (list == null) {
                throw name.error("no synapse arrays are registered as '" + name.text() + "'"
                        + (ctx.arrays.isEmpty() ? " (none are: they are handed to NetworkLoader.build beside the config)"
                        : "; registered: " + String.join(", ", new java.util.TreeSet<>(ctx.arrays.keySet()))));
            }
        }
        double wUnit = list.weights() == null ? 1
                : unit(projection, weightCfg, wHeader, weightDim, "weight", "weights", key);
        double dUnit = list.delays() == null ? 1
                : unit(projection, delayCfg, dHeader, Dimension.TIME, "delay", "delays", key);
        String where = key;
        return list.toConnections(source.size, target.size, wUnit, dUnit, k -> where + ": synapse " + k);
    }

    /** The unit a list's weights (delays) multiply: the header's, or the projection's {@code weight} ({@code delay}). */
    private static double unit(Cfg projection, Cfg keyCfg, Quantity header, Dimension d, String name, String plural,
                               String key) {
        for (String bound : new String[] {name + "_min", name + "_max"}) {
            if (projection.has(bound)) {
                throw projection.get(bound).error("the " + plural + " come from " + key + ", one per synapse; " + bound
                        + " bounds drawn " + plural + " only");
            }
        }
        if (header != null) {
            if (keyCfg.present()) {
                throw keyCfg.error("the header of " + key + " gives the unit of the " + plural + " already; give it in "
                        + "one place");
            }
            return header.si();
        }
        if (keyCfg.present()) {
            if (keyCfg.isList() || keyCfg.text().contains("(")) {
                throw keyCfg.error("expected " + d.describe() + ": the unit that the " + plural + " of " + key
                        + " multiply, got '" + (keyCfg.isList() ? "a list" : keyCfg.text()) + "'");
            }
            return keyCfg.quantity(d);
        }
        if (d.isDimensionless()) return 1;
        throw keyCfg.error("expected " + d.describe() + ": the unit that the " + plural + " of " + key + " multiply "
                + "(or a unit in the list's header, " + name + " [unit])");
    }

    /** The rule a connect block names, where its parameters sit, and their given values. */
    private record Chosen(String name, Cfg block, Map<String, Object> given) { }

    private static Chosen choose(Cfg projection, Cfg connect, Cfg weightCfg, LoadContext ctx) {
        Map<String, ConnectionRule> rules = ctx.registry.all(PluginKind.CONNECTION_RULE);
        String known = String.join(", ", rules.keySet());
        Map<String, Object> given = new LinkedHashMap<>();
        if (weightCfg.isList()) {
            given.put("weights", ctx.data(weightCfg));
            return new Chosen("weights", projection, given);
        }
        if (!connect.present()) throw connect.error("required: one of " + known + ", or {rule: NAME, ...}");
        if (!connect.isMap()) throw connect.error("expected a mapping such as {probability: 0.02}");
        if (connect.has("rule")) {
            given = ctx.given(connect);
            given.remove("rule");
            FLAGS.forEach(given::remove);
            return new Chosen(connect.get("rule").text(), connect, given);
        }
        var names = new java.util.ArrayList<>(connect.entries().keySet());
        names.removeAll(FLAGS);
        for (String k : names) {
            if (!rules.containsKey(k)) {
                java.util.List<String> all = new java.util.ArrayList<>(rules.keySet());
                all.addAll(java.util.List.of("rule", "autapses", "multapses", "list", "arrays"));
                throw connect.get(k).error("unknown key" + org.neurosim.core.Suggestions.didYouMean(k, all)
                        + "; expected one of " + known + ", rule, autapses, multapses, list, arrays");
            }
        }
        if (names.size() != 1) throw connect.error("expected exactly one rule: " + known);
        given.put(names.get(0), ctx.data(connect.get(names.get(0))));
        return new Chosen(names.get(0), connect, given);
    }

    private static boolean flag(Cfg connect, String key, boolean fallback) {
        return connect.isMap() && connect.has(key) ? connect.get(key).bool() : fallback;
    }

    /** The unit an explicit matrix's bare numbers multiply: the projection's {@code weight}, or 1. */
    static double matrixUnit(Cfg connect, Cfg weightCfg, Dimension weightDim) {
        if (weightCfg.isList()) {
            if (!weightDim.isDimensionless()) {
                throw weightCfg.error("matrix entries are bare numbers; for " + weightDim.describe()
                        + " give the matrix as connect.weights and the unit as weight");
            }
            return 1;
        }
        if (weightCfg.present()) return weightCfg.quantity(weightDim);
        if (!weightDim.isDimensionless()) {
            throw weightCfg.error("expected " + weightDim.describe() + ": the unit that the matrix entries multiply");
        }
        return 1;
    }
}
