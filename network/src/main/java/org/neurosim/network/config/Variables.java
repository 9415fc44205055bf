package org.neurosim.network.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neurosim.core.InvalidInputException;

/**
 * The config's {@code variables:} block: named values that other values use as {@code ${name}}, so that one
 * number (Brunel's g and eta) sets several keys and a sweep varies it with {@code --vary g=3,4,5}. After
 * substitution a value that is arithmetic on quantities ({@code -${g}*0.1 mV}, {@code ${eta}*10 kHz}) is computed
 * ({@link QuantityExpression}); any other text (a distribution, a name) keeps the substituted text.
 */
public final class Variables {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private Variables() { }

    /** A copy of {@code root} with its variables substituted and the {@code variables} block removed. */
    public static ObjectNode resolve(ObjectNode root) {
        JsonNode block = root.get("variables");
        if (block == null) {
            if (root.toString().contains("${")) resolveIn(root.deepCopy(), Map.of(), "");   // reports the unknown name
            return root;
        }
        if (!block.isObject()) throw new InvalidInputException("variables: expected a mapping of name: value");
        Map<String, String> values = new LinkedHashMap<>();
        block.fields().forEachRemaining(e -> {
            if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new InvalidInputException("variables." + e.getKey() + ": a variable name is letters, digits and '_'");
            }
            if (!e.getValue().isValueNode()) {
                throw new InvalidInputException("variables." + e.getKey() + ": expected a number or a quantity");
            }
            values.put(e.getKey(), e.getValue().asText());
        });
        ObjectNode copy = root.deepCopy();
        copy.remove("variables");
        return (ObjectNode) resolveIn(copy, values, "");
    }

    private static JsonNode resolveIn(JsonNode node, Map<String, String> values, String path) {
        if (node instanceof ObjectNode o) {
            var names = new java.util.ArrayList<String>();
            o.fieldNames().forEachRemaining(names::add);
            for (String k : names) o.set(k, resolveIn(o.get(k), values, path.isEmpty() ? k : path + "." + k));
            return o;
        }
        if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) a.set(i, resolveIn(a.get(i), values, path + "[" + i + "]"));
            return a;
        }
        if (!node.isTextual() || !node.asText().contains("${")) return node;
        String text = node.asText();
        String bracketed = substitute(text, values, path, true);   // -(5)*0.1 mV: arithmetic sees the value whole
        String computed = QuantityExpression.tryEvaluate(bracketed);
        return TextNode.valueOf(computed != null ? computed : substitute(text, values, path, false));
    }

    private static String substitute(String text, Map<String, String> values, String path, boolean brackets) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new InvalidInputException(path + ": unknown variable '" + m.group(1) + "'"
                        + org.neurosim.core.Suggestions.didYouMean(m.group(1), values.keySet())
                        + (values.isEmpty() ? "; the config has no variables block"
                        : "; variables: " + String.join(", ", new TreeSet<>(values.keySet()))));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(brackets ? "(" + v + ")" : v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
