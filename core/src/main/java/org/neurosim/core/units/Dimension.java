package org.neurosim.core.units;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A physical dimension as exponents of the SI base units metre, kilogram, second and ampere.
 * The named constants are the dimensions that occur in neuron models.
 */
public record Dimension(int metre, int kilogram, int second, int ampere) {
    public static final Dimension DIMENSIONLESS = new Dimension(0, 0, 0, 0);
    public static final Dimension TIME = new Dimension(0, 0, 1, 0);
    public static final Dimension FREQUENCY = new Dimension(0, 0, -1, 0);
    public static final Dimension LENGTH = new Dimension(1, 0, 0, 0);
    public static final Dimension AREA = new Dimension(2, 0, 0, 0);
    public static final Dimension CURRENT = new Dimension(0, 0, 0, 1);
    public static final Dimension VOLTAGE = new Dimension(2, 1, -3, -1);
    public static final Dimension CONDUCTANCE = new Dimension(-2, -1, 3, 2);
    public static final Dimension RESISTANCE = new Dimension(2, 1, -3, -2);
    public static final Dimension CAPACITANCE = new Dimension(-2, -1, 4, 2);
    public static final Dimension CHARGE = new Dimension(0, 0, 1, 1);
    public static final Dimension CURRENT_DENSITY = CURRENT.divide(AREA);
    public static final Dimension CONDUCTANCE_DENSITY = CONDUCTANCE.divide(AREA);
    public static final Dimension CAPACITANCE_DENSITY = CAPACITANCE.divide(AREA);

    private static final Map<Dimension, String[]> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(DIMENSIONLESS, new String[] {"a bare number", "0.5"});
        NAMES.put(TIME, new String[] {"a time", "20 ms"});
        NAMES.put(FREQUENCY, new String[] {"a frequency", "5 Hz"});
        NAMES.put(LENGTH, new String[] {"a length", "10 um"});
        NAMES.put(AREA, new String[] {"an area", "20000 um^2"});
        NAMES.put(CURRENT, new String[] {"a current", "0.5 nA"});
        NAMES.put(VOLTAGE, new String[] {"a voltage", "-65 mV"});
        NAMES.put(CONDUCTANCE, new String[] {"a conductance", "6 nS"});
        NAMES.put(RESISTANCE, new String[] {"a resistance", "100 MOhm"});
        NAMES.put(CAPACITANCE, new String[] {"a capacitance", "200 pF"});
        NAMES.put(CHARGE, new String[] {"a charge", "1 pC"});
        NAMES.put(CURRENT_DENSITY, new String[] {"a current density", "10 uA/cm^2"});
        NAMES.put(CONDUCTANCE_DENSITY, new String[] {"a conductance density", "120 mS/cm^2"});
        NAMES.put(CAPACITANCE_DENSITY, new String[] {"a capacitance density", "1 uF/cm^2"});
    }

    public Dimension times(Dimension o) {
        return new Dimension(metre + o.metre, kilogram + o.kilogram, second + o.second, ampere + o.ampere);
    }

    public Dimension divide(Dimension o) {
        return new Dimension(metre - o.metre, kilogram - o.kilogram, second - o.second, ampere - o.ampere);
    }

    public Dimension pow(int n) {
        return new Dimension(metre * n, kilogram * n, second * n, ampere * n);
    }

    public boolean isDimensionless() {
        return equals(DIMENSIONLESS);
    }

    /** "a time such as '20 ms'": how error messages name an expected dimension. */
    public String describe() {
        String[] n = NAMES.get(this);
        if (n == null) {
            return "a quantity of dimension " + this;
        }
        return isDimensionless() ? "a bare number such as '" + n[1] + "'" : n[0] + " such as '" + n[1] + "'";
    }

    /** A short name: "time", "voltage", "current density". */
    public String shortName() {
        String[] n = NAMES.get(this);
        if (n == null) {
            return toString();
        }
        return isDimensionless() ? "number" : n[0].substring(n[0].indexOf(' ') + 1);
    }

    @Override
    public String toString() {
        return "[m^" + metre + " kg^" + kilogram + " s^" + second + " A^" + ampere + "]";
    }
}
