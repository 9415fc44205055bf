package org.neurosim.equations.check;

import org.neurosim.expressions.UnitNames;
import org.neurosim.expressions.Functions;
import java.util.function.Function;
import org.neurosim.core.units.Quantity;
import org.neurosim.expressions.Expr;

/** The value of an expression that depends on no neuron: numbers, units and (given) constants, in SI. */
public final class ConstantValue {
    private ConstantValue() { }

    /**
     * The value when every name in {@code e} is a unit or has a value in {@code values} (null: not constant);
     * null when some name varies per neuron or in time. Names in {@code variables} are never units (a gate named
     * m is not the metre).
     */
    public static Double of(Expr e, Function<String, Double> values, java.util.Set<String> variables) {
        if (e instanceof Expr.Num n) return n.value();
        if (e instanceof Expr.Name n) {
            if (n.name().equals("I_ext") || n.name().equals("I_syn")) return null;
            Double v = values.apply(n.name());
            if (v != null) return v;
            if (variables.contains(n.name()) || n.name().startsWith("__")) return null;   // names shadow units
            Quantity u = UnitNames.resolve(n.name());
            return u == null ? null : u.si();
        }
        if (e instanceof Expr.Negate n) {
            Double v = of(n.operand(), values, variables);
            return v == null ? null : -v;
        }
        if (e instanceof Expr.Binary b) {
            Double l = of(b.left(), values, variables), r = of(b.right(), values, variables);
            if (l == null || r == null) return null;
            return switch (b.op()) {
                case "+" -> l + r;
                case "-" -> l - r;
                case "*" -> l * r;
                case "/" -> l / r;
                default -> Functions.pow(l, r);
            };
        }
        if (e instanceof Expr.Call c) {
            double[] a = new double[c.args().size()];
            for (int i = 0; i < a.length; i++) {
                Double v = of(c.args().get(i), values, variables);
                if (v == null) return null;
                a[i] = v;
            }
            return Functions.apply(c.function(), a);
        }
        return null;
    }
}
