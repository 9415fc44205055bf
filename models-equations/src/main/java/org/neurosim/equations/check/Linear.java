package org.neurosim.equations.check;

import org.neurosim.expressions.Expr;

/**
 * Whether an expression is linear in one variable, f = a x + b with a and b free of x, and if so a and b: the
 * test Brian2 makes (with sympy) to allow {@code exponential-euler}. Products of two factors with x, x in a
 * denominator, a power or a function are not linear. The expression must have its subexpressions substituted.
 */
public final class Linear {
    /** a x + b; a null part is zero. */
    public record Form(Expr a, Expr b) { }

    private Linear() { }

    /** The linear form of {@code e} in {@code x}, or null when e is not linear in x. */
    public static Form of(Expr e, String x) {
        if (!mentions(e, x)) return new Form(null, e);
        if (e instanceof Expr.Name) return new Form(new Expr.Num(1, e.line(), e.column()), null);
        if (e instanceof Expr.Negate n) {
            Form f = of(n.operand(), x);
            return f == null ? null : new Form(neg(f.a), neg(f.b));
        }
        if (e instanceof Expr.Binary b) {
            switch (b.op()) {
                case "+", "-" -> {
                    Form l = of(b.left(), x), r = of(b.right(), x);
                    if (l == null || r == null) return null;
                    return new Form(combine(b.op(), l.a, r.a, b), combine(b.op(), l.b, r.b, b));
                }
                case "*" -> {
                    if (!mentions(b.left(), x)) {
                        Form r = of(b.right(), x);
                        return r == null ? null : new Form(times(b.left(), r.a, b), times(b.left(), r.b, b));
                    }
                    if (!mentions(b.right(), x)) {
                        Form l = of(b.left(), x);
                        return l == null ? null : new Form(times(l.a, b.right(), b), times(l.b, b.right(), b));
                    }
                    return null;
                }
                case "/" -> {
                    if (mentions(b.right(), x)) return null;
                    Form l = of(b.left(), x);
                    return l == null ? null : new Form(divide(l.a, b.right(), b), divide(l.b, b.right(), b));
                }
                default -> {
                    return null;
                }
            }
        }
        return null;   // a call or a comparison with x in it
    }

    /** True when the name {@code x} occurs in {@code e}. */
    public static boolean mentions(Expr e, String x) {
        if (e instanceof Expr.Name n) return n.name().equals(x);
        if (e instanceof Expr.Num) return false;
        if (e instanceof Expr.Negate n) return mentions(n.operand(), x);
        if (e instanceof Expr.Binary b) return mentions(b.left(), x) || mentions(b.right(), x);
        if (e instanceof Expr.Call c) return c.args().stream().anyMatch(a -> mentions(a, x));
        Expr.Compare c = (Expr.Compare) e;
        return mentions(c.left(), x) || mentions(c.right(), x);
    }

    private static Expr neg(Expr e) {
        return e == null ? null : new Expr.Negate(e, e.line(), e.column());
    }

    private static Expr combine(String op, Expr l, Expr r, Expr at) {
        if (r == null) return l;
        if (l == null) return op.equals("-") ? neg(r) : r;
        return new Expr.Binary(op, l, r, at.line(), at.column());
    }

    private static Expr times(Expr l, Expr r, Expr at) {
        if (l == null || r == null) return null;
        return new Expr.Binary("*", l, r, at.line(), at.column());
    }

    private static Expr divide(Expr l, Expr r, Expr at) {
        if (l == null) return null;
        return new Expr.Binary("/", l, r, at.line(), at.column());
    }

    /**
     * e with the subexpressions that (through their definitions) contain x written out, the others left as names:
     * enough to test linearity in x, while the generated code keeps each other subexpression a local computed once.
     */
    public static Expr inlineMentioning(Expr e, String x, java.util.Map<String, Expr> subexpressions) {
        if (e instanceof Expr.Name n) {
            Expr def = subexpressions.get(n.name());
            if (def == null) return e;
            Expr inlined = inlineMentioning(def, x, subexpressions);
            return mentions(inlined, x) ? inlined : e;
        }
        if (e instanceof Expr.Negate n) return new Expr.Negate(inlineMentioning(n.operand(), x, subexpressions), n.line(), n.column());
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), inlineMentioning(b.left(), x, subexpressions),
                    inlineMentioning(b.right(), x, subexpressions), b.line(), b.column());
        }
        if (e instanceof Expr.Call c) {
            return new Expr.Call(c.function(), c.args().stream().map(a -> inlineMentioning(a, x, subexpressions)).toList(),
                    c.line(), c.column());
        }
        return e;
    }
}
