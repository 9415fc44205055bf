package org.neurosim.equations.check;

import org.neurosim.expressions.UnitNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.neurosim.core.Suggestions;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Quantity;
import org.neurosim.expressions.EquationsException;
import org.neurosim.expressions.Expr;

/**
 * Computes the dimension of every expression of a model and checks that the two sides of each sum, comparison,
 * assignment and equation agree, that function arguments are dimensionless, and that every name is known.
 *
 * <p>The inputs {@code I_ext} and {@code I_syn} have the model's input dimension X, which the equations decide:
 * {@code -w + I_ext} with w in amperes makes X a current; {@code I_ext*mV} added to a voltage makes X a bare
 * number. Each dimension is kept as (D, k), meaning D X^k; the first comparison of two different k fixes X
 * (X^(k1-k2) = D2/D1), and later ones are checked against it.
 */
public final class Dimensions {
    /** D X^k. */
    record Dim(Dimension base, int k) {
        static Dim of(Dimension d) {
            return new Dim(d, 0);
        }

        Dim times(Dim o) {
            return new Dim(base.times(o.base), k + o.k);
        }

        Dim divide(Dim o) {
            return new Dim(base.divide(o.base), k - o.k);
        }

        Dim pow(int n) {
            return new Dim(base.pow(n), k * n);
        }
    }

    /** What a name is to the checker. */
    public interface Names {
        /** The dimension of a state variable, subexpression or constant, or null when the name is none of these. */
        Dimension variable(String name);

        /** Every name a model text may use (for "known names" in errors). */
        java.util.Collection<String> known();
    }

    private final Names names;
    private final String key;
    private Dimension input;   // X once fixed, else null

    public Dimensions(Names names, String key) {
        this.names = names;
        this.key = key;
    }

    /** The input dimension X the equations fixed, or a current when they never use I_ext or I_syn in a sum. */
    public Dimension inputDimension() {
        return input != null ? input : Dimension.CURRENT;
    }

    /** Checks that {@code e} has dimension {@code expected}; {@code what} says what it is ("dv/dt"). */
    public void expect(Expr e, Dimension expected, String key, String what) {
        Dim d = dim(e);
        if (!unify(d, Dim.of(expected))) {
            throw new EquationsException(key, e.line(), e.column(), what + " has dimension " + describe(d)
                    + ", but its declared unit makes it " + UnitNames.describe(expected));
        }
    }

    /**
     * Checks that {@code g}, the coefficient of the noise {@code xi} in {@code what} (dv/dt) of dimension
     * {@code rate}, has the dimension of rate times second^1/2 (xi has unit second^-1/2), by the square of both.
     */
    public void expectNoiseCoefficient(Expr g, Dimension rate, String key, String what, String xi) {
        Dim d = dim(Noise.squared(g));
        Dimension want = rate.pow(2).times(Dimension.TIME);
        if (!unify(d, Dim.of(want))) {
            throw new EquationsException(key, g.line(), g.column(), "the coefficient of " + xi + " in " + what
                    + " must have the unit of " + what + " times second^1/2 (" + xi + " has unit second^-1/2), as "
                    + "sigma*sqrt(2/tau) in dv/dt = (mu - v)/tau + sigma*sqrt(2/tau)*xi; its square has dimension "
                    + describe(d) + ", not " + UnitNames.describe(want));
        }
    }

    /** The dimension of a unit expression ({@code volt/second}, {@code amp/meter**2}, {@code 1}). */
    public static Dimension ofUnit(Expr unit, String key) {
        return unitValue(unit, key).dimension();
    }

    private static Quantity unitValue(Expr e, String key) {
        if (e instanceof Expr.Num n) {
            if (n.value() != 1) throw new EquationsException(key, e.line(), e.column(), "a unit is a product of unit "
                    + "names such as 'volt/second', or 1 for none; found the number " + n.value());
            return new Quantity(1, Dimension.DIMENSIONLESS);
        }
        if (e instanceof Expr.Name n) {
            Quantity q = UnitNames.resolve(n.name());
            if (q == null) throw new EquationsException(key, e.line(), e.column(), "unknown unit '" + n.name()
                    + "'; units are written as volt, amp, siemens, farad, second, hertz, metre, ohm (with prefixes: "
                    + "mvolt, namp, nS, ms ...) or 1");
            return q;
        }
        if (e instanceof Expr.Binary b) {
            if (b.op().equals("**") && b.right() instanceof Expr.Num p && p.value() == Math.rint(p.value())) {
                Quantity q = unitValue(b.left(), key);
                int n = (int) p.value();
                return new Quantity(Math.pow(q.si(), n), q.dimension().pow(n));
            }
            if (b.op().equals("**") && b.right() instanceof Expr.Negate neg && neg.operand() instanceof Expr.Num p
                    && p.value() == Math.rint(p.value())) {
                Quantity q = unitValue(b.left(), key);
                int n = -(int) p.value();
                return new Quantity(Math.pow(q.si(), n), q.dimension().pow(n));
            }
            if (b.op().equals("*") || b.op().equals("/")) {
                Quantity l = unitValue(b.left(), key), r = unitValue(b.right(), key);
                return b.op().equals("*") ? new Quantity(l.si() * r.si(), l.dimension().times(r.dimension()))
                        : new Quantity(l.si() / r.si(), l.dimension().divide(r.dimension()));
            }
        }
        throw new EquationsException(key, e.line(), e.column(), "a unit is a product of unit names with whole powers, "
                + "such as 'amp/meter**2'");
    }

    /** The dimension of {@code e}, checking every part of it. */
    public Dimension of(Expr e) {
        return resolve(dim(e)).base;
    }

    Dim dim(Expr e) {
        if (e instanceof Expr.Num) return Dim.of(Dimension.DIMENSIONLESS);
        if (e instanceof Expr.Name n) return name(n);
        if (e instanceof Expr.Negate n) return dim(n.operand());
        if (e instanceof Expr.Binary b) return binary(b);
        if (e instanceof Expr.Call c) return call(c);
        Expr.Compare c = (Expr.Compare) e;
        same(c.left(), c.right(), c.line(), c.column(), "the two sides of '" + c.op() + "'");
        return Dim.of(Dimension.DIMENSIONLESS);
    }

    private Dim name(Expr.Name n) {
        String s = n.name();
        if (Noise.isNoise(s)) {
            // an equation's noise is taken apart before it is checked (Noise.split): any left is out of place
            throw new EquationsException(key, n.line(), n.column(), "white noise '" + s + "' may appear only in a "
                    + "differential equation, linearly (dv/dt = f + g*" + s + "), not in a subexpression, threshold, "
                    + "reset or condition");
        }
        if (s.equals("I_ext") || s.equals("I_syn")) return new Dim(Dimension.DIMENSIONLESS, 1);
        Dimension d = names.variable(s);
        if (d != null) return Dim.of(d);
        Quantity u = UnitNames.resolve(s);
        if (u != null) return Dim.of(u.dimension());
        TreeSet<String> known = new TreeSet<>(names.known());
        known.add("I_ext");
        known.add("I_syn");
        throw new EquationsException(key, n.line(), n.column(), "unknown name '" + s + "'"
                + Suggestions.didYouMean(s, known) + "; known names: " + String.join(", ", known)
                + ", and units such as mV, ms, nS, pA");
    }

    private Dim binary(Expr.Binary b) {
        switch (b.op()) {
            case "+", "-" -> {
                return same(b.left(), b.right(), b.line(), b.column(), "the two sides of '" + b.op() + "'");
            }
            case "*" -> {
                return dim(b.left()).times(dim(b.right()));
            }
            case "/" -> {
                return dim(b.left()).divide(dim(b.right()));
            }
            default -> {   // **
                Dim base = dim(b.left());
                Dim exp = dim(b.right());
                dimensionless(exp, b.right(), "the exponent of '**'");
                Double p = ConstantValue.of(b.right(), n -> null, new java.util.HashSet<>(names.known()));
                if (isOne(base)) return base;
                if (p == null || p != Math.rint(p) || Math.abs(p) > 64) {
                    throw new EquationsException(key, b.right().line(), b.right().column(), "an exponent of "
                            + describe(base) + " must be a whole number written in the equations (x**2, x**-1)");
                }
                return base.pow((int) Math.rint(p));
            }
        }
    }

    private Dim call(Expr.Call c) {
        List<Expr> a = c.args();
        switch (c.function()) {
            case "exp", "log", "sin", "cos", "tan", "tanh", "sinh", "cosh", "exprel", "log10", "expm1", "log1p" -> {
                arity(c, 1);
                dimensionless(dim(a.get(0)), a.get(0), "the argument of " + c.function());
                return Dim.of(Dimension.DIMENSIONLESS);
            }
            case "sqrt" -> {
                arity(c, 1);
                Dim d = resolve(dim(a.get(0)));
                Dimension base = d.base;
                if (d.k % 2 != 0 || base.metre() % 2 != 0 || base.kilogram() % 2 != 0 || base.second() % 2 != 0
                        || base.ampere() % 2 != 0) {
                    throw new EquationsException(key, c.line(), c.column(), "sqrt of " + describe(d)
                            + " has no dimension with whole powers");
                }
                return new Dim(new Dimension(base.metre() / 2, base.kilogram() / 2, base.second() / 2,
                        base.ampere() / 2), d.k / 2);
            }
            case "abs" -> {
                arity(c, 1);
                return dim(a.get(0));
            }
            case "min", "max" -> {
                arity(c, 2);
                return same(a.get(0), a.get(1), c.line(), c.column(), "the arguments of " + c.function());
            }
            case "clip" -> {
                arity(c, 3);
                same(a.get(0), a.get(1), c.line(), c.column(), "the arguments of clip");
                return same(a.get(0), a.get(2), c.line(), c.column(), "the arguments of clip");
            }
            default -> throw new EquationsException(key, c.line(), c.column(), "unknown function '" + c.function()
                    + "'" + Suggestions.didYouMean(c.function(), FUNCTIONS) + "; known functions: "
                    + String.join(", ", FUNCTIONS));
        }
    }

    /** The functions an expression may call. */
    public static final List<String> FUNCTIONS = List.of("abs", "clip", "cos", "cosh", "exp", "expm1", "exprel",
            "log", "log10", "log1p", "max", "min", "sin", "sinh", "sqrt", "tan", "tanh");

    private void arity(Expr.Call c, int n) {
        if (c.args().size() != n) {
            throw new EquationsException(key, c.line(), c.column(), c.function() + " takes " + n + " argument"
                    + (n == 1 ? "" : "s") + ", got " + c.args().size());
        }
    }

    private Dim same(Expr l, Expr r, int line, int column, String what) {
        Dim a = dim(l), b = dim(r);
        if (!unify(a, b)) {
            throw new EquationsException(key, line, column, what + " differ in dimension: " + describe(a) + " and "
                    + describe(b));
        }
        return a;
    }

    private void dimensionless(Dim d, Expr e, String what) {
        if (!unify(d, Dim.of(Dimension.DIMENSIONLESS))) {
            throw new EquationsException(key, e.line(), e.column(), what + " must be dimensionless, but it is "
                    + describe(d));
        }
    }

    private boolean isOne(Dim d) {
        Dim r = resolve(d);
        return r.k == 0 && r.base.isDimensionless();
    }

    private Dim resolve(Dim d) {
        if (input == null || d.k == 0) return d;
        return new Dim(d.base.times(input.pow(d.k)), 0);
    }

    /** True when a and b can be the same dimension, fixing X if they need it to be. */
    private boolean unify(Dim a, Dim b) {
        a = resolve(a);
        b = resolve(b);
        if (a.k == b.k) return a.base.equals(b.base);
        // D_a X^ka = D_b X^kb  =>  X^(ka-kb) = D_b / D_a
        int n = a.k - b.k;
        Dimension q = b.base.divide(a.base);
        if (q.metre() % n != 0 || q.kilogram() % n != 0 || q.second() % n != 0 || q.ampere() % n != 0) return false;
        input = new Dimension(q.metre() / n, q.kilogram() / n, q.second() / n, q.ampere() / n);
        return true;
    }

    private String describe(Dim d) {
        Dim r = resolve(d);
        if (r.k == 0) return UnitNames.describe(r.base);
        String x = "the input's unit" + (r.k == 1 ? "" : "^" + r.k);
        return r.base.isDimensionless() ? x : UnitNames.format(r.base) + " times " + x;
    }

    /** Dimension per name, for a {@link Names} built from maps. */
    public static Names names(Map<String, Dimension> dims) {
        Map<String, Dimension> copy = new LinkedHashMap<>(dims);
        return new Names() {
            @Override public Dimension variable(String name) { return copy.get(name); }
            @Override public java.util.Collection<String> known() { return copy.keySet(); }
        };
    }
}
