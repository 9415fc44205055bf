package org.neurosim.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.neurosim.core.plugin.PluginRegistry;

/**
 * Builds a network in Java with the words of the YAML config: it writes the same config tree the YAML loader
 * reads, so both paths give the same network and the same checks.
 * <pre>
 * Network net = Network.builder().name("demo").dt("0.1 ms").duration("1 s").seed(1)
 *     .population("exc", "lif", 100).param("tau_m", "20 ms").init("v", "uniform(0, 1)").input("1.5").end()
 *     .projection("exc", "exc").connect("probability", 0.1).weight("0.05").synapse("exponential", "5 ms").end()
 *     .build(PluginRegistry.load());
 * </pre>
 */
public final class NetworkBuilder {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final ObjectNode root = F.objectNode();
    private final Map<String, org.neurosim.core.connect.SynapseList> arrays = new java.util.HashMap<>();

    NetworkBuilder() {
        root.putObject("populations");
        root.putArray("projections");
    }

    public NetworkBuilder name(String name) { root.put("name", name); return this; }
    public NetworkBuilder dt(String dt) { root.put("dt", dt); return this; }
    public NetworkBuilder duration(String duration) { root.put("duration", duration); return this; }
    public NetworkBuilder seed(long seed) { root.put("seed", seed); return this; }
    public NetworkBuilder threads(int threads) { root.put("threads", threads); return this; }
    public NetworkBuilder integrator(String name) { root.put("integrator", name); return this; }

    public PopulationBuilder population(String name, String model, int size) {
        ObjectNode p = ((ObjectNode) root.get("populations")).putObject(name);
        p.put("model", model);
        p.put("size", size);
        return new PopulationBuilder(p);
    }

    public ProjectionBuilder projection(String from, String... to) {
        ObjectNode p = ((ArrayNode) root.get("projections")).addObject();
        p.put("from", from);
        if (to.length == 1) {
            p.put("to", to[0]);
        } else {
            ArrayNode a = p.putArray("to");
            for (String t : to) a.add(t);
        }
        return new ProjectionBuilder(p);
    }

    /** record: {spikes: all, rates: {bin}} and state probes. */
    public NetworkBuilder recordSpikes(String... populations) {
        ArrayNode a = record().putArray("spikes");
        for (String p : populations) a.add(p);
        return this;
    }

    public NetworkBuilder recordState(String population, String variable, int... neurons) {
        ArrayNode state = record().has("state") ? (ArrayNode) record().get("state") : record().putArray("state");
        ObjectNode s = state.addObject();
        s.put("population", population);
        s.putArray("variables").add(variable);
        ArrayNode n = s.putArray("neurons");
        for (int i : neurons) n.add(i);
        return this;
    }

    public NetworkBuilder recordRates(String bin) {
        record().putObject("rates").put("bin", bin);
        return this;
    }

    private ObjectNode record() {
        return root.has("record") ? (ObjectNode) root.get("record") : root.putObject("record");
    }

    public Network build(PluginRegistry registry) {
        return org.neurosim.network.build.NetworkLoader.build(root.deepCopy(), Path.of("."), registry, arrays);
    }

    public final class PopulationBuilder {
        private final ObjectNode p;

        PopulationBuilder(ObjectNode p) {
            this.p = p;
        }

        public PopulationBuilder param(String name, String value) {
            (p.has("params") ? (ObjectNode) p.get("params") : p.putObject("params")).put(name, value);
            return this;
        }

        public PopulationBuilder init(String variable, String value) {
            (p.has("init") ? (ObjectNode) p.get("init") : p.putObject("init")).put(variable, value);
            return this;
        }

        public PopulationBuilder input(String value) {
            p.put("input", value);
            return this;
        }

        public PopulationBuilder input(double... perNeuron) {
            ArrayNode a = p.putArray("input");
            for (double v : perNeuron) a.add(v);
            return this;
        }

        public PopulationBuilder bias(double... perNeuron) {
            ArrayNode a = p.putArray("bias");
            for (double v : perNeuron) a.add(v);
            return this;
        }

        public PopulationBuilder integrator(String name) {
            p.put("integrator", name);
            return this;
        }

        public NetworkBuilder end() {
            return NetworkBuilder.this;
        }
    }

    public final class ProjectionBuilder {
        private final ObjectNode p;

        ProjectionBuilder(ObjectNode p) {
            this.p = p;
        }

        /** {@code connect("probability", 0.02)}, {@code connect("in_degree", 80)}, {@code connect("all", true)}. */
        public ProjectionBuilder connect(String rule, Object value) {
            ObjectNode c = p.putObject("connect");
            if (value instanceof Boolean b) c.put(rule, b);
            else if (value instanceof Integer i) c.put(rule, i);
            else if (value instanceof Number n) c.put(rule, n.doubleValue());
            else c.put(rule, String.valueOf(value));
            return this;
        }

        /** Explicit weights W (rows = targets, columns = sources). */
        public ProjectionBuilder weights(double[][] w) {
            ArrayNode rows = p.putObject("connect").putArray("weights");
            for (double[] row : w) {
                ArrayNode r = rows.addArray();
                for (double v : row) r.add(v);
            }
            return this;
        }

        /**
         * Synapses given one by one ({@code connect: {arrays: ...}}): with weights, {@code weight} is the unit they
         * multiply ({@code "1 nA"}); with delays, {@code delay} is theirs ({@code "1 ms"}).
         */
        public ProjectionBuilder synapses(org.neurosim.core.connect.SynapseList list) {
            String key = "builder-" + arrays.size();
            arrays.put(key, list);
            p.putObject("connect").put("arrays", key);
            return this;
        }

        public ProjectionBuilder weight(String weight) {
            p.put("weight", weight);
            return this;
        }

        public ProjectionBuilder delay(String delay) {
            p.put("delay", delay);
            return this;
        }

        public ProjectionBuilder synapse(String kernel, String tau) {
            return synapse(Map.of("kernel", kernel, "tau", tau));
        }

        public ProjectionBuilder synapse(Map<String, String> block) {
            ObjectNode s = p.putObject("synapse");
            block.forEach(s::put);
            return this;
        }

        public NetworkBuilder end() {
            return NetworkBuilder.this;
        }
    }
}
