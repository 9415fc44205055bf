package org.neurosim.core.units;

import java.util.Map;
import org.neurosim.core.InvalidInputException;

/**
 * Parses quantities written with their unit, as the command line and configs write them: {@code 20 ms},
 * {@code -65 mV}, {@code 10 uA/cm^2}, {@code 6 nS}, {@code 200 pF}, {@code 20000 um^2}, {@code 5 Hz},
 * {@code 1.5e-3 S/cm^2}. Micro is {@code u}, the micro sign or the Greek mu. A unit expression is a product of
 * prefixed symbols with optional integer exponents joined by {@code *}, {@code .} or {@code /} (each {@code /}
 * divides by the one symbol after it). A bare number is dimensionless.
 */
public final class Units {
    private record Unit(double scale, Dimension dimension) { }

    private static final Map<String, Unit> SYMBOLS = Map.ofEntries(
            Map.entry("s", new Unit(1, Dimension.TIME)),
            Map.entry("m", new Unit(1, Dimension.LENGTH)),
            Map.entry("g", new Unit(1e-3, new Dimension(0, 1, 0, 0))),
            Map.entry("A", new Unit(1, Dimension.CURRENT)),
            Map.entry("V", new Unit(1, Dimension.VOLTAGE)),
            Map.entry("S", new Unit(1, Dimension.CONDUCTANCE)),
            Map.entry("F", new Unit(1, Dimension.CAPACITANCE)),
            Map.entry("C", new Unit(1, Dimension.CHARGE)),
            Map.entry("Hz", new Unit(1, Dimension.FREQUENCY)),
            Map.entry("Ohm", new Unit(1, Dimension.RESISTANCE)),
            Map.entry("ohm", new Unit(1, Dimension.RESISTANCE)),
            Map.entry("\u03a9", new Unit(1, Dimension.RESISTANCE)),
            Map.entry("min", new Unit(60, Dimension.TIME)));

    private static final Map<String, Double> PREFIXES = Map.ofEntries(
            Map.entry("f", 1e-15), Map.entry("p", 1e-12), Map.entry("n", 1e-9),
            Map.entry("u", 1e-6), Map.entry("\u00b5", 1e-6), Map.entry("\u03bc", 1e-6),
            Map.entry("m", 1e-3), Map.entry("c", 1e-2), Map.entry("d", 1e-1),
            Map.entry("k", 1e3), Map.entry("M", 1e6), Map.entry("G", 1e9));

    private Units() { }

    /** Parses {@code "<number> [unit]"}; a bare number is dimensionless. */
    public static Quantity parse(String text) {
        if (text == null) {
            throw new InvalidInputException("expected a quantity such as '20 ms', got nothing");
        }
        String t = text.strip();
        int end = numberEnd(t);
        if (end == 0) {
            throw new InvalidInputException("expected a number followed by a unit, such as '20 ms', got '" + text + "'");
        }
        double number;
        try {
            number = Double.parseDouble(t.substring(0, end));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("expected a number followed by a unit, such as '20 ms', got '" + text + "'");
        }
        if (!Double.isFinite(number)) {
            throw new InvalidInputException("expected a finite number, got '" + text + "'");
        }
        String unit = t.substring(end).strip();
        if (unit.isEmpty()) {
            return new Quantity(number, Dimension.DIMENSIONLESS);
        }
        Unit u = parseUnit(unit, text);
        return new Quantity(number * u.scale, u.dimension);
    }

    /**
     * Parses a quantity and checks its dimension; the result is in SI units.
     *
     * @param key the config key or option named in the error message
     */
    public static double parse(String text, Dimension expected, String key) {
        Quantity q;
        try {
            q = parse(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(key + ": expected " + expected.describe() + ", got '" + text + "'");
        }
        if (!q.dimension().equals(expected)) {
            String why = q.dimension().isDimensionless() ? " (a unit is required)" : "";
            throw new InvalidInputException(key + ": expected " + expected.describe() + ", got '" + text.strip() + "'" + why);
        }
        return q.si();
    }

    /** Parses a unit expression alone ("mV", "uA/cm^2") into its SI scale and dimension. */
    public static Quantity unit(String unit) {
        Unit u = parseUnit(unit.strip(), unit);
        return new Quantity(u.scale, u.dimension);
    }

    private static int numberEnd(String t) {
        int i = 0;
        int n = t.length();
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) i++;
        if (t.startsWith("NaN", i) || t.startsWith("Infinity", i)) {
            return i + (t.startsWith("NaN", i) ? 3 : 8);
        }
        boolean digits = false;
        while (i < n && Character.isDigit(t.charAt(i))) { i++; digits = true; }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(t.charAt(i))) { i++; digits = true; }
        }
        if (!digits) return 0;
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (t.charAt(j) == '+' || t.charAt(j) == '-')) j++;
            int k = j;
            while (k < n && Character.isDigit(t.charAt(k))) k++;
            if (k > j) i = k;
        }
        return i;
    }

    private static Unit parseUnit(String unit, String whole) {
        double scale = 1;
        Dimension dim = Dimension.DIMENSIONLESS;
        int i = 0;
        int sign = 1;
        boolean expectTerm = true;
        while (i < unit.length()) {
            char c = unit.charAt(i);
            if (c == ' ' || c == '*' || c == '.' || c == '\u00b7') {
                i++;
                continue;
            }
            if (c == '/') {
                if (sign == -1 && expectTerm) throw badUnit(whole);
                sign = -1;
                expectTerm = true;
                i++;
                continue;
            }
            int start = i;
            while (i < unit.length() && isSymbolChar(unit.charAt(i))) i++;
            if (i == start) throw badUnit(whole);
            String atom = unit.substring(start, i);
            int exponent = 1;
            if (i < unit.length() && unit.charAt(i) == '^') {
                int j = ++i;
                if (i < unit.length() && (unit.charAt(i) == '-' || unit.charAt(i) == '+')) i++;
                while (i < unit.length() && Character.isDigit(unit.charAt(i))) i++;
                try {
                    exponent = Integer.parseInt(unit.substring(j, i));
                } catch (NumberFormatException e) {
                    throw badUnit(whole);
                }
            } else if (i < unit.length() && (unit.charAt(i) == '\u00b2' || unit.charAt(i) == '\u00b3')) {
                exponent = unit.charAt(i) == '\u00b2' ? 2 : 3;
                i++;
            }
            Unit u = atom(atom, whole);
            int e = sign * exponent;
            scale *= Math.pow(u.scale, e);
            dim = dim.times(u.dimension.pow(e));
            sign = 1;
            expectTerm = false;
        }
        if (expectTerm) throw badUnit(whole);
        return new Unit(scale, dim);
    }

    private static boolean isSymbolChar(char c) {
        return Character.isLetter(c) || c == '\u00b5' || c == '\u03bc' || c == '\u03a9';
    }

    private static Unit atom(String atom, String whole) {
        Unit u = SYMBOLS.get(atom);
        if (u != null) return u;
        // prefixes are one character (all of ours are single code units)
        if (atom.length() > 1) {
            Double p = PREFIXES.get(atom.substring(0, 1));
            Unit base = SYMBOLS.get(atom.substring(1));
            if (p != null && base != null) {
                return new Unit(p * base.scale, base.dimension);
            }
        }
        throw new InvalidInputException("unknown unit '" + atom + "' in '" + whole.strip()
                + "'; known units are s, m, g, A, V, S, F, C, Hz, Ohm with prefixes f p n u m c d k M G");
    }

    private static InvalidInputException badUnit(String whole) {
        return new InvalidInputException("malformed unit in '" + whole.strip() + "'; write it like '10 uA/cm^2'");
    }
}
