package org.neurosim.core.units;

/**
 * A value in SI units together with its dimension, e.g. {@code 20 ms} is {@code Quantity(0.02, TIME)}.
 *
 * @param si        the value in SI base units
 * @param dimension its dimension
 */
public record Quantity(double si, Dimension dimension) {
    /** The value in the given unit, e.g. {@code in("mV")}; the unit must have the same dimension. */
    public double in(String unit) {
        Quantity u = Units.parse("1 " + unit);
        if (!u.dimension.equals(dimension)) {
            throw new IllegalArgumentException("unit " + unit + " is not " + dimension.describe());
        }
        return si / u.si;
    }
}
