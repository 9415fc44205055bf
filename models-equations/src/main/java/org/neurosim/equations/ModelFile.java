package org.neurosim.equations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.param.DataValue;
import org.neurosim.core.param.Parameters;

/**
 * A model written as equations in a file of its own (examples/equations/*.yaml): the population keys that define
 * it ({@code equations}, {@code threshold}, {@code reset}, {@code refractory}) plus its {@code params}: a
 * population block without its size. {@code fi-curve --equations FILE} reads the same format.
 */
public record ModelFile(DefinedModel model, Map<String, Object> params, String key) {
    private static final Set<String> KEYS = Set.of("equations", "threshold", "reset", "refractory", "params");

    /** Reads and checks a model file; every error names the file and the key. */
    public static ModelFile load(Path file) {
        String key = file.toString();
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidInputException("--equations: no such file '" + file + "'");
        } catch (IOException e) {
            throw new InvalidInputException(key + ": not a readable YAML model file: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(key + ": expected a mapping with 'equations', 'threshold', 'reset', "
                    + "'refractory' and 'params'");
        }
        Map<String, String> definition = new LinkedHashMap<>();
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new InvalidInputException(key + "." + k + ": unknown key" + org.neurosim.core.Suggestions
                        .didYouMean(k, KEYS) + "; a model file has " + String.join(", ", new java.util.TreeSet<>(KEYS)));
            }
            if (ModelDefinition.KEYS.contains(k)) definition.put(k, root.get(k).asText());
        }
        ModelDefinition def = ModelDefinition.parse(definition, key);
        Map<String, Object> params = new LinkedHashMap<>();
        JsonNode p = root.get("params");
        if (p != null) p.fields().forEachRemaining(e -> params.put(e.getKey(),
                new DataValue(plain(e.getValue()), key + ".params." + e.getKey(), file.toAbsolutePath().getParent())));
        return new ModelFile(new DefinedModel(def), params, key);
    }

    /** The parameters of the file, with {@code overrides} (name to value text, e.g. from --param) on top. */
    public Parameters parameters(Map<String, String> overrides, String overrideKey) {
        Map<String, Object> given = new LinkedHashMap<>(params);
        overrides.forEach((k, v) -> given.put(k, new DataValue(v, overrideKey + k, null)));
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
