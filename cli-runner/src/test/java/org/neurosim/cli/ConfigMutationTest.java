package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosim.network.config.ConfigTree;

/**
 * A property test: the example configs mutated at random (values of other types, other units, out-of-range numbers,
 * deleted keys) never make NeuroSim end with a stack trace or an internal error: {@code validate} exits 0 or 2, and
 * a short {@code run} exits 0, 2 or 3 (3: a mutation made the equations unstable), with at most one line on stderr.
 */
class ConfigMutationTest {
    static final List<String> EXAMPLES = List.of("cuba", "cobahh", "hh-step", "lif", "rate-network", "poisson-driven");
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final JsonNode[] REPLACEMENTS = {
            F.textNode("abc"), F.numberNode(-1), F.numberNode(0), F.numberNode(1e30), F.textNode("NaN ms"),
            F.textNode("20 mV"), F.textNode("-5 ms"), F.textNode("uniform(1 ms, 0 ms)"), F.textNode("normal(0 mV)"),
            F.arrayNode().add(1).add(2), F.objectNode().put("x", 1), F.booleanNode(true), F.nullNode(),
            F.textNode("1e400 s"), F.numberNode(2_000_000_000), F.textNode(""), F.textNode("all")};

    /** Every path to a node in the tree (containers and values). */
    static void paths(JsonNode n, List<List<Object>> out, List<Object> prefix) {
        out.add(prefix);
        if (n.isObject()) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                List<Object> p = new ArrayList<>(prefix);
                p.add(k);
                paths(n.get(k), out, p);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(i);
                paths(n.get(i), out, p);
            }
        }
    }

    static void mutate(ObjectNode root, Random random) {
        List<List<Object>> all = new ArrayList<>();
        paths(root, all, List.of());
        List<Object> path = all.get(1 + random.nextInt(all.size() - 1));
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object k = path.get(i);
            parent = k instanceof String s ? parent.get(s) : parent.get((Integer) k);
        }
        Object last = path.get(path.size() - 1);
        boolean delete = random.nextInt(4) == 0;
        JsonNode value = REPLACEMENTS[random.nextInt(REPLACEMENTS.length)];
        if (parent instanceof ObjectNode o) {
            if (delete) o.remove((String) last);
            else o.set((String) last, value);
        } else if (parent instanceof ArrayNode a) {
            if (delete) a.remove((Integer) last);
            else a.set((Integer) last, value);
        }
    }

    @Test
    void randomMutationsNeverCrash(@TempDir Path dir) throws Exception {
        Random random = new Random(20261122);
        YAMLMapper yaml = new YAMLMapper();
        int exits0 = 0, exits2 = 0;
        for (int k = 0; k < 240; k++) {
            String example = EXAMPLES.get(k % EXAMPLES.size());
            ObjectNode root = ConfigTree.read(Path.of("..", "examples", example + ".yaml"));
            if (root.path("populations").has("exc")) {   // keep the benchmark networks small and short
                ((ObjectNode) root.get("populations").get("exc")).put("size", 80);
                ((ObjectNode) root.get("populations").get("inh")).put("size", 20);
            }
            root.put("duration", "5 ms");
            int mutations = 1 + random.nextInt(2);
            for (int m = 0; m < mutations; m++) mutate(root, random);
            Path config = dir.resolve("m" + k + ".yaml");
            Files.writeString(config, yaml.writeValueAsString(root));
            Cli v = Cli.run("validate", config.toString());
            assertThat(v.exit()).as("validate %s: %s%n%s", example, v.err(), Files.readString(config)).isIn(0, 2);
            assertThat(v.err().strip().lines().count()).as(v.err()).isLessThanOrEqualTo(1);
            assertThat(v.err()).doesNotContain("internal error").doesNotContain("Exception");
            if (v.exit() == 0) exits0++; else exits2++;
            if (k % 4 == 0) {
                Cli r = Cli.run("run", config.toString(), "--out", dir.resolve("o" + k).toString(), "--no-plots");
                assertThat(r.exit()).as("run %s: %s", example, r.err()).isIn(0, 2, 3);
                assertThat(r.err()).doesNotContain("internal error").doesNotContain("Exception");
            }
        }
        // the corpus exercises both outcomes
        assertThat(exits0).isGreaterThan(10);
        assertThat(exits2).isGreaterThan(100);
    }
}
