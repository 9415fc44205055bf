package org.neurosim.network.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.param.DataValue;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Units;

/**
 * A node of a parsed config with its key path ({@code projections[2].synapse.tau}), so that every error names
 * where it is. Missing nodes are represented with a null {@link #node}.
 */
public final class Cfg {
    public final JsonNode node;
    public final String path;

    public Cfg(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public boolean present() {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    public Cfg get(String key) {
        JsonNode child = node == null ? null : node.get(key);
        return new Cfg(child, path.isEmpty() ? key : path + "." + key);
    }

    public boolean has(String key) {
        return get(key).present();
    }

    public InvalidInputException error(String what) {
        return new InvalidInputException((path.isEmpty() ? "config" : path) + ": " + what);
    }

    /** Fails on any key not in {@code allowed}. */
    public void allowOnly(Set<String> allowed) {
        if (!present()) return;
        if (!node.isObject()) throw error("expected a mapping of keys " + String.join(", ", allowed));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw get(k).error("unknown key" + org.neurosim.core.Suggestions.didYouMean(k, allowed)
                        + "; expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    public Cfg required() {
        if (!present()) throw error("required key is missing");
        return this;
    }

    /** A scalar as text. */
    public String text() {
        required();
        if (!node.isValueNode()) throw error("expected a single value, got " + kind());
        return node.asText();
    }

    public String text(String def) {
        return present() ? text() : def;
    }

    public double quantity(Dimension d) {
        return Units.parse(text(), d, path);
    }

    public double quantity(Dimension d, String def) {
        return present() ? quantity(d) : Units.parse(def, d, path);
    }

    public double number() {
        String t = text();
        try {
            double v = Double.parseDouble(t.strip());
            if (!Double.isFinite(v)) throw error("expected a finite number, got '" + t + "'");
            return v;
        } catch (NumberFormatException e) {
            throw error("expected a number, got '" + t + "'");
        }
    }

    public long integer(long min, long max) {
        String t = text().strip();
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw error("expected a whole number, got '" + t + "'");
        }
        if (v < min || v > max) throw error("expected a whole number from " + min + " to " + max + ", got " + v);
        return v;
    }

    public boolean bool() {
        String t = text().strip();
        if (t.equals("true")) return true;
        if (t.equals("false")) return false;
        throw error("expected true or false, got '" + t + "'");
    }

    public boolean isList() {
        return present() && node.isArray();
    }

    public boolean isMap() {
        return present() && node.isObject();
    }

    public List<Cfg> list() {
        required();
        if (!node.isArray()) throw error("expected a list, got " + kind());
        List<Cfg> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) out.add(new Cfg(node.get(i), path + "[" + i + "]"));
        return out;
    }

    /** A mapping's entries in order. */
    public Map<String, Cfg> entries() {
        required();
        if (!node.isObject()) throw error("expected a mapping, got " + kind());
        Map<String, Cfg> out = new LinkedHashMap<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            out.put(k, get(k));
        }
        return out;
    }

    /** One name or a list of names. */
    public List<String> names() {
        if (isList()) return list().stream().map(Cfg::text).toList();
        return List.of(text());
    }

    /** This value as config data for a plugin (text, lists and mappings), file names relative to baseDir. */
    public DataValue data(java.nio.file.Path baseDir) {
        return data(baseDir, f -> { });
    }

    /** As above; {@code onFile} is told of every file the plugin reads through the value (the run's inputs). */
    public DataValue data(java.nio.file.Path baseDir, java.util.function.Consumer<java.nio.file.Path> onFile) {
        return new DataValue(present() ? plain(node) : null, path, baseDir, onFile);
    }

    /** A mapping's entries as a plugin's given parameters, each as config data (file names keep the folder). */
    public Map<String, Object> given(java.nio.file.Path baseDir) {
        return given(baseDir, f -> { });
    }

    /** As above, telling {@code onFile} of every file read through the values. */
    public Map<String, Object> given(java.nio.file.Path baseDir, java.util.function.Consumer<java.nio.file.Path> onFile) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!present()) return out;
        for (Map.Entry<String, Cfg> e : entries().entrySet()) {
            out.put(e.getKey(), e.getValue().data(baseDir, onFile));
        }
        return out;
    }

    private static Object plain(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(plain(x)));
            return l;
        }
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), plain(e.getValue())));
            return m;
        }
        return n.asText();
    }

    private String kind() {
        if (node.isArray()) return "a list";
        if (node.isObject()) return "a mapping";
        return "'" + node.asText() + "'";
    }
}
