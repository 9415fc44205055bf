package org.neurosim.core.param;

import java.util.List;
import java.util.Objects;
import org.neurosim.core.units.Dimension;

/**
 * A parameter a plugin declares: its name, the dimensions it accepts (the first is the usual one), its default as
 * text (as a user writes it, e.g. {@code "20 ms"}), its valid range in SI units and a one-line description.
 * A {@link Kind#TEXT} parameter holds a name (e.g. the activation of a rate neuron) and has no dimension;
 * {@link Kind#FLAG} is true or false; {@link Kind#INPUT} is a quantity in the dimension of whatever the plugin drives
 * (a stimulus's amplitude is a current for HH and a voltage for LIF), fixed where it is used; {@link Kind#SIGNAL} is a
 * quantity or any stimulus form (a Poisson source's rate); {@link Kind#DATA} is a structured value (a matrix, a
 * list of steps) handed over as a {@link DataValue}.
 */
public record ParameterSpec(String name, Kind kind, List<Dimension> dimensions, String defaultValue,
                            double min, double max, String description) {

    public enum Kind { QUANTITY, INTEGER, TEXT, FLAG, INPUT, SIGNAL, DATA }

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        dimensions = List.copyOf(dimensions);
        if ((kind == Kind.QUANTITY || kind == Kind.INTEGER || kind == Kind.SIGNAL) && dimensions.isEmpty()) {
            throw new IllegalArgumentException("parameter " + name + " needs a dimension");
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException("parameter " + name + ": min > max");
        }
    }

    /** A quantity of one dimension with a default and no range limit. */
    public static ParameterSpec quantity(String name, Dimension dimension, String defaultValue, String description) {
        return new ParameterSpec(name, Kind.QUANTITY, List.of(dimension), defaultValue,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, description);
    }

    /** A quantity that must be at least {@code min} (SI). */
    public static ParameterSpec positive(String name, Dimension dimension, String defaultValue, String description) {
        return new ParameterSpec(name, Kind.QUANTITY, List.of(dimension), defaultValue, 0, Double.POSITIVE_INFINITY,
                description);
    }

    public static ParameterSpec integer(String name, String defaultValue, int min, int max, String description) {
        return new ParameterSpec(name, Kind.INTEGER, List.of(Dimension.DIMENSIONLESS), defaultValue, min, max,
                description);
    }

    public static ParameterSpec text(String name, String defaultValue, String description) {
        return new ParameterSpec(name, Kind.TEXT, List.of(), defaultValue, 0, 0, description);
    }

    public static ParameterSpec flag(String name, String defaultValue, String description) {
        return new ParameterSpec(name, Kind.FLAG, List.of(), defaultValue, 0, 0, description);
    }

    /** A quantity in the dimension of the input the plugin drives; a default other than "0" has no unit to carry. */
    public static ParameterSpec input(String name, String defaultValue, String description) {
        return new ParameterSpec(name, Kind.INPUT, List.of(), defaultValue, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, description);
    }

    /** A quantity or a stimulus form (sine, pulses, noise, steps, a plugin's) of the given dimension. */
    public static ParameterSpec signal(String name, Dimension dimension, String defaultValue, String description) {
        return new ParameterSpec(name, Kind.SIGNAL, List.of(dimension), defaultValue, 0, Double.POSITIVE_INFINITY,
                description);
    }

    /** A structured value (list, mapping, file name), required unless a default text is given. */
    public static ParameterSpec data(String name, String description) {
        return new ParameterSpec(name, Kind.DATA, List.of(), null, 0, 0, description);
    }

    /** This spec accepting also the given dimensions (e.g. a voltage or a bare number). */
    public ParameterSpec alsoAccepting(Dimension... more) {
        var all = new java.util.ArrayList<>(dimensions);
        all.addAll(List.of(more));
        return new ParameterSpec(name, kind, all, defaultValue, min, max, description);
    }

    /** This spec with a range in SI units. */
    public ParameterSpec range(double min, double max) {
        return new ParameterSpec(name, kind, dimensions, defaultValue, min, max, description);
    }

    /** The unit people write this parameter in, derived from the default ("ms", "mV", "" for numbers). */
    public String unit() {
        if (kind == Kind.INPUT) {
            return "input";
        }
        if (kind == Kind.TEXT || kind == Kind.FLAG || kind == Kind.DATA || defaultValue == null) {
            return "";
        }
        String d = defaultValue.strip();
        int i = 0;
        while (i < d.length() && "+-.0123456789eE".indexOf(d.charAt(i)) >= 0) i++;
        return d.substring(i).strip();
    }
}
