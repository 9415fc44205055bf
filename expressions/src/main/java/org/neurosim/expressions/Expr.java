package org.neurosim.expressions;

import java.util.List;

/**
 * An expression of an equations model as parsed, each node with the line and column (from 1) where it starts, so
 * that every later check (units, names, linearity) can point at the place in the user's text.
 */
public sealed interface Expr {
    int line();

    int column();

    /** A number as written; quantities such as {@code 40 mV} are a product with the unit's {@link Name}. */
    record Num(double value, int line, int column) implements Expr { }

    /** A state variable, subexpression, constant, input ({@code I_ext}, {@code I_syn}) or unit. */
    record Name(String name, int line, int column) implements Expr { }

    /** {@code -x} ({@code +x} is parsed as x). */
    record Negate(Expr operand, int line, int column) implements Expr { }

    /** {@code + - * / **}. */
    record Binary(String op, Expr left, Expr right, int line, int column) implements Expr { }

    /** {@code exp(x)}, {@code clip(x, lo, hi)}. */
    record Call(String function, List<Expr> args, int line, int column) implements Expr { }

    /** {@code < <= > >= == !=}: only a threshold is a comparison. */
    record Compare(String op, Expr left, Expr right, int line, int column) implements Expr { }
}
