package org.neurosim.core.param;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Units;

/**
 * A structured config value handed to a plugin as a {@link ParameterSpec.Kind#DATA} parameter (a matrix, a list
 * of steps, spike times per neuron, a file name): a plain tree of text, lists and mappings with its key path, so
 * that every error a plugin raises names where the value is. Relative file names resolve against the config's
 * folder.
 */
public final class DataValue {
    private final Object value;   // String, List<?> or Map<String, ?>; null when absent
    private final String path;
    private final Path baseDir;
    // told of every file this value (or a part of it) names, so that the run knows its input files: a resume checks
    // they did not change, and no output folder may hold them
    private final Consumer<Path> onFile;

    public DataValue(Object value, String path, Path baseDir) {
        this(value, path, baseDir, f -> { });
    }

    /** As above; {@code onFile} is told of every file resolved by {@link #file} (the run's input files). */
    public DataValue(Object value, String path, Path baseDir, Consumer<Path> onFile) {
        this.value = value;
        this.path = path;
        this.baseDir = baseDir;
        this.onFile = onFile;
    }

    public String path() { return path; }
    public boolean present() { return value != null; }
    public boolean isList() { return value instanceof List; }
    public boolean isMap() { return value instanceof Map; }

    public InvalidInputException error(String what) {
        return new InvalidInputException(path + ": " + what);
    }

    public List<DataValue> list() {
        if (!(value instanceof List<?> l)) throw error("expected a list, got " + describe());
        List<DataValue> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) out.add(new DataValue(l.get(i), path + "[" + i + "]", baseDir, onFile));
        return out;
    }

    public Map<String, DataValue> entries() {
        if (!(value instanceof Map<?, ?> m)) throw error("expected a mapping, got " + describe());
        Map<String, DataValue> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), new DataValue(v, path + "." + k, baseDir, onFile)));
        return Collections.unmodifiableMap(out);
    }

    public DataValue get(String key) {
        Object v = value instanceof Map<?, ?> m ? m.get(key) : null;
        return new DataValue(v, path + "." + key, baseDir, onFile);
    }

    public String text() {
        if (value == null) throw error("required key is missing");
        if (!(value instanceof String s)) throw error("expected a single value, got " + describe());
        return s;
    }

    public double quantity(Dimension d) {
        return Units.parse(text(), d, path);
    }

    public double number() {
        String t = text().strip();
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) throw error("expected a finite number, got '" + t + "'");
            return v;
        } catch (NumberFormatException e) {
            throw error("expected a number, got '" + t + "'");
        }
    }

    /** The value as a file name, resolved against the config's folder. */
    public Path file() {
        Path p = Path.of(text());
        Path file = p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p);
        onFile.accept(file);
        return file;
    }

    /** The lines of the file this value names; a missing or unreadable file is an error naming this key. */
    public List<String> lines() {
        Path file = file();
        try {
            return java.nio.file.Files.readAllLines(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw error("no such file '" + file + "'");
        } catch (java.io.IOException e) {
            throw error("cannot read '" + file + "' (" + e.getMessage() + ")");
        }
    }

    private String describe() {
        if (value instanceof List) return "a list";
        if (value instanceof Map) return "a mapping";
        return "'" + value + "'";
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
