package org.neurosim.core.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.stimulus.Signal;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Quantity;
import org.neurosim.core.units.Units;

/**
 * An immutable, validated set of parameter values for one plugin: every declared parameter has a value (the
 * user's or the default), in SI units, with the dimension it was given in. Built by {@link #resolve}, which
 * rejects unknown names, wrong dimensions, NaN and values outside the declared range with a message naming the key.
 */
public final class Parameters {
    // Over 300 lines: the values and the one checker that makes them (resolve), for plugin writers in one place.
    private final Map<String, Quantity> values;
    private final Map<String, String> texts;
    private final Map<String, Object> structured;   // DataValue for DATA, Signal for SIGNAL
    private final Map<String, double[]> varying;   // quantities given a different value per neuron (SI)
    private final Map<String, String> keys;   // full config keys of the varying ones, for messages

    private Parameters(Map<String, Quantity> values, Map<String, String> texts, Map<String, Object> structured,
                       Map<String, double[]> varying, Map<String, String> keys) {
        this.values = Collections.unmodifiableMap(values);
        this.texts = Collections.unmodifiableMap(texts);
        this.structured = Collections.unmodifiableMap(structured);
        this.varying = Collections.unmodifiableMap(varying);
        this.keys = Collections.unmodifiableMap(keys);
    }

    /**
     * Where a parameter may take a value per neuron (a population's {@code params}): the population's size and the
     * stream distributions draw from, in neuron order.
     */
    public record PerNeuron(int size, SplittableRandom random) { }

    /**
     * A value per neuron that the loader computes (an expression such as {@code "v_rest + i*0.1*mV"}), given in
     * place of a text: its dimension, checked against the parameter's, and its values, computed in neuron order
     * from the population's stream when the parameter's turn comes (so that draws follow the parameters' order).
     */
    public interface Computed {
        /** The dimension of every value. */
        Dimension dimension();

        /** The value as the user wrote it. */
        String text();

        /**
         * One value per neuron in SI units.
         *
         * @param others the values per neuron (SI) of the other parameters, by name: every parameter that is not
         *               itself computed is resolved before any computed one
         */
        double[] values(PerNeuron perNeuron, java.util.function.Function<String, double[]> others);
    }

    /** Checks user-given values (as text, {@code "20 ms"}) against the specs and fills in defaults. */
    public static Parameters resolve(List<ParameterSpec> specs, Map<String, ?> given, String keyPrefix) {
        return resolve(specs, given, keyPrefix, null);
    }

    /**
     * Checks user-given values against the specs and fills in defaults.
     *
     * @param keyPrefix      prefix for error messages, e.g. {@code "populations.exc.params"}
     * @param given          by parameter name: text ({@code "20 ms"}), a {@link DataValue} (DATA parameters, or any
     *                       value given as config data), or a ready {@link Signal} (SIGNAL parameters)
     * @param inputDimension the dimension of {@link ParameterSpec.Kind#INPUT} parameters (null: none expected)
     */
    public static Parameters resolve(List<ParameterSpec> specs, Map<String, ?> given, String keyPrefix,
                                     Dimension inputDimension) {
        return resolve(specs, given, keyPrefix, inputDimension, null);
    }

    /**
     * As above, where quantities may also be given per neuron: a list of one value per neuron, or a distribution
     * ({@code uniform(a, b)}, {@code normal(mean, sd)}, {@code lognormal(mean, sd)}) drawn in neuron order. Each
     * value is checked as a single one would be. A model reads such a parameter with {@link #values}; reading it with
     * {@link #get} refuses it with a line naming the key (the model takes one value for the population there).
     *
     * @param perNeuron the population's size and stream; null where no per-neuron values are allowed
     */
    public static Parameters resolve(List<ParameterSpec> specs, Map<String, ?> given, String keyPrefix,
                                     Dimension inputDimension, PerNeuron perNeuron) {
        refuseUnknown(specs, given, keyPrefix);
        Resolved out = new Resolved();
        for (ParameterSpec s : specs) {
            Object v = given.get(s.name());
            String key = key(keyPrefix, s.name());
            if (s.kind() == ParameterSpec.Kind.DATA) {
                if (v == null && s.defaultValue() == null) {
                    throw new InvalidInputException(key + ": required, expected " + describe(s, inputDimension));
                }
                out.structured.put(s.name(), v instanceof DataValue d ? d : new DataValue(v == null ? s.defaultValue()
                        : String.valueOf(v), key, null));
                continue;
            }
            if (v instanceof Signal signal && s.kind() == ParameterSpec.Kind.SIGNAL) {
                out.structured.put(s.name(), signal);
                out.texts.put(s.name(), "(stimulus)");
                continue;
            }
            if (v instanceof Computed) {   // after the others, which it may read; its place kept in the order
                out.values.put(s.name(), null);
                out.texts.put(s.name(), null);
                continue;
            }
            if ((s.kind() == ParameterSpec.Kind.QUANTITY || s.kind() == ParameterSpec.Kind.INTEGER)
                    && isPerNeuron(v)) {
                double[] each = eachNeuron(s, v, key, inputDimension, perNeuron);
                Quantity first = new Quantity(each[0], dimensionOfPerNeuron(s, v, key, inputDimension));
                out.values.put(s.name(), first);
                out.texts.put(s.name(), v instanceof DataValue d && d.isList() ? d.list().size() + " values"
                        : text(v).strip());
                if (!allEqual(each)) {
                    out.varying.put(s.name(), each);
                    out.keys.put(s.name(), key);
                }
                continue;
            }
            single(out, s, v, key, inputDimension);
        }
        for (ParameterSpec s : specs) {
            if (given.get(s.name()) instanceof Computed c) {
                computed(out, s, c, key(keyPrefix, s.name()), inputDimension, perNeuron);
            }
        }
        return new Parameters(out.values, out.texts, out.structured, out.varying, out.keys);
    }

    /** A value per neuron the loader computes: its dimension, then every neuron's value, checked. */
    private static void computed(Resolved out, ParameterSpec s, Computed c, String key, Dimension inputDimension,
                                 PerNeuron perNeuron) {
        boolean numeric = s.kind() == ParameterSpec.Kind.QUANTITY || s.kind() == ParameterSpec.Kind.INTEGER
                || s.kind() == ParameterSpec.Kind.INPUT;
        if (!numeric) {
            throw new InvalidInputException(key + ": expected " + describe(s, inputDimension) + ", got '" + c.text()
                    + "'");
        }
        if (perNeuron == null) {
            throw new InvalidInputException(key + ": expected one value (" + describe(s, inputDimension)
                    + "); values per neuron are taken by a population's params only");
        }
        boolean fits = s.kind() == ParameterSpec.Kind.INPUT ? c.dimension().equals(inputDimension)
                : s.dimensions().contains(c.dimension());
        if (!fits) {
            throw new InvalidInputException(key + ": expected " + describe(s, inputDimension) + ", got '" + c.text()
                    + "' (" + (c.dimension().isDimensionless() ? "a bare number" : c.dimension().shortName()) + ")");
        }
        double[] each = c.values(perNeuron, name -> {
            double[] v = out.varying.get(name);
            if (v != null) return v.clone();
            Quantity q = out.values.get(name);
            if (q == null) return null;
            double[] all = new double[perNeuron.size()];
            java.util.Arrays.fill(all, q.si());
            return all;
        });
        for (int i = 0; i < each.length; i++) {
            double x = each[i];
            if (s.kind() == ParameterSpec.Kind.INTEGER && x != Math.rint(x)) {
                throw new InvalidInputException(key + ": '" + c.text() + "' is " + x + " for neuron " + i
                        + "; expected a whole number for every neuron");
            }
            if (x < s.min() || x > s.max()) {
                throw new InvalidInputException(key + ": '" + c.text() + "' is " + x + " (SI) for neuron " + i
                        + ", out of range; expected " + range(s) + " for every neuron");
            }
        }
        out.values.put(s.name(), new Quantity(each.length == 0 ? 0 : each[0], c.dimension()));
        out.texts.put(s.name(), c.text());
        if (each.length > 0 && !allEqual(each)) {
            out.varying.put(s.name(), each);
            out.keys.put(s.name(), key);
        }
    }

    /** What resolve fills in, parameter by parameter: the fields of the Parameters it makes. */
    private static final class Resolved {
        final Map<String, Quantity> values = new LinkedHashMap<>();
        final Map<String, String> texts = new LinkedHashMap<>();
        final Map<String, Object> structured = new LinkedHashMap<>();
        final Map<String, double[]> varying = new LinkedHashMap<>();
        final Map<String, String> keys = new LinkedHashMap<>();
    }

    /** Refuses a given name that no spec declares, with the names that are known. */
    private static void refuseUnknown(List<ParameterSpec> specs, Map<String, ?> given, String keyPrefix) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        for (String k : given.keySet()) {
            if (!byName.containsKey(k)) {
                String known = byName.isEmpty() ? "it takes no parameters" : "known parameters: "
                        + String.join(", ", byName.keySet());
                throw new InvalidInputException(key(keyPrefix, k) + ": unknown parameter"
                        + org.neurosim.core.Suggestions.didYouMean(k, byName.keySet()) + "; " + known);
            }
        }
    }

    /** One value (given, or the default) of a parameter that is not data: checked for its kind, unit and range. */
    private static void single(Resolved out, ParameterSpec s, Object v, String key, Dimension inputDimension) {
        if (v instanceof DataValue d) {
            v = d.text();   // a scalar given as config data
        }
        String text = v != null ? String.valueOf(v) : s.defaultValue();
        if (text == null) {
            throw new InvalidInputException(key + ": required, expected " + describe(s, inputDimension));
        }
        out.texts.put(s.name(), text.strip());
        switch (s.kind()) {
            case TEXT -> { return; }
            case FLAG -> {
                if (!text.strip().equals("true") && !text.strip().equals("false")) {
                    throw new InvalidInputException(key + ": expected true or false, got '" + text.strip() + "'");
                }
                return;
            }
            default -> { }
        }
        Quantity q;
        try {
            q = quantity(s, text, key, inputDimension);
            if (s.kind() == ParameterSpec.Kind.INTEGER && q.si() != Math.rint(q.si())) {
                throw new InvalidInputException(key + ": expected a whole number, got '" + text.strip() + "'");
            }
            if (q.si() < s.min() || q.si() > s.max()) {
                throw new InvalidInputException(key + ": " + text.strip() + " is out of range; expected "
                        + range(s));
            }
        } catch (InvalidInputException e) {
            if (v != null) throw e;
            // the user wrote nothing here: the plugin's own default is wrong, and the message must say so
            throw new InvalidInputException("the plugin's default for parameter '" + s.name() + "' ('"
                    + text.strip() + "') is invalid: " + e.getMessage().substring(key.length() + 2)
                    + "; set " + key + " yourself, and tell the plugin's author");
        }
        out.values.put(s.name(), q);
        if (s.kind() == ParameterSpec.Kind.SIGNAL) out.structured.put(s.name(), Signal.constant(q.si()));
    }

    private static String text(Object v) {
        return v instanceof DataValue d ? d.text() : String.valueOf(v);
    }

    private static boolean isPerNeuron(Object v) {
        if (v instanceof DataValue d && d.isList()) return true;
        if (v == null || v instanceof DataValue d && (d.isMap() || !d.present())) return false;
        return Distribution.CALL.matcher(text(v)).matches();
    }

    /** The dimension a list or distribution is written in (its first value's, or the distribution's first argument's). */
    private static Dimension dimensionOfPerNeuron(ParameterSpec s, Object v, String key, Dimension inputDimension) {
        String first;
        if (v instanceof DataValue d && d.isList()) {
            first = d.list().get(0).text();
        } else {
            java.util.regex.Matcher m = Distribution.CALL.matcher(text(v));
            if (!m.matches()) throw new IllegalStateException();
            first = m.group(2).strip();
        }
        return quantity(s, first, key, inputDimension).dimension();
    }

    /** One value per neuron from a list or a distribution, each checked as a single value would be. */
    private static double[] eachNeuron(ParameterSpec s, Object v, String key, Dimension inputDimension,
                                       PerNeuron perNeuron) {
        if (perNeuron == null) {
            throw new InvalidInputException(key + ": expected one value (" + describe(s, inputDimension)
                    + "); values per neuron are taken by a population's params only");
        }
        int n = perNeuron.size();
        double[] out = new double[n];
        if (v instanceof DataValue d && d.isList()) {
            List<DataValue> items = d.list();
            if (items.size() != n) {
                throw new InvalidInputException(key + ": expected " + n + " values (one per neuron), got "
                        + items.size());
            }
            Dimension dim = dimensionOfPerNeuron(s, v, key, inputDimension);
            for (int i = 0; i < n; i++) {
                String k = key + "[" + i + "]";
                Quantity q = quantity(s, items.get(i).text(), k, inputDimension);
                if (!q.dimension().equals(dim)) {
                    throw new InvalidInputException(k + ": expected " + dim.describe() + " as the list's first value, got '"
                            + items.get(i).text().strip() + "'");
                }
                out[i] = checked(s, q.si(), items.get(i).text().strip(), k);
            }
            return out;
        }
        String text = text(v).strip();
        Distribution dist = Distribution.parse(text, dimensionOfPerNeuron(s, v, key, inputDimension), key);
        if (s.kind() == ParameterSpec.Kind.INTEGER) {
            throw new InvalidInputException(key + ": expected a whole number or a list of them, got '" + text + "'");
        }
        for (int i = 0; i < n; i++) {
            double x = dist.sample(perNeuron.random());
            if (x < s.min() || x > s.max()) {
                throw new InvalidInputException(key + ": '" + text + "' drew " + x + " (SI) for neuron " + i
                        + ", out of range; expected " + range(s) + " for every neuron: narrow the distribution");
            }
            out[i] = x;
        }
        return out;
    }

    private static double checked(ParameterSpec s, double si, String text, String key) {
        if (s.kind() == ParameterSpec.Kind.INTEGER && si != Math.rint(si)) {
            throw new InvalidInputException(key + ": expected a whole number, got '" + text + "'");
        }
        if (si < s.min() || si > s.max()) {
            throw new InvalidInputException(key + ": " + text + " is out of range; expected " + range(s));
        }
        return si;
    }

    private static boolean allEqual(double[] a) {
        for (double x : a) if (Double.doubleToLongBits(x) != Double.doubleToLongBits(a[0])) return false;
        return true;
    }

    private static Quantity quantity(ParameterSpec s, String text, String key, Dimension inputDimension) {
        Quantity q;
        try {
            q = Units.parse(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(key + ": expected " + describe(s, inputDimension) + ", got '"
                    + text.strip() + "'");
        }
        if (s.kind() == ParameterSpec.Kind.INPUT) {
            if (inputDimension == null) throw new IllegalStateException(key + ": no input dimension given");
            // zero is zero in any unit: an INPUT default of "0" serves every dimension
            if (q.si() == 0 && q.dimension().isDimensionless()) return new Quantity(0, inputDimension);
            if (q.dimension().equals(inputDimension)) return q;
        } else if (s.dimensions().contains(q.dimension())) {
            return q;
        }
        String why = q.dimension().isDimensionless() ? " (a unit is required)" : "";
        throw new InvalidInputException(key + ": expected " + describe(s, inputDimension) + ", got '" + text.strip()
                + "'" + why);
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

    private static String describe(ParameterSpec s, Dimension inputDimension) {
        switch (s.kind()) {
            case TEXT: return "a name";
            case FLAG: return "true or false";
            case INTEGER: return "a whole number";
            case DATA: return "a value: " + s.description();
            case INPUT: return inputDimension == null ? "a quantity" : inputDimension.describe();
            default: break;
        }
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

    /**
     * The value in SI units. A parameter given a different value per neuron is refused here, with a line naming its
     * key: a model that takes per-neuron values for it reads them with {@link #values}.
     */
    public double get(String name) {
        if (varying.containsKey(name)) {
            throw new InvalidInputException(keys.get(name) + ": this model takes one value for the whole population "
                    + "here, not one per neuron");
        }
        Quantity q = values.get(name);
        if (q == null) {
            throw new IllegalArgumentException(structured.containsKey(name) ? "parameter " + name
                    + " is a stimulus, not one number; read it with signal()" : "no numeric parameter " + name);
        }
        return q.si();
    }

    /** The value of each of {@code size} neurons in SI units (a fresh array; all equal unless given per neuron). */
    public double[] values(String name, int size) {
        double[] each = varying.get(name);
        if (each != null) {
            if (each.length != size) {
                throw new IllegalArgumentException(name + ": " + each.length + " values given, " + size + " neurons");
            }
            return each.clone();
        }
        double[] out = new double[size];
        java.util.Arrays.fill(out, get(name));
        return out;
    }

    /** True when the parameter has one value for every neuron. */
    public boolean uniform(String name) {
        return !varying.containsKey(name);
    }

    public boolean flag(String name) {
        return text(name).equals("true");
    }

    /** A {@link ParameterSpec.Kind#DATA} parameter. */
    public DataValue data(String name) {
        Object d = structured.get(name);
        if (!(d instanceof DataValue v)) throw new IllegalArgumentException("no data parameter " + name);
        return v;
    }

    /** A {@link ParameterSpec.Kind#SIGNAL} parameter: a constant for a plain quantity, else the stimulus given. */
    public Signal signal(String name) {
        Object d = structured.get(name);
        if (!(d instanceof Signal v)) throw new IllegalArgumentException("no signal parameter " + name);
        return v;
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
