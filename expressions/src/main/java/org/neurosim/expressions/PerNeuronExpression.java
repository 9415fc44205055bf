package org.neurosim.expressions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.Suggestions;
import org.neurosim.core.param.Distribution;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Quantity;
import org.neurosim.core.units.Units;

/**
 * A value per neuron written as an expression with units: {@code "rand()*10*mV"}, {@code "-70*mV + 5*mV*randn()"},
 * {@code "v_rest + i*0.1*mV"}. Arithmetic ({@code + - * / **}, unary minus, parentheses), numbers with units
 * ({@code 10*mV}, {@code 5 ms}), the functions of the equation language ({@code exp}, {@code log}, {@code sqrt},
 * {@code sin}, {@code cos}, {@code abs}, {@code clip(x, lo, hi)}, ...), {@code rand()} (uniform in [0, 1)) and
 * {@code randn()} (standard normal), the neuron index {@code i}, the population size {@code N}, and other values
 * per neuron by name (the population's parameters). Dimensions are checked when the expression is made; random
 * numbers are drawn from the stream given to {@link #evaluate}, neuron after neuron, so that a seed gives the same
 * values at any thread count.
 */
public final class PerNeuronExpression {
    /** The functions taking dimensionless arguments and giving a dimensionless value. */
    private static final List<String> PLAIN = List.of("exp", "log", "log10", "log1p", "expm1", "sin", "cos", "tan",
            "tanh", "sinh", "cosh", "exprel");
    /** The functions whose arguments share one dimension, which is the value's. */
    private static final List<String> SAME = List.of("abs", "min", "max", "clip");

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");
    private static final Pattern DISTRIBUTION = Pattern.compile("(uniform|normal|lognormal)\\s*\\(");

    private final String text;
    private final String key;
    private final Node root;
    private final Dimension dimension;
    private final boolean[] reads;

    /** One node of the checked tree, evaluated for neuron {@code i}. */
    private interface Node {
        double at(Env env);
    }

    /** What a node reads: the neuron, the population, the named values and the stream. */
    private static final class Env {
        int i;
        int j;
        int n;
        int nPost;
        SplittableRandom random;
        double[][] named;
    }

    private PerNeuronExpression(String text, String key, Node root, Dimension dimension, boolean[] reads) {
        this.reads = reads;
        this.text = text;
        this.key = key;
        this.root = root;
        this.dimension = dimension;
    }

    /**
     * True when {@code text} is meant as an expression: not a plain quantity written without {@code *}
     * ({@code -70 mV}), not a distribution ({@code uniform(a, b)}), and holding an operator or a parenthesis after
     * its first character, or being a bare name. A mistyped quantity ({@code -70 mv}) is none of these and keeps
     * the quantity's error message.
     */
    public static boolean isExpression(String text) {
        if (text == null) return false;
        String t = text.strip();
        // a distribution, or one written wrongly (uniform(-60 mV)): the distribution's own message says what it takes
        if (t.isEmpty() || DISTRIBUTION.matcher(t).lookingAt()) return false;
        if (t.indexOf('*') < 0) {   // 10*mV reads as a quantity too, but is checked as an expression
            try {
                Units.parse(t);
                return false;
            } catch (InvalidInputException e) {
                // not a quantity
            }
        }
        if (NAME.matcher(t).matches()) return true;
        for (int k = 1; k < t.length(); k++) {
            if ("*/()+-".indexOf(t.charAt(k)) >= 0) return true;
        }
        return false;
    }

    /**
     * Parses and checks an expression.
     *
     * @param key   the config key, which every error names
     * @param names the values per neuron it may read by name (besides {@code i} and {@code N}), with their
     *              dimensions; their order is the order of the arrays given to {@link #evaluate}
     */
    public static PerNeuronExpression parse(String text, String key, Map<String, Dimension> names) {
        Expr e = new ExpressionParser(text.strip(), key, 1, 0).parseAll(false);
        Checker c = new Checker(text.strip(), key, names);
        Checked r = c.check(e);
        return new PerNeuronExpression(text.strip(), key, r.node, r.dimension, c.reads);
    }

    /**
     * Parses and checks an expression over pairs of neurons (a projection's {@code connect.condition} or
     * {@code connect.probability}): it reads {@code i} (the source), {@code j} (the target), {@code N_pre},
     * {@code N_post} and the given names; a name ending in {@code _post} is read at the target, any other at the
     * source. With {@code condition} the whole text may be one comparison, whose value is 1 (true) or 0 (false).
     */
    public static PerNeuronExpression parsePair(String text, String key, Map<String, Dimension> names,
                                                boolean condition) {
        Expr e = new ExpressionParser(text.strip(), key, 1, 0).parseAll(condition);
        Checker c = new Checker(text.strip(), key, names);
        c.pair = true;
        Checked r;
        if (e instanceof Expr.Compare cmp) {
            Checked l = c.check(cmp.left());
            Checked rt = c.check(cmp.right());
            if (!l.dimension.equals(rt.dimension)) {
                throw c.error(cmp, "'" + cmp.op() + "' of " + describe(l.dimension) + " and "
                        + describe(rt.dimension));
            }
            Node x = l.node;
            Node y = rt.node;
            Node n = switch (cmp.op()) {
                case "<" -> env -> x.at(env) < y.at(env) ? 1 : 0;
                case "<=" -> env -> x.at(env) <= y.at(env) ? 1 : 0;
                case ">" -> env -> x.at(env) > y.at(env) ? 1 : 0;
                case ">=" -> env -> x.at(env) >= y.at(env) ? 1 : 0;
                case "==" -> env -> x.at(env) == y.at(env) ? 1 : 0;
                default -> env -> x.at(env) != y.at(env) ? 1 : 0;
            };
            r = Checked.of(n, Dimension.DIMENSIONLESS);
        } else {
            r = c.check(e);
            if (condition) {
                throw new InvalidInputException(key + ": expected a condition such as 'i != j', got '"
                        + text.strip() + "'");
            }
        }
        return new PerNeuronExpression(text.strip(), key, r.node, r.dimension, c.reads);
    }

    /**
     * An evaluator of a pair expression over {@code nPre} sources and {@code nPost} targets: one object for all the
     * pairs, an interpreter over the checked tree (no object per pair).
     */
    public Pairs pairs(int nPre, int nPost, SplittableRandom random, double[][] named) {
        Env env = new Env();
        env.n = nPre;
        env.nPost = nPost;
        env.random = random;
        env.named = named;
        return new Pairs(env);
    }

    /** See {@link #pairs}. */
    public final class Pairs {
        private final Env env;

        private Pairs(Env env) {
            this.env = env;
        }

        /** The value for source {@code i} and target {@code j}, in SI; refuses a value that is not finite. */
        public double at(int i, int j) {
            env.i = i;
            env.j = j;
            double v = root.at(env);
            if (!Double.isFinite(v)) {
                throw new InvalidInputException(key + ": '" + text + "' is " + v + " for the pair i = " + i
                        + ", j = " + j + "; expected a finite value for every pair");
            }
            return v;
        }
    }

    /** The dimension of the value. */
    public Dimension dimension() {
        return dimension;
    }

    /** Refuses the expression unless its value has dimension {@code expected}: one line naming the key. */
    public PerNeuronExpression expect(Dimension expected) {
        if (!dimension.equals(expected)) {
            throw new InvalidInputException(key + ": expected " + describe(expected) + ", got " + describe(dimension)
                    + " ('" + text + "')");
        }
        return this;
    }

    /** "a voltage", "a bare number", "a quantity in V/s". */
    public static String describe(Dimension d) {
        if (d.isDimensionless()) return "a bare number";
        String s = d.shortName();
        if (s.startsWith("[")) return "a quantity in " + UnitNames.format(d);
        return "a " + s;
    }

    public String text() {
        return text;
    }

    /** True when the expression reads the {@code k}-th name given to {@link #parse}. */
    public boolean reads(int k) {
        return reads[k];
    }

    /**
     * The value of each of {@code n} neurons in SI units, computed in neuron order.
     *
     * @param named the values of the names, in the order of the map given to {@link #parse}, each of length n
     */
    public double[] evaluate(int n, SplittableRandom random, double[][] named) {
        Env env = new Env();
        env.n = n;
        env.random = random;
        env.named = named;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            env.i = i;
            double v = root.at(env);
            if (!Double.isFinite(v)) {
                throw new InvalidInputException(key + ": '" + text + "' is " + v + " for neuron " + i
                        + "; expected a finite value for every neuron");
            }
            out[i] = v;
        }
        return out;
    }

    private record Checked(Node node, Dimension dimension, Double constant) {
        static Checked of(Node node, Dimension dimension) {
            return new Checked(node, dimension, null);
        }
    }

    /** Computes each node's dimension and builds its evaluator. */
    private static final class Checker {
        private final String text;
        private final String key;
        private final List<String> names;
        private final List<Dimension> dims;
        final boolean[] reads;
        boolean pair;

        Checker(String text, String key, Map<String, Dimension> given) {
            this.text = text;
            this.key = key;
            this.names = new ArrayList<>(given.keySet());
            this.dims = new ArrayList<>(given.values());
            this.reads = new boolean[names.size()];
        }

        private InvalidInputException error(Expr at, String what) {
            return new InvalidInputException(key + ": " + what + " (column " + at.column() + " of '" + text + "')");
        }

        Checked check(Expr e) {
            if (e instanceof Expr.Num n) {
                double v = n.value();
                return new Checked(env -> v, Dimension.DIMENSIONLESS, v);
            }
            if (e instanceof Expr.Name n) return name(n);
            if (e instanceof Expr.Negate n) {
                Checked a = check(n.operand());
                Node x = a.node;
                return new Checked(env -> -x.at(env), a.dimension, a.constant == null ? null : -a.constant);
            }
            if (e instanceof Expr.Binary b) return binary(b);
            if (e instanceof Expr.Call c) return call(c);
            throw error(e, "a comparison is not a value");
        }

        private Checked name(Expr.Name n) {
            String s = n.name();
            if (s.equals("i")) return Checked.of(env -> env.i, Dimension.DIMENSIONLESS);
            if (pair) {
                if (s.equals("j")) return Checked.of(env -> env.j, Dimension.DIMENSIONLESS);
                if (s.equals("N_pre")) return Checked.of(env -> env.n, Dimension.DIMENSIONLESS);
                if (s.equals("N_post")) return Checked.of(env -> env.nPost, Dimension.DIMENSIONLESS);
            } else if (s.equals("N")) {
                return Checked.of(env -> env.n, Dimension.DIMENSIONLESS);
            }
            int k = names.indexOf(s);
            if (k >= 0) {
                reads[k] = true;
                if (pair && s.endsWith("_post")) return Checked.of(env -> env.named[k][env.j], dims.get(k));
                return Checked.of(env -> env.named[k][env.i], dims.get(k));
            }
            Quantity unit = UnitNames.resolve(s);
            if (unit != null) {
                double v = unit.si();
                return new Checked(env -> v, unit.dimension(), v);
            }
            Collection<String> known = new TreeSet<>(names);
            List<String> all = new ArrayList<>(pair ? List.of("i", "j", "N_pre", "N_post") : List.of("i", "N"));
            all.addAll(known);
            throw new InvalidInputException(key + ": unknown name '" + s + "'" + Suggestions.didYouMean(s, all)
                    + "; known: " + String.join(", ", all) + ", units (mV, ms, nS, ...), rand(), randn() ('" + text
                    + "')");
        }

        private Checked binary(Expr.Binary b) {
            Checked l = check(b.left());
            Checked r = check(b.right());
            Node x = l.node;
            Node y = r.node;
            switch (b.op()) {
                case "+", "-" -> {
                    if (!l.dimension.equals(r.dimension)) {
                        throw error(b, "'" + b.op() + "' of " + describe(l.dimension) + " and "
                                + describe(r.dimension));
                    }
                    Node n = b.op().equals("+") ? env -> x.at(env) + y.at(env) : env -> x.at(env) - y.at(env);
                    Double c = l.constant != null && r.constant != null
                            ? (b.op().equals("+") ? l.constant + r.constant : l.constant - r.constant) : null;
                    return new Checked(n, l.dimension, c);
                }
                case "*" -> {
                    Double c = l.constant != null && r.constant != null ? l.constant * r.constant : null;
                    return new Checked(env -> x.at(env) * y.at(env), l.dimension.times(r.dimension), c);
                }
                case "/" -> {
                    Double c = l.constant != null && r.constant != null ? l.constant / r.constant : null;
                    return new Checked(env -> x.at(env) / y.at(env), l.dimension.divide(r.dimension), c);
                }
                default -> {   // **
                    if (!r.dimension.isDimensionless()) throw error(b, "an exponent must be a bare number");
                    if (l.dimension.isDimensionless()) {
                        Double c = l.constant != null && r.constant != null ? Functions.pow(l.constant, r.constant)
                                : null;
                        return new Checked(env -> Functions.pow(x.at(env), y.at(env)), Dimension.DIMENSIONLESS, c);
                    }
                    if (r.constant == null || r.constant != Math.rint(r.constant) || Math.abs(r.constant) > 12) {
                        throw error(b, "a quantity with a unit (" + describe(l.dimension)
                                + ") may be raised to a whole constant power only");
                    }
                    double p = r.constant;
                    Double c = l.constant != null ? Functions.pow(l.constant, p) : null;
                    return new Checked(env -> Functions.pow(x.at(env), p), l.dimension.pow((int) p), c);
                }
            }
        }

        private Checked call(Expr.Call c) {
            String f = c.function();
            int arity = c.args().size();
            if (f.equals("rand") || f.equals("randn")) {
                if (arity != 0) throw error(c, f + "() takes no arguments");
                if (f.equals("rand")) return Checked.of(env -> env.random.nextDouble(), Dimension.DIMENSIONLESS);
                Distribution normal = new Distribution.Normal(0, 1);
                return Checked.of(env -> normal.sample(env.random), Dimension.DIMENSIONLESS);
            }
            int expected = f.equals("clip") ? 3 : f.equals("min") || f.equals("max") ? 2 : 1;
            if (!PLAIN.contains(f) && !SAME.contains(f) && !f.equals("sqrt")) {
                throw error(c, "unknown function '" + f + "'; expected exp, log, log10, sqrt, sin, cos, tan, tanh, "
                        + "abs, min, max, clip, rand, randn (or a constant, uniform(a, b), normal(mean, sd), "
                        + "lognormal(mean, sd))");
            }
            if (arity != expected) {
                throw error(c, f + "(...) takes " + expected + " argument" + (expected == 1 ? "" : "s") + ", got "
                        + arity);
            }
            List<Checked> a = new ArrayList<>();
            for (Expr arg : c.args()) a.add(check(arg));
            Node[] nodes = a.stream().map(Checked::node).toArray(Node[]::new);
            Dimension d;
            if (PLAIN.contains(f)) {
                for (Checked x : a) {
                    if (!x.dimension.isDimensionless()) {
                        throw error(c, f + "(...) takes a bare number, got " + describe(x.dimension));
                    }
                }
                d = Dimension.DIMENSIONLESS;
            } else if (f.equals("sqrt")) {
                Dimension x = a.get(0).dimension;
                if (x.metre() % 2 != 0 || x.kilogram() % 2 != 0 || x.second() % 2 != 0 || x.ampere() % 2 != 0) {
                    throw error(c, "sqrt(...) of " + describe(x) + " has no unit");
                }
                d = new Dimension(x.metre() / 2, x.kilogram() / 2, x.second() / 2, x.ampere() / 2);
            } else {
                d = a.get(0).dimension;
                for (Checked x : a) {
                    if (!x.dimension.equals(d)) {
                        throw error(c, "the arguments of " + f + "(...) must have one unit; got " + describe(d)
                                + " and " + describe(x.dimension));
                    }
                }
            }
            return Checked.of(env -> {
                double[] v = new double[nodes.length];
                for (int k = 0; k < nodes.length; k++) v[k] = nodes[k].at(env);
                return f.equals("sqrt") ? Math.sqrt(v[0]) : Functions.apply(f, v);
            }, d);
        }
    }
}
