package org.neurosim.equations.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosim.expressions.EquationsException;
import org.neurosim.expressions.Expr;

/**
 * Gaussian white noise in equations, as in Brian2: {@code xi}, or {@code xi_<name>} for several independent sources,
 * with unit second^-1/2, allowed in a differential equation only and only linearly, dx/dt = f + sum_j g_j xi_j
 * with f and every g_j free of noise. {@link #split} takes an equation apart into the drift f and the coefficients
 * g_j; {@link #squared} writes an expression whose dimension is the square of g's (g has half-integer powers of the
 * second, sqrt(2/tau), which a {@link Dimensions} cannot hold; its square can).
 */
public final class Noise {
    private Noise() { }

    /** True for a name of white noise: {@code xi} or {@code xi_<name>}. */
    public static boolean isNoise(String name) {
        return name.equals("xi") || name.matches("xi_[A-Za-z0-9_]+");
    }

    /** The drift f (null: 0) and each source's coefficient g_j (in the order the sources first appear). */
    public record Split(Expr drift, Map<String, Expr> coefficients) { }

    /** The noise names in e, in the order they first appear, each with its first node. */
    public static Map<String, Expr.Name> sources(Expr e) {
        Map<String, Expr.Name> out = new LinkedHashMap<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, Map<String, Expr.Name> out) {
        if (e instanceof Expr.Name n && isNoise(n.name())) out.putIfAbsent(n.name(), n);
        else if (e instanceof Expr.Negate n) collect(n.operand(), out);
        else if (e instanceof Expr.Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof Expr.Call c) c.args().forEach(a -> collect(a, out));
        else if (e instanceof Expr.Compare c) {
            collect(c.left(), out);
            collect(c.right(), out);
        }
    }

    /**
     * Splits the right-hand side of {@code what} (d v/dt) into f + sum_j g_j xi_j; an equation in which a noise
     * source is not linear ({@code xi**2}, {@code sin(xi)}, {@code 1/xi}, {@code xi*xi_b}) is an error at its place.
     */
    public static Split split(Expr rhs, String key, String what) {
        Map<String, Expr.Name> sources = sources(rhs);
        Map<String, Expr> coefficients = new LinkedHashMap<>();
        Expr rest = rhs;
        for (Map.Entry<String, Expr.Name> s : sources.entrySet()) {
            String xi = s.getKey();
            Linear.Form f = rest == null ? null : Linear.of(rest, xi);
            Expr.Name at = s.getValue();
            if (f == null) {
                throw new EquationsException(key, at.line(), at.column(), what + ": white noise '" + xi + "' may "
                        + "enter only linearly, as f + g*" + xi + " with f and g free of noise (not in a power, "
                        + "function, denominator or product with itself)");
            }
            for (String other : sources.keySet()) {
                if (f.a() != null && Linear.mentions(f.a(), other)) {
                    throw new EquationsException(key, at.line(), at.column(), what + ": the coefficient of '" + xi
                            + "' holds the noise '" + other + "'; a product of noises is not allowed: write f + g*"
                            + xi + " with g free of noise");
                }
            }
            coefficients.put(xi, f.a() == null ? new Expr.Num(0, at.line(), at.column()) : f.a());
            rest = f.b();
        }
        return new Split(rest, coefficients);
    }

    /** An expression whose dimension is the square of e's: sqrt(x) becomes x, a name n becomes n*n, and so on. */
    public static Expr squared(Expr e) {
        int l = e.line(), c = e.column();
        if (e instanceof Expr.Num) return e;
        if (e instanceof Expr.Name) return new Expr.Binary("*", e, e, l, c);
        if (e instanceof Expr.Negate n) return squared(n.operand());
        if (e instanceof Expr.Binary b) {
            if (b.op().equals("**")) return new Expr.Binary("**", squared(b.left()), b.right(), l, c);
            return new Expr.Binary(b.op(), squared(b.left()), squared(b.right()), l, c);
        }
        if (e instanceof Expr.Call call) {
            switch (call.function()) {
                case "sqrt" -> {
                    return call.args().size() == 1 ? call.args().get(0) : e;
                }
                case "abs" -> {
                    return squared(call.args().get(0));
                }
                case "min", "max", "clip" -> {
                    List<Expr> a = new ArrayList<>();
                    for (Expr x : call.args()) a.add(squared(x));
                    return new Expr.Call(call.function(), a, l, c);
                }
                default -> {
                    return e;   // dimensionless functions of dimensionless arguments
                }
            }
        }
        return e;
    }
}
