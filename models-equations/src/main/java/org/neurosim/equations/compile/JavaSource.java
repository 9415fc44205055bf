package org.neurosim.equations.compile;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurosim.equations.check.ConstantValue;
import org.neurosim.expressions.Functions;
import org.neurosim.equations.check.Linear;
import org.neurosim.expressions.Expr;

/**
 * Writes the Java source of a {@link Generated} class for one model with its constants' values: one loop per
 * method over the neurons from..to, state variables read once into locals, every part of an expression that
 * depends on no neuron (units, constants given as one value, dt-free numbers) folded into a literal at load time,
 * constants given per neuron read from arrays, small whole powers written as products. No boxing, no calls
 * besides Math's.
 */
public final class JavaSource {
    // Over 300 lines: one code generator; its methods share the loop body being written (the field body).
    /** The names of the drive's arrays as they appear in the expressions after {@link #synapticInput}. */
    public static final String SYN_CURRENT = "__is", SYN_REVERSAL = "__ge", SYN_CONDUCTANCE = "__g";

    private final List<String> states;
    private final Map<String, Double> scalars;     // constants with one value
    private final Map<String, Integer> perNeuron;  // constants with a value per neuron: index into bind's arrays
    private final Set<String> variables;           // every name that is not a unit
    private Map<String, Expr> subexpressions = Map.of();   // in dependency order, I_syn expanded
    private Body body;                             // the method being written

    public JavaSource(List<String> states, Map<String, Double> scalars, Map<String, Integer> perNeuron,
                      Set<String> variables) {
        this.states = states;
        this.scalars = scalars;
        this.perNeuron = perNeuron;
        this.variables = variables;
    }

    /**
     * What one loop body needs before its assignments: each exponential exp(alpha x) shared by every exp and
     * exprel of an affine function alpha x + beta of one state variable (exp(alpha x + beta) = exp(alpha x) e^beta,
     * e^beta a literal: HH's six rates need four exponentials), then the subexpressions used, each once.
     */
    private final class Body {
        final boolean shareExponentials;
        final Map<String, String> exponentials = new java.util.LinkedHashMap<>();   // key -> local
        final StringBuilder declarations = new StringBuilder();
        final Set<String> usedSubexpressions = new java.util.LinkedHashSet<>();

        Body(boolean shareExponentials) {
            this.shareExponentials = shareExponentials;
        }

        /** The loop's locals: exponentials first, then subexpressions in dependency order. */
        String locals() {
            Set<String> closure = new java.util.HashSet<>();
            for (String u : usedSubexpressions) closeOver(u, closure);
            StringBuilder subs = new StringBuilder();
            for (Map.Entry<String, Expr> e : subexpressions.entrySet()) {
                if (closure.contains(e.getKey())) {
                    subs.append("      final double e_").append(e.getKey()).append(" = ").append(java(e.getValue()))
                            .append(";\n");
                }
            }
            return declarations + subs.toString();   // java() above may add exponentials: declarations read after
        }

        private void closeOver(String name, Set<String> closure) {
            if (!closure.add(name)) return;
            for (String other : subexpressions.keySet()) {
                if (Linear.mentions(subexpressions.get(name), other)) closeOver(other, closure);
            }
        }
    }

    /** Sets the subexpressions (in dependency order, I_syn expanded) that the generated code computes as locals. */
    public JavaSource withSubexpressions(Map<String, Expr> subexpressions) {
        this.subexpressions = subexpressions;
        return this;
    }

    /**
     * I_syn as the drive gives it: the current synapses plus, when the model has a membrane potential v, the
     * conductance synapses' ge - g v.
     */
    public static Expr synapticInput(Expr e, boolean conductances) {
        if (e instanceof Expr.Name n && n.name().equals("I_syn")) {
            int l = n.line(), c = n.column();
            Expr current = new Expr.Name(SYN_CURRENT, l, c);
            if (!conductances) return current;
            Expr gv = new Expr.Binary("*", new Expr.Name(SYN_CONDUCTANCE, l, c), new Expr.Name("v", l, c), l, c);
            return new Expr.Binary("+", current, new Expr.Binary("-", new Expr.Name(SYN_REVERSAL, l, c), gv, l, c), l, c);
        }
        if (e instanceof Expr.Negate n) return new Expr.Negate(synapticInput(n.operand(), conductances), n.line(), n.column());
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), synapticInput(b.left(), conductances), synapticInput(b.right(), conductances),
                    b.line(), b.column());
        }
        if (e instanceof Expr.Call c) {
            return new Expr.Call(c.function(), c.args().stream().map(a -> synapticInput(a, conductances)).toList(),
                    c.line(), c.column());
        }
        return e;
    }

    /** The value of e when it depends on no neuron, else null. */
    public Double constant(Expr e) {
        return ConstantValue.of(e, scalars::get, variables);
    }

    /**
     * The class source: derivatives from {@code derivatives} (subexpressions substituted, I_syn expanded), linear
     * forms from {@code linear} (null entries: not conditionally linear, the method throws), reset assignments.
     */
    public String source(String className, List<Expr> derivatives, List<Linear.Form> linear,
                         List<ResetStep> reset) {
        return source(className, derivatives, linear, reset, List.of(), List.of());
    }

    /**
     * As above, with white noise: {@code noise.get(k)} the coefficient of each source named in ds_k/dt (I_syn
     * expanded), {@code sources} the model's sources in order (the index j of the noise method's n[j]).
     */
    public String source(String className, List<Expr> derivatives, List<Linear.Form> linear,
                         List<ResetStep> reset, List<Map<String, Expr>> noise, List<String> sources) {
        StringBuilder b = new StringBuilder();
        b.append("public final class ").append(className).append(" implements ")
                .append(Generated.class.getName()).append(" {\n");
        for (String c : perNeuron.keySet()) b.append("  private double[] c_").append(c).append(";\n");
        b.append("  public void bind(double[][] c) {\n");
        perNeuron.forEach((c, j) -> b.append("    c_").append(c).append(" = c[").append(j).append("];\n"));
        b.append("  }\n");
        derivativesMethod(b, derivatives);
        linearFormMethod(b, linear);
        noiseMethod(b, noise, sources);
        resetMethod(b, reset);
        b.append("}\n");
        return b.toString();
    }

    private void derivativesMethod(StringBuilder b, List<Expr> derivatives) {
        b.append("  public void derivatives(double[][] s, double[] ie, double[] is, double[] g, double[] ge, "
                + "double[][] ds, int from, int to) {\n");
        loadArrays(b);
        for (int k = 0; k < states.size(); k++) b.append("    final double[] d").append(k).append(" = ds[").append(k).append("];\n");
        b.append("    for (int i = from; i < to; i++) {\n");
        loadLocals(b);
        body = new Body(true);
        StringBuilder assign = new StringBuilder();
        for (int k = 0; k < states.size(); k++) {
            assign.append("      d").append(k).append("[i] = ").append(java(derivatives.get(k))).append(";\n");
        }
        b.append(body.locals()).append(assign);
        b.append("    }\n  }\n");
    }

    private void linearFormMethod(StringBuilder b, List<Linear.Form> linear) {
        b.append("  public void linearForm(double[][] s, double[] ie, double[] is, double[] g, double[] ge, "
                + "double[][] a, double[][] b, int from, int to) {\n");
        if (linear == null) {
            b.append("    throw new UnsupportedOperationException(\"not conditionally linear\");\n  }\n");
        } else {
            loadArrays(b);
            for (int k = 0; k < states.size(); k++) {
                b.append("    final double[] a").append(k).append(" = a[").append(k).append("], b").append(k)
                        .append(" = b[").append(k).append("];\n");
            }
            b.append("    for (int i = from; i < to; i++) {\n");
            loadLocals(b);
            body = new Body(true);
            StringBuilder forms = new StringBuilder();
            for (int k = 0; k < states.size(); k++) {
                Linear.Form f = linear.get(k);
                forms.append("      a").append(k).append("[i] = ").append(f.a() == null ? "0.0" : java(f.a())).append(";\n");
                forms.append("      b").append(k).append("[i] = ").append(f.b() == null ? "0.0" : java(f.b())).append(";\n");
            }
            b.append(body.locals()).append(forms);
            b.append("    }\n  }\n");
        }
    }

    private void noiseMethod(StringBuilder b, List<Map<String, Expr>> noise, List<String> sources) {
        b.append("  public void noise(double[][] s, double[] ie, double[] is, double[] g, double[] ge, "
                + "double[][][] n, int from, int to) {\n");
        if (!sources.isEmpty()) {
            loadArrays(b);
            StringBuilder outs = new StringBuilder();
            for (int k = 0; k < noise.size(); k++) {
                for (String xi : noise.get(k).keySet()) {
                    int j = sources.indexOf(xi);
                    b.append("    final double[] n").append(j).append('_').append(k).append(" = n[").append(j)
                            .append("][").append(k).append("];\n");
                }
            }
            b.append("    for (int i = from; i < to; i++) {\n");
            loadLocals(b);
            body = new Body(true);
            for (int k = 0; k < noise.size(); k++) {
                for (Map.Entry<String, Expr> e : noise.get(k).entrySet()) {
                    outs.append("      n").append(sources.indexOf(e.getKey())).append('_').append(k).append("[i] = ")
                            .append(java(e.getValue())).append(";\n");
                }
            }
            b.append(body.locals()).append(outs);
            b.append("    }\n");
        }
        b.append("  }\n");
    }

    private void resetMethod(StringBuilder b, List<ResetStep> reset) {
        b.append("  public void reset(double[][] s, int i) {\n");
        body = null;   // a reset reads the values as its assignments leave them: everything inline
        for (int k = 0; k < states.size(); k++) {
            b.append("    double x_").append(states.get(k)).append(" = s[").append(k).append("][i];\n");
        }
        for (ResetStep r : reset) {
            String x = "x_" + r.variable();
            String v = java(r.value());
            switch (r.op()) {
                case "=" -> b.append("    ").append(x).append(" = ").append(v).append(";\n");
                default -> b.append("    ").append(x).append(" = ").append(x).append(' ').append(r.op().charAt(0))
                        .append(" (").append(v).append(");\n");
            }
        }
        for (ResetStep r : reset.stream().map(ResetStep::variable).distinct()
                .map(v -> new ResetStep(v, "", null)).toList()) {
            b.append("    s[").append(states.indexOf(r.variable())).append("][i] = x_").append(r.variable()).append(";\n");
        }
        b.append("  }\n");
    }

    /** One assignment of a reset: {@code op} is =, +=, -=, *= or /=. */
    public record ResetStep(String variable, String op, Expr value) { }

    private void loadArrays(StringBuilder b) {
        for (int k = 0; k < states.size(); k++) b.append("    final double[] s").append(k).append(" = s[").append(k).append("];\n");
    }

    private void loadLocals(StringBuilder b) {
        for (int k = 0; k < states.size(); k++) {
            b.append("      final double x_").append(states.get(k)).append(" = s").append(k).append("[i];\n");
        }
    }

    /** The Java expression of e, with constant parts folded. */
    String java(Expr e) {
        Double c = constant(e);
        if (c != null) return literal(c);
        if (e instanceof Expr.Name n) return name(n.name());
        if (e instanceof Expr.Negate n) return "(-" + java(n.operand()) + ")";
        if (e instanceof Expr.Binary b) return binary(b);
        if (e instanceof Expr.Call call) {
            String shared = sharedExponential(call);
            if (shared != null) return shared;
            String[] a = call.args().stream().map(this::java).toArray(String[]::new);
            return Functions.java(call.function(), a);
        }
        throw new IllegalStateException("a comparison inside an expression");
    }

    /** The Java expression of a name that is not a constant: a state's local, a per-neuron array, an input. */
    private String name(String s) {
        if (states.contains(s)) return "x_" + s;
        if (perNeuron.containsKey(s)) return "c_" + s + "[i]";
        if (subexpressions.containsKey(s)) {
            if (body == null) return "(" + java(subexpressions.get(s)) + ")";
            body.usedSubexpressions.add(s);
            return "e_" + s;
        }
        return switch (s) {
            case "I_ext" -> "ie[i]";
            case SYN_CURRENT -> "is[i]";
            case SYN_REVERSAL -> "ge[i]";
            case SYN_CONDUCTANCE -> "g[i]";
            default -> throw new IllegalStateException("no value for " + s);
        };
    }

    /** The Java expression of a binary operation: small whole powers as products, constant factors simplified. */
    private String binary(Expr.Binary b) {
        if (b.op().equals("**")) {
            Double p = constant(b.right());
            String x = java(b.left());
            if (p != null && p == 2) return "(" + x + " * " + x + ")";
            if (p != null && p == 3) return "(" + x + " * " + x + " * " + x + ")";
            if (p != null && p == 4) return "((" + x + " * " + x + ") * (" + x + " * " + x + "))";
            if (p != null && p == 1) return x;
            if (p != null && p == -1) return "(1.0 / " + x + ")";
            if (p != null && p == 0.5) return "Math.sqrt(" + x + ")";
            return "Math.pow(" + x + ", " + java(b.right()) + ")";
        }
        Double r = constant(b.right()), l = constant(b.left());
        if (b.op().equals("*") || b.op().equals("/")) {
            // division by a constant becomes multiplication by its reciprocal (within an ulp, a quarter of the
            // cost); factors of 1 and -1 disappear
            double f = r == null ? Double.NaN : b.op().equals("/") ? 1 / r : r;
            if (f == 1) return java(b.left());
            if (f == -1) return "(-" + java(b.left()) + ")";
            if (b.op().equals("*") && l != null && l == 1) return java(b.right());
            if (b.op().equals("*") && l != null && l == -1) return "(-" + java(b.right()) + ")";
            if (f == f && Double.isFinite(f)) return "(" + java(b.left()) + " * " + literal(f) + ")";
        }
        return "(" + java(b.left()) + " " + b.op() + " " + java(b.right()) + ")";
    }

    /** exp or exprel of alpha x + beta written with a shared exp(alpha x), or null when the call is not one. */
    private String sharedExponential(Expr.Call call) {
        if (body == null || !body.shareExponentials || call.args().size() != 1) return null;
        if (!call.function().equals("exp") && !call.function().equals("exprel")) return null;
        Expr arg = call.args().get(0);
        String x = null;
        for (String st : states) {
            if (Linear.mentions(arg, st)) {
                if (x != null) return null;
                x = st;
            }
        }
        if (x == null) return null;
        Linear.Form f = Linear.of(arg, x);
        if (f == null || f.a() == null) return null;
        Double alpha = constant(f.a());
        Double beta = f.b() == null ? Double.valueOf(0) : constant(f.b());
        if (alpha == null || beta == null) return null;
        String key = x + "|" + Double.doubleToLongBits(alpha);
        String local = body.exponentials.get(key);
        if (local == null) {
            local = "ex" + body.exponentials.size();
            body.exponentials.put(key, local);
            body.declarations.append("      final double ").append(local).append(" = Math.exp(").append(literal(alpha))
                    .append(" * x_").append(x).append(");\n");
        }
        String value = beta == 0 ? local : "(" + local + " * " + literal(Math.exp(beta)) + ")";
        if (call.function().equals("exp")) return value;
        return "org.neurosim.expressions.Functions.exprelOf(" + value + ", (" + literal(alpha) + " * x_" + x
                + " + " + literal(beta) + "))";
    }

    static String literal(double v) {
        if (Double.isNaN(v)) return "Double.NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        String s = Double.toString(v);   // the shortest text that reads back as the same double
        return v < 0 || s.startsWith("-") ? "(" + s + ")" : s;
    }
}
