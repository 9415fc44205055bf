package org.neurosim.expressions;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for one line of model text (Python's precedence, as in Brian2): comparison, then
 * {@code + -}, then {@code * /}, then unary minus, then {@code **} (right-associative, binding tighter than a
 * unary minus on its left: {@code -x**2} is {@code -(x**2)}). A number followed by a name is a product, so that
 * {@code -40 mV} reads as in the config's quantities; after {@code *} or {@code /} such a quantity is one operand
 * ({@code x / 2 ms} is {@code x / (2*ms)}). Errors name the column.
 */
public final class ExpressionParser {
    private final String text;
    private final String key;
    private final int line;
    private final int columnOffset;
    private int pos;

    /** @param columnOffset the column (from 0) in the user's line at which {@code text} starts */
    public ExpressionParser(String text, String key, int line, int columnOffset) {
        this.text = text;
        this.key = key;
        this.line = line;
        this.columnOffset = columnOffset;
    }

    /** The whole text as one expression (a comparison allowed when {@code condition}). */
    public Expr parseAll(boolean condition) {
        skipSpace();
        if (atEnd()) throw error(pos, "expected an expression, found nothing");
        Expr e = condition ? comparison() : additive();
        skipSpace();
        if (!atEnd()) {
            if (!condition && startsWithComparison()) {
                throw error(pos, "a comparison ('" + comparisonAt() + "') is only allowed in a threshold");
            }
            throw error(pos, "unexpected '" + text.charAt(pos) + "'"
                    + (text.charAt(pos) == '^' ? "; write powers as x**2" : ""));
        }
        return e;
    }

    int column(int p) {
        return columnOffset + p + 1;
    }

    EquationsException error(int p, String what) {
        return new EquationsException(key, line, column(p), what);
    }

    private Expr comparison() {
        Expr left = additive();
        skipSpace();
        if (startsWithComparison()) {
            int at = pos;
            String op = comparisonAt();
            pos += op.length();
            Expr right = additive();
            return new Expr.Compare(op, left, right, line, column(at));
        }
        return left;
    }

    private boolean startsWithComparison() {
        return comparisonAt() != null;
    }

    private String comparisonAt() {
        for (String op : new String[] {"<=", ">=", "==", "!=", "<", ">"}) {
            if (text.startsWith(op, pos)) return op;
        }
        return null;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (true) {
            skipSpace();
            if (atEnd()) return left;
            char c = text.charAt(pos);
            if (c != '+' && c != '-') return left;
            if (text.startsWith("+=", pos) || text.startsWith("-=", pos)) return left;
            int at = pos++;
            Expr right = multiplicative();
            left = new Expr.Binary(String.valueOf(c), left, right, line, column(at));
        }
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (true) {
            skipSpace();
            if (atEnd()) return left;
            char c = text.charAt(pos);
            if (c == '*' && text.startsWith("**", pos)) return left;
            if ((c != '*' && c != '/') || text.startsWith("*=", pos) || text.startsWith("/=", pos)) {
                // a number directly followed by a name: 40 mV is 40 * mV
                if (isNumber(left) && (Character.isLetter(c) || c == '_')) {
                    int at = pos;
                    Expr unit = power();
                    left = new Expr.Binary("*", left, unit, line, column(at));
                    continue;
                }
                return left;
            }
            int at = pos++;
            Expr right = unary();
            skipSpace();
            // a quantity on the right is one operand: x * 5 ms is x * (5*ms), x / 2 ms is x / (2*ms)
            if (isNumber(right) && !atEnd() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
                int u = pos;
                right = new Expr.Binary("*", right, power(), line, column(u));
            }
            left = new Expr.Binary(String.valueOf(c), left, right, line, column(at));
        }
    }

    private static boolean isNumber(Expr e) {
        return e instanceof Expr.Num || e instanceof Expr.Negate n && n.operand() instanceof Expr.Num;
    }

    private Expr unary() {
        skipSpace();
        if (atEnd()) throw error(pos, "expected a number, a name or '(' but the text ends");
        char c = text.charAt(pos);
        if (c == '-') {
            int at = pos++;
            return new Expr.Negate(unary(), line, column(at));
        }
        if (c == '+') {
            pos++;
            return unary();
        }
        return power();
    }

    private Expr power() {
        Expr base = primary();
        skipSpace();
        if (text.startsWith("**", pos)) {
            int at = pos;
            pos += 2;
            Expr exponent = unary();   // right-associative; 2**-1 allowed
            return new Expr.Binary("**", base, exponent, line, column(at));
        }
        return base;
    }

    private Expr primary() {
        skipSpace();
        if (atEnd()) throw error(pos, "expected a number, a name or '(' but the text ends");
        int at = pos;
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Expr inner = additive();
            skipSpace();
            if (atEnd() || text.charAt(pos) != ')') throw error(at, "'(' is not closed");
            pos++;
            return inner;
        }
        if (Character.isDigit(c) || c == '.') return number();
        if (Character.isLetter(c) || c == '_') {
            String name = identifier();
            skipSpace();
            if (!atEnd() && text.charAt(pos) == '(') {
                pos++;
                List<Expr> args = new ArrayList<>();
                skipSpace();
                if (!atEnd() && text.charAt(pos) == ')') {
                    pos++;
                } else {
                    while (true) {
                        args.add(additive());
                        skipSpace();
                        if (atEnd()) throw error(at + name.length(), "'(' of " + name + "(...) is not closed");
                        if (text.charAt(pos) == ',') {
                            pos++;
                            continue;
                        }
                        if (text.charAt(pos) == ')') {
                            pos++;
                            break;
                        }
                        throw error(pos, "expected ',' or ')' in the arguments of " + name + ", found '"
                                + text.charAt(pos) + "'");
                    }
                }
                return new Expr.Call(name, args, line, column(at));
            }
            return new Expr.Name(name, line, column(at));
        }
        if (c == ')') throw error(pos, "')' without a matching '('");
        throw error(pos, "expected a number, a name or '(', found '" + c + "'");
    }

    private Expr number() {
        int at = pos;
        while (!atEnd() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) pos++;
        if (!atEnd() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos++;
            if (!atEnd() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) pos++;
            if (atEnd() || !Character.isDigit(text.charAt(pos))) {
                pos = save;   // "2 e" is not an exponent: leave the e for the name after the number
            } else {
                while (!atEnd() && Character.isDigit(text.charAt(pos))) pos++;
            }
        }
        String s = text.substring(at, pos);
        try {
            return new Expr.Num(Double.parseDouble(s), line, column(at));
        } catch (NumberFormatException e) {
            throw error(at, "malformed number '" + s + "'");
        }
    }

    String identifier() {
        int at = pos;
        while (!atEnd() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        return text.substring(at, pos);
    }

    void skipSpace() {
        while (!atEnd() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    int position() {
        return pos;
    }
}
