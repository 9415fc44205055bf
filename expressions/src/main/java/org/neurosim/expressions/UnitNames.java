package org.neurosim.expressions;

import java.util.LinkedHashMap;
import java.util.Map;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Quantity;
import org.neurosim.core.units.Units;

/**
 * The unit names an equation may use, as in Brian2: the config's symbols with prefixes ({@code mV}, {@code ms},
 * {@code nS}, {@code pF}, {@code uA}, {@code Hz}), Brian2's long names with prefixes ({@code volt}, {@code mvolt},
 * {@code second}, {@code msecond}, {@code amp}, {@code namp}, {@code siemens}, {@code farad}, {@code hertz},
 * {@code ohm}, {@code metre}/{@code meter}, {@code coulomb}, {@code gram}), a trailing 2 or 3 for a power
 * ({@code cm2}, {@code um2}, {@code metre2}), and {@code 1} for no unit.
 */
public final class UnitNames {
    private static final Map<String, Quantity> LONG = new LinkedHashMap<>();
    private static final Map<String, Double> PREFIX = new LinkedHashMap<>();

    static {
        LONG.put("volt", new Quantity(1, Dimension.VOLTAGE));
        LONG.put("amp", new Quantity(1, Dimension.CURRENT));
        LONG.put("ampere", new Quantity(1, Dimension.CURRENT));
        LONG.put("second", new Quantity(1, Dimension.TIME));
        LONG.put("siemens", new Quantity(1, Dimension.CONDUCTANCE));
        LONG.put("farad", new Quantity(1, Dimension.CAPACITANCE));
        LONG.put("hertz", new Quantity(1, Dimension.FREQUENCY));
        LONG.put("ohm", new Quantity(1, Dimension.RESISTANCE));
        LONG.put("metre", new Quantity(1, Dimension.LENGTH));
        LONG.put("meter", new Quantity(1, Dimension.LENGTH));
        LONG.put("coulomb", new Quantity(1, Dimension.CHARGE));
        LONG.put("gram", new Quantity(1e-3, new Dimension(0, 1, 0, 0)));
        LONG.put("kilogram", new Quantity(1, new Dimension(0, 1, 0, 0)));
        PREFIX.put("f", 1e-15);
        PREFIX.put("p", 1e-12);
        PREFIX.put("n", 1e-9);
        PREFIX.put("u", 1e-6);
        PREFIX.put("m", 1e-3);
        PREFIX.put("c", 1e-2);
        PREFIX.put("d", 1e-1);
        PREFIX.put("k", 1e3);
        PREFIX.put("M", 1e6);
        PREFIX.put("G", 1e9);
    }

    private UnitNames() { }

    /** The unit's SI scale and dimension, or null when {@code name} is not a unit. */
    public static Quantity resolve(String name) {
        Quantity q = single(name);
        if (q != null) return q;
        char last = name.charAt(name.length() - 1);
        if (name.length() > 1 && (last == '2' || last == '3')) {
            Quantity base = single(name.substring(0, name.length() - 1));
            int e = last - '0';
            if (base != null) return new Quantity(Math.pow(base.si(), e), base.dimension().pow(e));
        }
        return null;
    }

    private static Quantity single(String name) {
        Quantity q = LONG.get(name);
        if (q != null) return q;
        if (name.length() > 1) {
            Double p = PREFIX.get(name.substring(0, 1));
            Quantity base = LONG.get(name.substring(1));
            if (p != null && base != null) return new Quantity(p * base.si(), base.dimension());
        }
        if (!name.chars().allMatch(Character::isLetter)) return null;
        try {
            return Units.unit(name);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** A dimension as a unit a reader knows: {@code V}, {@code A/m^2}, {@code V/s}, else SI base units. */
    public static String format(Dimension d) {
        if (d.isDimensionless()) return "1 (dimensionless)";
        Map<Dimension, String> known = new LinkedHashMap<>();
        String[][] named = {{"V"}, {"A"}, {"S"}, {"F"}, {"s"}, {"Hz"}, {"Ohm"}, {"C"}, {"m"}};
        Dimension[] dims = {Dimension.VOLTAGE, Dimension.CURRENT, Dimension.CONDUCTANCE, Dimension.CAPACITANCE,
                Dimension.TIME, Dimension.FREQUENCY, Dimension.RESISTANCE, Dimension.CHARGE, Dimension.LENGTH};
        for (int i = 0; i < dims.length; i++) known.put(dims[i], named[i][0]);
        String direct = known.get(d);
        if (direct != null) return direct;
        // a named unit per second or per area (the forms a derivative or a density takes)
        for (int i = 0; i < dims.length; i++) {
            if (d.equals(dims[i].divide(Dimension.TIME))) return named[i][0] + "/s";
            if (d.equals(dims[i].divide(Dimension.AREA))) return named[i][0] + "/m^2";
            if (d.equals(dims[i].divide(Dimension.AREA).divide(Dimension.TIME))) return named[i][0] + "/(m^2 s)";
        }
        StringBuilder b = new StringBuilder();
        append(b, "kg", d.kilogram());
        append(b, "m", d.metre());
        append(b, "s", d.second());
        append(b, "A", d.ampere());
        return b.toString().strip();
    }

    private static void append(StringBuilder b, String unit, int e) {
        if (e == 0) return;
        b.append(' ').append(unit);
        if (e != 1) b.append('^').append(e);
    }

    /** "a voltage (V)": how an error names a dimension. */
    public static String describe(Dimension d) {
        String name = d.shortName();
        if (d.isDimensionless()) return "dimensionless";
        return name.startsWith("[") ? format(d) : "a " + name + " (" + format(d) + ")";
    }
}
