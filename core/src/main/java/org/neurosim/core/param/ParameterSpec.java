package org.neurosim.core.param;

import java.util.List;
import java.util.Objects;
import org.neurosim.core.units.Dimension;

/**
 * A parameter a plugin declares: its name, the dimensions it accepts (the first is the usual one), its default as
 * text (as a user writes it, e.g. {@code "20 ms"}), its valid range in SI units and a one-line description.
 * A {@link Kind#TEXT} parameter holds a name (e.g. the activation of a rate neuron) and has no dimension.
 */
public record ParameterSpec(String name, Kind kind, List<Dimension> dimensions, String defaultValue,
                            double min, double max, String description) {

    public enum Kind { QUANTITY, INTEGER, TEXT }

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        dimensions = List.copyOf(dimensions);
        if (kind != Kind.TEXT && dimensions.isEmpty()) {
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
        if (kind == Kind.TEXT || defaultValue == null) {
            return "";
        }
        String d = defaultValue.strip();
        int i = 0;
        while (i < d.length() && "+-.0123456789eE".indexOf(d.charAt(i)) >= 0) i++;
        return d.substring(i).strip();
    }
}
