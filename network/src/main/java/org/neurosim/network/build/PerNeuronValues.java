package org.neurosim.network.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.neurosim.core.param.DataValue;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Quantity;
import org.neurosim.core.units.Units;
import org.neurosim.expressions.PerNeuronExpression;
import org.neurosim.network.config.Cfg;

/**
 * Expressions with units for per-neuron values ({@code "rand()*10*mV"}, {@code "v_rest + i*0.1*mV"}) in a
 * population's {@code params} and {@code init}: which texts are expressions, and their values, checked for units
 * against the key's dimension and drawn from the population's stream in neuron order.
 */
final class PerNeuronValues {
    /** A value per neuron an expression may read by name: its dimension and (computed when read) its values. */
    record Named(Dimension dimension, Supplier<double[]> values) { }

    private PerNeuronValues() { }

    /** True for an expression: not a constant, not a distribution (those keep their meaning). */
    static boolean isExpression(String text) {
        return PerNeuronExpression.isExpression(text);
    }

    /**
     * Replaces every expression among the given values of numeric parameters with a value computed per neuron, which
     * reads {@code i}, {@code N}, {@code rand()}, {@code randn()} and the parameters that are not expressions
     * themselves (given or default, in the dimension they are written in).
     */
    static void expressions(List<ParameterSpec> specs, Map<String, Object> given, Cfg params, Cfg init) {
        Map<String, Dimension> plain = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            if (s.kind() != ParameterSpec.Kind.QUANTITY && s.kind() != ParameterSpec.Kind.INTEGER) continue;
            String t = scalar(given.get(s.name()));
            if (t != null && isExpression(t)) {
                texts.put(s.name(), t);
            } else {
                Dimension d = dimensionOf(s, given.get(s.name()));
                if (d != null) plain.put(s.name(), d);
            }
        }
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String name = e.getKey();
            ParameterSpec s = specs.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            String key = (params.has(name) ? params.get(name) : init.get(name)).path;
            PerNeuronExpression x = PerNeuronExpression.parse(e.getValue(), key, plain);
            if (s.dimensions().size() == 1) x.expect(s.dimensions().get(0));
            List<String> names = new ArrayList<>(plain.keySet());
            given.put(name, new Parameters.Computed() {
                @Override public Dimension dimension() { return x.dimension(); }

                @Override public String text() { return x.text(); }

                @Override
                public double[] values(Parameters.PerNeuron perNeuron,
                                       java.util.function.Function<String, double[]> others) {
                    double[][] named = new double[names.size()][];
                    for (int k = 0; k < named.length; k++) named[k] = x.reads(k) ? others.apply(names.get(k)) : null;
                    return x.evaluate(perNeuron.size(), perNeuron.random(), named);
                }
            });
        }
    }

    /**
     * The dimension of a parameter that is not an expression: its spec's when it has one, else the one its value (or
     * default) is written in (lif's v_rest: a bare number or a voltage); null when that cannot be told.
     */
    private static Dimension dimensionOf(ParameterSpec s, Object v) {
        if (s.dimensions().size() == 1) return s.dimensions().get(0);
        String first = v == null ? s.defaultValue() : null;
        if (v instanceof DataValue d && d.present()) {
            first = d.isList() && !d.list().isEmpty() ? d.list().get(0).text() : d.isMap() || d.isList() ? null
                    : d.text();
        }
        if (first == null) return null;
        java.util.regex.Matcher m = org.neurosim.core.param.Distribution.CALL.matcher(first);
        if (m.matches()) first = m.group(2);
        try {
            Dimension d = Units.parse(first.strip()).dimension();
            return s.dimensions().contains(d) ? d : null;
        } catch (RuntimeException notAQuantity) {
            return null;
        }
    }

    /** An expression's values for a key of dimension {@code d}, reading the named values it uses. */
    static double[] evaluate(String text, String key, Dimension d, Map<String, Named> names, int n,
                             SplittableRandom random) {
        Map<String, Dimension> dims = new LinkedHashMap<>();
        names.forEach((k, v) -> dims.put(k, v.dimension()));
        PerNeuronExpression x = PerNeuronExpression.parse(text, key, dims).expect(d);
        double[][] named = new double[dims.size()][];
        List<Named> all = new ArrayList<>(names.values());
        for (int k = 0; k < named.length; k++) named[k] = x.reads(k) ? all.get(k).values().get() : null;
        return x.evaluate(n, random, named);
    }

    /**
     * A data parameter's values per neuron when it is a quantity or a list of quantities of one dimension (an
     * equations model's constants), else null (an expression, text, a file, or a value given in no unit).
     */
    static Named ofData(DataValue v, int n) {
        if (v == null || !v.present() || v.isMap()) return null;
        try {
            if (v.isList()) {
                List<DataValue> items = v.list();
                if (items.size() != n || n == 0) return null;
                Dimension d = Units.parse(items.get(0).text()).dimension();
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    Quantity q = Units.parse(items.get(i).text());
                    if (!q.dimension().equals(d)) return null;
                    out[i] = q.si();
                }
                return new Named(d, out::clone);
            }
            if (isExpression(v.text())) return null;
            Quantity q = Units.parse(v.text());
            return new Named(q.dimension(), () -> {
                double[] out = new double[n];
                java.util.Arrays.fill(out, q.si());
                return out;
            });
        } catch (RuntimeException notAQuantity) {
            return null;
        }
    }

    private static String scalar(Object v) {
        if (v instanceof DataValue d) return d.present() && !d.isList() && !d.isMap() ? d.text() : null;
        return v instanceof String t ? t : null;
    }
}
