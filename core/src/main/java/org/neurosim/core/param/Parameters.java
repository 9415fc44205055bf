package org.neurosim.core.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Quantity;
import org.neurosim.core.units.Units;

/**
 * An immutable, validated set of parameter values for one plugin: every declared parameter has a value (the
 * user's or the default), in SI units, with the dimension it was given in. Built by {@link #resolve}, which
 * rejects unknown names, wrong dimensions, NaN and values outside the declared range with a message naming the key.
 */
public final class Parameters {
    private final Map<String, Quantity> values;
    private final Map<String, String> texts;

    private Parameters(Map<String, Quantity> values, Map<String, String> texts) {
        this.values = Collections.unmodifiableMap(values);
        this.texts = Collections.unmodifiableMap(texts);
    }

    /**
     * Checks user-given values against the specs and fills in defaults.
     *
     * @param keyPrefix prefix for error messages, e.g. {@code "populations.exc.params"}
     * @param given     user-given values as text ({@code "20 ms"}), by parameter name
     */
    public static Parameters resolve(List<ParameterSpec> specs, Map<String, String> given, String keyPrefix) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        for (String k : given.keySet()) {
            if (!byName.containsKey(k)) {
                String known = byName.isEmpty() ? "it takes no parameters" : "known parameters: "
                        + String.join(", ", byName.keySet());
                throw new InvalidInputException(key(keyPrefix, k) + ": unknown parameter; " + known);
            }
        }
        Map<String, Quantity> values = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            String text = given.getOrDefault(s.name(), s.defaultValue());
            String key = key(keyPrefix, s.name());
            if (text == null) {
                throw new InvalidInputException(key + ": required, expected " + describe(s));
            }
            texts.put(s.name(), text.strip());
            if (s.kind() == ParameterSpec.Kind.TEXT) {
                continue;
            }
            Quantity q;
            try {
                q = Units.parse(text);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(key + ": expected " + describe(s) + ", got '" + text.strip() + "'");
            }
            if (!s.dimensions().contains(q.dimension())) {
                String why = q.dimension().isDimensionless() ? " (a unit is required)" : "";
                throw new InvalidInputException(key + ": expected " + describe(s) + ", got '" + text.strip() + "'" + why);
            }
            if (s.kind() == ParameterSpec.Kind.INTEGER && q.si() != Math.rint(q.si())) {
                throw new InvalidInputException(key + ": expected a whole number, got '" + text.strip() + "'");
            }
            if (q.si() < s.min() || q.si() > s.max()) {
                throw new InvalidInputException(key + ": " + text.strip() + " is out of range; expected "
                        + range(s));
            }
            values.put(s.name(), q);
        }
        return new Parameters(values, texts);
    }

    /** All defaults. */
    public static Parameters defaults(List<ParameterSpec> specs) {
        return resolve(specs, Map.of(), "params");
    }

    /** "populations.exc.params.tau_m"; a prefix ending in a space (a command-line option) is followed directly. */
    private static String key(String prefix, String name) {
        if (prefix == null || prefix.isEmpty()) return name;
        return prefix.endsWith(" ") ? prefix + name : prefix + "." + name;
    }

    private static String describe(ParameterSpec s) {
        if (s.kind() == ParameterSpec.Kind.TEXT) return "a name";
        if (s.kind() == ParameterSpec.Kind.INTEGER) return "a whole number";
        return s.dimensions().stream().map(Dimension::describe).collect(Collectors.joining(" or "));
    }

    /** "a value of at least 0 ms", "a value from 0 to 20", or null when unbounded: for listings and messages. */
    public static String describeRange(ParameterSpec s) {
        return Double.isInfinite(s.min()) && Double.isInfinite(s.max()) ? null : range(s);
    }

    private static String range(ParameterSpec s) {
        String u = s.unit();
        double scale = u.isEmpty() ? 1 : Units.unit(u).si();
        String lo = Double.isInfinite(s.min()) ? null : fmt(s.min() / scale) + (u.isEmpty() ? "" : " " + u);
        String hi = Double.isInfinite(s.max()) ? null : fmt(s.max() / scale) + (u.isEmpty() ? "" : " " + u);
        // a tiny positive minimum (1e-12 SI and below) stands for "strictly positive"
        boolean abovezero = s.min() > 0 && s.min() <= 1e-12;
        if (abovezero) lo = "0" + (u.isEmpty() ? "" : " " + u);
        if (lo != null && hi != null) return "a value from " + lo + " to " + hi;
        if (lo != null) return (abovezero ? "a value above " : "a value of at least ") + lo;
        return "a value of at most " + hi;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The value in SI units. */
    public double get(String name) {
        Quantity q = values.get(name);
        if (q == null) throw new IllegalArgumentException("no numeric parameter " + name);
        return q.si();
    }

    public int getInt(String name) {
        return (int) Math.round(get(name));
    }

    /** The dimension the value was written in (for parameters accepting several). */
    public Dimension dimensionOf(String name) {
        return values.get(name).dimension();
    }

    /** The value as the user (or the default) wrote it. */
    public String text(String name) {
        String t = texts.get(name);
        if (t == null) throw new IllegalArgumentException("no parameter " + name);
        return t;
    }

    @Override
    public String toString() {
        return texts.toString();
    }
}
