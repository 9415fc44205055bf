package org.neurosim.network.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neurosim.core.InvalidInputException;

/** The config as a tree: read from YAML, and changed by {@code --set KEY=VALUE}. */
public final class ConfigTree {
    /**
     * A key given twice in one mapping ({@code dt} twice) is an error, not "the last wins". SnakeYAML stops at 3 MB by
     * default, which an inline weight matrix passes: a config is as large as the heap allows (a larger one runs out of
     * memory, which the CLI reports in one line).
     */
    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(unlimited())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private static org.yaml.snakeyaml.LoaderOptions unlimited() {
        org.yaml.snakeyaml.LoaderOptions o = new org.yaml.snakeyaml.LoaderOptions();
        o.setCodePointLimit(Integer.MAX_VALUE);
        return o;
    }

    /** YAML's not-a-number and infinities, which Jackson's YAML parser cannot read as numbers. */
    private static final java.util.regex.Pattern NON_FINITE =
            java.util.regex.Pattern.compile("Malformed numeric value '([-+]?\\.(?:nan|NaN|NAN|inf|Inf|INF))'");

    private ConfigTree() { }

    /** Reads a YAML file into a tree; a missing file or malformed YAML is an input error naming the file. */
    public static ObjectNode read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such config file");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read the config file (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    public static ObjectNode parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ": line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            String msg = e.getOriginalMessage().lines().findFirst().orElse("malformed YAML");
            java.util.regex.Matcher nonFinite = NON_FINITE.matcher(msg);
            if (nonFinite.find()) {
                throw new InvalidInputException(source + where + ": " + keyOf(e) + notFinite(nonFinite.group(1)));
            }
            java.util.regex.Matcher dup = java.util.regex.Pattern.compile("Duplicate field '(.*)'").matcher(msg);
            if (dup.find()) {
                throw new InvalidInputException(source + where + ": the key '" + dup.group(1)
                        + "' is given twice in one mapping");
            }
            throw new InvalidInputException(source + where + ": malformed YAML (" + msg + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(source + ": expected a YAML mapping with populations, projections, ...");
        }
        return (ObjectNode) root;
    }

    private static String notFinite(String value) {
        boolean nan = value.toLowerCase(java.util.Locale.ROOT).contains("nan");
        return "expected a finite number or quantity, got '" + value + "' (YAML's "
                + (nan ? "not-a-number" : "infinity") + ")";
    }

    /** "populations.a.input: ", the key path the parser had reached (as the loader's messages name keys), or "". */
    private static String keyOf(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p)) return "";
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (com.fasterxml.jackson.core.JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot();
             c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) parts.addFirst("." + c.getCurrentName());
            else if (c.inArray()) parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
        }
        String path = String.join("", parts).replaceFirst("^\\.", "");
        return path.isEmpty() ? "" : path + ": ";
    }

    /** The list indices of one key part after its first '[': "0][2]" -> [0, 2]. */
    private static List<Integer> indices(String brackets, String key) {
        List<Integer> indices = new ArrayList<>();
        for (String ix : brackets.split("\\[")) {
            try {
                indices.add(Integer.parseInt(ix.replace("]", "").strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("--set: malformed index in key '" + key + "'");
            }
        }
        return indices;
    }

    /**
     * Applies {@code --set KEY=VALUE}: KEY is a dotted path with optional list indices
     * ({@code populations.exc.size}, {@code projections[0].weight}); VALUE is read as YAML (a number, a
     * quantity, a list...).
     */
    public static void set(ObjectNode root, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) throw new InvalidInputException("--set: expected KEY=VALUE, got '" + assignment + "'");
        String key = assignment.substring(0, eq).strip();
        String valueText = assignment.substring(eq + 1);
        JsonNode value;
        try {
            value = YAML.readTree(valueText.isBlank() ? "\"\"" : valueText);
        } catch (JsonProcessingException e) {
            java.util.regex.Matcher nonFinite = NON_FINITE.matcher(e.getOriginalMessage());
            if (nonFinite.find()) throw new InvalidInputException("--set " + key + ": " + notFinite(nonFinite.group(1)));
            throw new InvalidInputException("--set " + key + ": the value '" + valueText + "' is not valid YAML");
        }
        if (value == null) value = JsonNodeFactory.instance.textNode(valueText);
        JsonNode node = root;
        String[] parts = key.split("\\.");
        for (int p = 0; p < parts.length; p++) {
            String part = parts[p];
            int br = part.indexOf('[');
            String field = br < 0 ? part : part.substring(0, br);
            List<Integer> indices = br < 0 ? List.of() : indices(part.substring(br + 1), key);
            boolean last = p == parts.length - 1;
            if (!(node instanceof ObjectNode obj)) {
                throw new InvalidInputException("--set " + key + ": '" + field + "' is not inside a mapping");
            }
            if (indices.isEmpty()) {
                if (last) {
                    obj.set(field, value);
                    return;
                }
                if (!obj.has(field) || !obj.get(field).isContainerNode()) obj.putObject(field);
                node = obj.get(field);
                continue;
            }
            JsonNode list = obj.get(field);
            for (int q = 0; q < indices.size(); q++) {
                int ix = indices.get(q);
                if (!(list instanceof ArrayNode arr) || ix < 0 || ix >= arr.size()) {
                    throw new InvalidInputException("--set " + key + ": no element [" + ix + "] in '" + field + "'");
                }
                if (last && q == indices.size() - 1) {
                    arr.set(ix, value);
                    return;
                }
                list = arr.get(ix);
            }
            node = list;
        }
    }


    /**
     * The run options of the command line and of the Python package, into the tree: {@code --set KEY=VALUE} for each
     * of {@code sets} (see {@link #set}), then {@code --seed}, {@code --duration}, {@code --dt} and {@code --threads}
     * (null: not given), checked as the CLI checks them (a bad one is an {@link InvalidInputException} naming it).
     */
    public static void runOptions(ObjectNode root, List<String> sets, Long seed, String duration, String dt,
                                  Integer threads) {
        for (String s : sets) set(root, s);
        if (seed != null) root.put("seed", seed);
        durationAndThreads(root, duration, threads);
        if (dt != null) {
            org.neurosim.core.units.Units.parse(dt, org.neurosim.core.units.Dimension.TIME, "--dt");
            root.put("dt", dt);
        }
    }

    /** {@code --duration} and {@code --threads} (null: not given) into the tree, checked; run and resume share it. */
    public static void durationAndThreads(ObjectNode root, String duration, Integer threads) {
        if (duration != null) {
            org.neurosim.core.units.Units.parse(duration, org.neurosim.core.units.Dimension.TIME, "--duration");
            root.put("duration", duration);
        }
        if (threads != null) {
            if (threads < 1) throw new InvalidInputException("--threads: expected at least 1, got " + threads);
            root.put("threads", threads);
        }
    }
}
