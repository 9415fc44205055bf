package org.neurosim.network.config;

import org.neurosim.core.InvalidInputException;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Quantity;
import org.neurosim.core.units.Units;

/**
 * Arithmetic on quantities as configs write them: {@code -(5)*0.1 mV}, {@code (2)*10 kHz}, {@code 1.5 ms + 0.05 ms}.
 * Numbers, units (a number followed by a unit is their product, as in {@code 0.1 mV}; {@code uA/cm^2} divides),
 * {@code + - * /} and parentheses; sums need one dimension. The result is written in SI base units, which
 * {@link Units#parse} reads back exactly.
 */
final class QuantityExpression {
    private final String text;
    private int pos;

    private QuantityExpression(String text) {
        this.text = text;
    }

    /** The value as config text ("-5.0E-4 kg*m^2*s^-3*A^-1"), or null when {@code text} is not such arithmetic. */
    static String tryEvaluate(String text) {
        try {
            QuantityExpression p = new QuantityExpression(text);
            Quantity q = p.sum();
            p.space();
            if (p.pos != text.length()) return null;
            return format(q);
        } catch (InvalidInputException | NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    static String format(Quantity q) {
        Dimension d = q.dimension();
        StringBuilder u = new StringBuilder();
        append(u, "kg", d.kilogram());
        append(u, "m", d.metre());
        append(u, "s", d.second());
        append(u, "A", d.ampere());
        return u.length() == 0 ? Double.toString(q.si()) : q.si() + " " + u;
    }

    private static void append(StringBuilder b, String unit, int e) {
        if (e == 0) return;
        if (b.length() > 0) b.append('*');
        b.append(unit);
        if (e != 1) b.append('^').append(e);
    }

    private Quantity sum() {
        Quantity q = product();
        while (true) {
            space();
            if (pos >= text.length() || (text.charAt(pos) != '+' && text.charAt(pos) != '-')) return q;
            char op = text.charAt(pos++);
            Quantity r = product();
            if (!r.dimension().equals(q.dimension())) throw new InvalidInputException("sum of different dimensions");
            q = new Quantity(op == '+' ? q.si() + r.si() : q.si() - r.si(), q.dimension());
        }
    }

    private Quantity product() {
        Quantity q = unary();
        while (true) {
            space();
            if (pos >= text.length()) return q;
            char c = text.charAt(pos);
            if (c == '*' || c == '/') {
                pos++;
                Quantity r = unary();
                q = c == '*' ? new Quantity(q.si() * r.si(), q.dimension().times(r.dimension()))
                        : new Quantity(q.si() / r.si(), q.dimension().divide(r.dimension()));
            } else if (Character.isLetter(c) || c == '\u00b5' || c == '\u03bc') {   // 0.1 mV: times the unit
                Quantity r = unit();
                q = new Quantity(q.si() * r.si(), q.dimension().times(r.dimension()));
            } else {
                return q;
            }
        }
    }

    private Quantity unary() {
        space();
        if (text.charAt(pos) == '-') {
            pos++;
            Quantity q = unary();
            return new Quantity(-q.si(), q.dimension());
        }
        if (text.charAt(pos) == '+') {
            pos++;
            return unary();
        }
        return primary();
    }

    private Quantity primary() {
        space();
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Quantity q = sum();
            space();
            if (text.charAt(pos) != ')') throw new InvalidInputException("unclosed");
            pos++;
            return q;
        }
        if (Character.isLetter(c)) return unit();
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) pos++;
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')
                && pos + 1 < text.length() && (Character.isDigit(text.charAt(pos + 1))
                || ((text.charAt(pos + 1) == '-' || text.charAt(pos + 1) == '+') && pos + 2 < text.length()
                && Character.isDigit(text.charAt(pos + 2))))) {
            pos += 2;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        }
        if (pos == start) throw new InvalidInputException("expected a number");
        return new Quantity(Double.parseDouble(text.substring(start, pos)), Dimension.DIMENSIONLESS);
    }

    /** One unit symbol with an optional power: mV, kHz, cm^2. */
    private Quantity unit() {
        int start = pos;
        while (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '\u00b5')) pos++;
        if (pos < text.length() && text.charAt(pos) == '^') {
            pos++;
            if (pos < text.length() && text.charAt(pos) == '-') pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        }
        return Units.unit(text.substring(start, pos));
    }

    private void space() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }
}
