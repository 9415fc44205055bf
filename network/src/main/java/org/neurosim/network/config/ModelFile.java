package org.neurosim.network.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.Suggestions;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.param.DataValue;
import org.neurosim.core.param.Parameters;

/**
 * A model file for a model defined by text (examples/equations/*.yaml, {@code fi-curve --model equations
 * --equations FILE}): a population block without its size, that is the model's definition keys plus {@code params}.
 * Read through the model's {@link NeuronModel#define}, so nothing here knows a plugin; every error names the file
 * and the key.
 */
public record ModelFile(NeuronModel model, Map<String, Object> params, String key) {
    /**
     * Reads {@code file} as a definition of {@code generic} (a model with {@link NeuronModel#definitionKeys}, e.g.
     * {@code new EquationsModel()}), whose name {@code name} the messages use.
     */
    public static ModelFile read(NeuronModel generic, String name, Path file) {
        if (generic.definitionKeys().isEmpty()) {
            throw new InvalidInputException("--equations: only a model defined by text takes a model file; " + name
                    + " is written in code (use --model equations)");
        }
        if (file == null) {
            throw new InvalidInputException("--equations: required for --model " + name + ": a file with "
                    + String.join(", ", new TreeSet<>(generic.definitionKeys())) + " and params (examples/equations/)");
        }
        String key = file.toString();
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("--equations: no such file '" + file + "'");
        } catch (IOException e) {
            throw new InvalidInputException(key + ": not a readable YAML file: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Set<String> allowed = new TreeSet<>(generic.definitionKeys());
        allowed.add("params");
        if (root == null || !root.isObject()) throw new InvalidInputException(key + ": expected a mapping with " + String.join(", ", allowed));
        Map<String, String> definition = new LinkedHashMap<>();
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new InvalidInputException(key + "." + k + ": unknown key" + Suggestions.didYouMean(k, allowed)
                        + "; a model file has " + String.join(", ", allowed));
            }
            if (!k.equals("params")) definition.put(k, root.get(k).asText());
        }
        NeuronModel m = generic.define(definition, key);
        Map<String, Object> params = new LinkedHashMap<>();
        JsonNode p = root.get("params");
        if (p != null) {
            if (!p.isObject()) throw new InvalidInputException(key + ".params: expected a mapping of name: value");
            p.fields().forEachRemaining(e -> params.put(e.getKey(), new DataValue(plain(e.getValue()),
                    key + ".params." + e.getKey(), file.toAbsolutePath().getParent())));
        }
        return new ModelFile(m, params, key);
    }

    /** The file's params with --param values (name to value text) on top. */
    public Parameters parameters(Map<String, String> overrides) {
        Map<String, Object> given = new LinkedHashMap<>(params);
        overrides.forEach((k, v) -> given.put(k, new DataValue(v, "--param " + k, null)));
        return Parameters.resolve(model.parameters(), given, key + ".params");
    }

    private static Object plain(JsonNode n) {
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(x -> out.add(plain(x)));
            return out;
        }
        return n.asText();
    }
}
