package org.neurosim.network;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.integrate.PopulationSolver;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.StateVariable;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.core.synapse.Kernel;
import org.neurosim.core.synapse.Normalization;
import org.neurosim.core.synapse.SynapticKernel;
import org.neurosim.core.units.Dimension;
import org.neurosim.network.config.Cfg;
import org.neurosim.network.config.Distribution;

/**
 * Reads the YAML network configuration (../shared/spec/config.md) and builds a {@link Network}. Every error names
 * its key path ({@code projections[2].synapse.tau: ...}) and what is expected.
 */
public final class NetworkLoader {
    static final Set<String> TOP = Set.of("name", "dt", "duration", "seed", "integrator", "threads", "populations",
            "projections", "record");
    static final Set<String> POPULATION = Set.of("model", "size", "params", "init", "input", "bias", "integrator",
            "times");
    static final Set<String> PROJECTION = Set.of("from", "to", "connect", "weight", "delay", "synapse", "autapses");
    static final Set<String> CONNECT = Set.of("probability", "all", "one_to_one", "in_degree", "weights");
    static final Set<String> RECORD = Set.of("spikes", "state", "rates");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final PluginRegistry registry;
    private final Path baseDir;
    private final List<String> warnings = new ArrayList<>();

    private NetworkLoader(PluginRegistry registry, Path baseDir) {
        this.registry = registry;
        this.baseDir = baseDir;
    }

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
            throw new InvalidInputException(source + where + ": malformed YAML (" + msg + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(source + ": expected a YAML mapping with populations, projections, ...");
        }
        return (ObjectNode) root;
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
            throw new InvalidInputException("--set " + key + ": the value '" + valueText + "' is not valid YAML");
        }
        if (value == null) value = JsonNodeFactory.instance.textNode(valueText);
        JsonNode node = root;
        String[] parts = key.split("\\.");
        for (int p = 0; p < parts.length; p++) {
            String part = parts[p];
            List<Integer> indices = new ArrayList<>();
            int br = part.indexOf('[');
            String field = br < 0 ? part : part.substring(0, br);
            if (br >= 0) {
                for (String ix : part.substring(br + 1).split("\\[")) {
                    try {
                        indices.add(Integer.parseInt(ix.replace("]", "").strip()));
                    } catch (NumberFormatException e) {
                        throw new InvalidInputException("--set: malformed index in key '" + key + "'");
                    }
                }
            }
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

    /** Builds the network of a config tree; relative file names are resolved against {@code baseDir}. */
    public static Network build(ObjectNode root, Path baseDir, PluginRegistry registry) {
        return new NetworkLoader(registry, baseDir).build(new Cfg(root, ""));
    }

    public static Network load(Path file, PluginRegistry registry, List<String> sets) {
        ObjectNode root = read(file);
        for (String s : sets) set(root, s);
        if (!root.has("name")) {
            String n = file.getFileName().toString();
            root.put("name", n.replaceFirst("\\.ya?ml$", ""));
        }
        Path dir = file.toAbsolutePath().getParent();
        return build(root, dir, registry);
    }

    private Network build(Cfg root) {
        root.allowOnly(TOP);
        String name = root.get("name").text("network");
        if (!name.matches("[A-Za-z0-9_.\\-]+")) {
            throw root.get("name").error("expected letters, digits, '-', '_' or '.', got '" + name + "'");
        }
        double dt = root.get("dt").quantity(Dimension.TIME, "0.1 ms");
        if (!(dt > 0)) throw root.get("dt").error("expected a positive time step such as '0.1 ms', got '" + root.get("dt").text() + "'");
        double duration = root.get("duration").required().quantity(Dimension.TIME);
        if (!(duration >= dt)) {
            throw root.get("duration").error("expected a duration of at least one step (dt = " + fmt(dt) + " s), got '"
                    + root.get("duration").text() + "'");
        }
        if (duration / dt > 1e12) throw root.get("duration").error("more than 10^12 steps; use a larger dt");
        long seed = root.has("seed") ? root.get("seed").integer(Long.MIN_VALUE, Long.MAX_VALUE) : 1;
        int threads = root.has("threads") ? (int) root.get("threads").integer(1, 1024) : 1;
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads > cores) {
            warnings.add("threads: " + threads + " threads on " + cores + " processors wait for each other every step; "
                    + "use at most " + cores);
        }
        String globalIntegrator = root.get("integrator").text(null);

        Cfg pops = root.get("populations").required();
        Map<String, Cfg> popEntries = pops.entries();
        if (popEntries.isEmpty()) throw pops.error("expected at least one population");

        estimateMemory(root, popEntries, dt);

        List<Population> populations = new ArrayList<>();
        Map<String, Population> byName = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, Cfg> e : popEntries.entrySet()) {
            Population p = population(e.getKey(), e.getValue(), index++, dt, seed, globalIntegrator, root);
            populations.add(p);
            byName.put(p.name, p);
        }

        List<Projection> projections = new ArrayList<>();
        Map<String, SynapseGroup> groups = new LinkedHashMap<>();
        Cfg projs = root.get("projections");
        if (projs.present()) {
            int k = 0;
            for (Cfg pc : projs.list()) {
                projections.addAll(projection(pc, k++, byName, dt, seed, groups));
            }
        }
        Network.RecordSpec record = record(root.get("record"), byName, dt, duration);
        return new Network(name, dt, duration, seed, threads, List.copyOf(populations), List.copyOf(projections),
                List.copyOf(groups.values()), record, List.copyOf(warnings));
    }

    // ---------------------------------------------------------------- populations

    private Population population(String name, Cfg c, int index, double dt, long seed, String globalIntegrator,
                                  Cfg root) {
        String key = c.path;
        if (!name.matches("[A-Za-z0-9_\\-]+")) {
            throw c.error("population names may hold letters, digits, '-' and '_' only");
        }
        c.allowOnly(POPULATION);
        String modelName = c.get("model").required().text();
        NeuronModel model = registry.neuronModel(modelName, c.get("model").path);
        long size = c.get("size").required().integer(1, Integer.MAX_VALUE - 8);
        Map<String, String> given = new LinkedHashMap<>();
        Cfg params = c.get("params");
        if (params.present()) {
            for (Map.Entry<String, Cfg> pe : params.entries().entrySet()) given.put(pe.getKey(), pe.getValue().text());
        }
        NeuronDynamics dynamics;
        try {
            dynamics = model.create(Parameters.resolve(model.parameters(), given, params.path));
        } catch (InvalidInputException ex) {
            throw ex.getMessage().startsWith(key) ? ex : ex.under(params.path);
        }
        int n = (int) size;

        if (dynamics instanceof SpikeSource source) {
            for (String k : List.of("init", "input", "bias", "integrator")) {
                if (c.has(k)) throw c.get(k).error("a " + modelName + " source population has no " + k);
            }
            if (source instanceof SpikeTimesSource.Times times) {
                readSpikeTimes(c.get("times"), times, n);
            } else if (c.has("times")) {
                throw c.get("times").error("only spike-times populations take 'times'");
            }
            source.validate(n, dt, key);
            return new Population(name, modelName, index, n, dynamics, null, "none", null, null, null, null);
        }
        if (c.has("times")) throw c.get("times").error("only spike-times populations take 'times'");

        String integratorName = c.has("integrator") ? c.get("integrator").text()
                : globalIntegrator != null ? globalIntegrator : dynamics.preferredIntegrator();
        String integratorKey = c.has("integrator") ? c.get("integrator").path : globalIntegrator != null ? "integrator"
                : key + ".model";
        Integrator integrator = registry.integrator(integratorName, integratorKey);
        PopulationSolver solver;
        try {
            solver = new PopulationSolver(dynamics, integrator, n, dt);
        } catch (InvalidInputException ex) {
            throw new InvalidInputException(integratorKey + ": " + ex.getMessage() + " (population " + name + ", model "
                    + modelName + ")");
        }
        initialState(c.get("init"), dynamics, solver.state(), n, new SplittableRandom(mix(seed, "init:" + name)));

        Dimension inputDim = dynamics.inputDimension();
        double[] perNeuron = null, times = null, values = null;
        Cfg input = c.get("input");
        if (input.present()) {
            if (input.isMap()) {
                input.allowOnly(Set.of("steps"));
                List<Cfg> steps = input.get("steps").list();
                if (steps.isEmpty()) throw input.get("steps").error("expected at least one {at, value} step");
                times = new double[steps.size()];
                values = new double[steps.size()];
                for (int s = 0; s < steps.size(); s++) {
                    Cfg st = steps.get(s);
                    st.allowOnly(Set.of("at", "value"));
                    times[s] = st.get("at").required().quantity(Dimension.TIME);
                    values[s] = st.get("value").required().quantity(inputDim);
                    if (s > 0 && times[s] < times[s - 1]) throw st.get("at").error("steps must be in time order");
                }
            } else {
                perNeuron = perNeuron(input, inputDim, n);
            }
        }
        double[] bias = c.has("bias") ? perNeuron(c.get("bias"), inputDim, n) : null;
        return new Population(name, modelName, index, n, dynamics, solver, integratorName, perNeuron, times, values,
                bias);
    }

    /** A constant or a list of one value per neuron. */
    private static double[] perNeuron(Cfg c, Dimension d, int n) {
        double[] out = new double[n];
        if (c.isList()) {
            List<Cfg> items = c.list();
            if (items.size() != n) {
                throw c.error("expected " + n + " values (one per neuron), got " + items.size());
            }
            for (int i = 0; i < n; i++) out[i] = items.get(i).quantity(d);
        } else {
            java.util.Arrays.fill(out, c.quantity(d));
        }
        return out;
    }

    private static void initialState(Cfg init, NeuronDynamics d, double[][] state, int n, SplittableRandom random) {
        if (!init.present()) return;
        List<StateVariable> vars = d.stateVariables();
        for (Map.Entry<String, Cfg> e : init.entries().entrySet()) {
            int k = -1;
            for (int v = 0; v < vars.size(); v++) if (vars.get(v).name().equals(e.getKey())) k = v;
            if (k < 0) {
                throw e.getValue().error("unknown state variable; the model has "
                        + String.join(", ", vars.stream().map(StateVariable::name).toList()));
            }
            Dimension dim = vars.get(k).dimension();
            Cfg v = e.getValue();
            if (v.isList()) {
                double[] values = perNeuron(v, dim, n);
                System.arraycopy(values, 0, state[k], 0, n);
            } else {
                Distribution dist = Distribution.parse(v.text(), dim, v.path);
                for (int i = 0; i < n; i++) state[k][i] = dist.sample(random);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(state[k][i])) throw v.error("expected finite initial values");
            }
        }
    }

    private void readSpikeTimes(Cfg c, SpikeTimesSource.Times times, int n) {
        if (!c.present()) throw c.error("a spike-times population needs 'times': a list per neuron or a CSV file");
        List<Integer> neurons = new ArrayList<>();
        List<Double> t = new ArrayList<>();
        if (c.isList()) {
            List<Cfg> rows = c.list();
            if (rows.size() != n) throw c.error("expected " + n + " lists of times (one per neuron), got " + rows.size());
            for (int i = 0; i < n; i++) {
                for (Cfg tc : rows.get(i).isList() ? rows.get(i).list() : List.of(rows.get(i))) {
                    neurons.add(i);
                    t.add(tc.quantity(Dimension.TIME));
                }
            }
        } else {
            Path file = resolve(c);
            List<String> lines = readLines(file, c);
            for (int ln = 0; ln < lines.size(); ln++) {
                String line = lines.get(ln).strip();
                if (line.isEmpty() || (ln == 0 && line.startsWith("neuron"))) continue;
                String[] f = line.split(",");
                try {
                    neurons.add(Integer.parseInt(f[0].strip()));
                    t.add(Double.parseDouble(f[1].strip()));
                } catch (RuntimeException e) {
                    throw new InvalidInputException(file + ": line " + (ln + 1) + ": expected 'neuron,time_s', got '"
                            + line + "'");
                }
            }
        }
        times.setSpikes(neurons.stream().mapToInt(Integer::intValue).toArray(),
                t.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private Path resolve(Cfg c) {
        Path p = Path.of(c.text());
        return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p);
    }

    private static List<String> readLines(Path file, Cfg c) {
        try {
            return Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw c.error("no such file '" + file + "'");
        } catch (IOException e) {
            throw c.error("cannot read '" + file + "' (" + e.getMessage() + ")");
        }
    }

    // ---------------------------------------------------------------- projections

    private List<Projection> projection(Cfg c, int index, Map<String, Population> pops, double dt, long seed,
                                        Map<String, SynapseGroup> groups) {
        c.allowOnly(PROJECTION);
        String fromName = c.get("from").required().text();
        Population source = pops.get(fromName);
        if (source == null) {
            throw c.get("from").error("unknown population '" + fromName + "'; known populations: "
                    + String.join(", ", pops.keySet()));
        }
        List<String> toNames = c.get("to").required().names();
        List<Projection> out = new ArrayList<>();
        for (int t = 0; t < toNames.size(); t++) {
            Population target = pops.get(toNames.get(t));
            if (target == null) {
                throw c.get("to").error("unknown population '" + toNames.get(t) + "'; known populations: "
                        + String.join(", ", pops.keySet()));
            }
            if (target.source != null) {
                throw c.get("to").error("population '" + target.name + "' is a spike source and takes no input");
            }
            SplittableRandom random = new SplittableRandom(mix(seed, "connect:" + index + ":" + target.name));
            out.add(projectionTo(c, source, target, dt, random, groups));
        }
        return out;
    }

    /** A projection's synapse block: kernel, normalisation, and a reversal potential for conductance synapses. */
    private record SynapseBlock(Kernel kernel, Normalization norm, boolean conductance, double reversal,
                                String groupKey) { }

    private Projection projectionTo(Cfg c, Population source, Population target, double dt, SplittableRandom random,
                                    Map<String, SynapseGroup> groups) {
        String label = source.name + "->" + target.name;
        boolean spiking = source.spiking();
        SynapseBlock sb = synapseBlock(c.get("synapse"), source, target);
        boolean instant = spiking && (sb == null || sb.kernel().isInstant());
        Dimension weightDim = weightDimension(c, spiking, instant, sb, target);

        // connectivity and weights: an explicit matrix, or a rule with one weight or a distribution
        Cfg connect = c.get("connect");
        Cfg weightCfg = c.get("weight");
        connect.allowOnly(CONNECT);
        if (connect.present() && connect.entries().size() != 1) {
            throw connect.error("expected exactly one rule: probability, all, one_to_one, in_degree or weights");
        }
        Connectivity conn;
        float[] weights = null;
        double weight = 0;
        if (weightCfg.isList() || connect.has("weights")) {
            double[][] matrix = explicitMatrix(connect, weightCfg, weightDim, source, target);
            if (!spiking) return new Projection(label, source, target, null, null, null, 0, matrix, 0, null, -1);
            float[][] wOut = new float[1][];
            conn = Connectivity.fromMatrix(matrix, source.size, wOut);
            weights = wOut[0];
        } else {
            boolean autapses = c.has("autapses") ? c.get("autapses").bool() : true;
            conn = connectivity(connect, source, target, autapses, random);
            Distribution dist = Distribution.parse(weightCfg.required().text(), weightDim, weightCfg.path);
            if (dist.isConstant()) {
                weight = dist.sample(random);
            } else {
                weights = new float[conn.count()];
                for (int s = 0; s < weights.length; s++) weights[s] = (float) dist.sample(random);
            }
            if (!spiking) {
                return new Projection(label, source, target, null, null, null, 0,
                        conn.toMatrix(target.size, weights, weight), 0, null, -1);
            }
        }
        int delaySteps = delaySteps(c.get("delay"), dt);
        Cfg init = c.get("synapse").get("init");
        SynapseGroup group = null;
        if (!instant) {
            group = groups.computeIfAbsent(sb.groupKey(), x -> new SynapseGroup(target,
                    sb.kernel().newFilter(target.size, dt, sb.norm().scale(sb.kernel())), sb.conductance(), sb.reversal()));
            if (init.present()) {
                NeuronDynamics td = target.dynamics;
                Dimension outDim = sb.conductance() ? td.inputDimension().divide(Dimension.VOLTAGE) : td.inputDimension();
                Distribution d = Distribution.parse(init.text(), outDim, init.path);
                SplittableRandom r = new SplittableRandom(mix(random.nextLong(), "synapse-init"));
                for (int i = 0; i < target.size; i++) group.filter.set(i, d.sample(r));
            }
        } else if (init.present()) {
            throw init.error("a delta synapse has no state to initialise");
        }
        return new Projection(label, source, target, conn.rowStart, conn.targets, weights, weight, null, delaySteps,
                group, instant ? target.dynamics.membraneIndex() : -1);
    }

    /** The synapse block, or null when the projection has none. */
    private SynapseBlock synapseBlock(Cfg syn, Population source, Population target) {
        if (!syn.present()) return null;
        if (!source.spiking()) {
            throw syn.error("a projection from the rate population '" + source.name
                    + "' acts directly through W y and takes no synapse block");
        }
        NeuronDynamics td = target.dynamics;
        String kernelName = syn.get("kernel").required().text();
        SynapticKernel sk = registry.kernel(kernelName, syn.get("kernel").path);
        Map<String, String> kp = new LinkedHashMap<>();
        for (Map.Entry<String, Cfg> e : syn.entries().entrySet()) {
            if (!Set.of("kernel", "normalize", "reversal", "init").contains(e.getKey())) {
                kp.put(e.getKey(), e.getValue().text());
            }
        }
        Kernel kernel;
        try {
            kernel = sk.create(Parameters.resolve(sk.parameters(), kp, syn.path));
        } catch (InvalidInputException ex) {
            throw ex.getMessage().startsWith(syn.path) ? ex : ex.under(syn.path);
        }
        Normalization norm = syn.has("normalize")
                ? Normalization.parse(syn.get("normalize").text(), syn.get("normalize").path) : Normalization.AREA;
        boolean conductance = syn.has("reversal");
        double reversal = 0;
        if (conductance) {
            Cfg rev = syn.get("reversal");
            reversal = rev.quantity(Dimension.VOLTAGE);
            if (td.membraneIndex() < 0
                    || !td.stateVariables().get(td.membraneIndex()).dimension().equals(Dimension.VOLTAGE)) {
                throw rev.error("conductance-based synapses need a target whose membrane potential is a voltage; "
                        + "population '" + target.name + "' (" + target.model + ") has none");
            }
            if (!td.inputDimension().equals(Dimension.CURRENT) && !td.inputDimension().equals(Dimension.CURRENT_DENSITY)) {
                throw rev.error("conductance-based synapses need a target whose input is a current; " + target.model
                        + " takes " + td.inputDimension().describe());
            }
        }
        String key = target.name + "|" + kernelName + "|" + kp + "|" + norm + "|" + (conductance ? reversal : "current");
        return new SynapseBlock(kernel, norm, conductance, reversal, key);
    }

    /** What a weight is: a jump of the membrane, an input (x time with area normalisation), or a conductance. */
    private static Dimension weightDimension(Cfg c, boolean spiking, boolean instant, SynapseBlock sb, Population target) {
        NeuronDynamics td = target.dynamics;
        if (!spiking) return td.inputDimension();   // W y with dimensionless y
        if (instant) {
            if (td.membraneIndex() < 0) {
                throw c.error("spikes reach the rate population '" + target.name
                        + "' only through a synapse kernel; add a synapse block");
            }
            return td.stateVariables().get(td.membraneIndex()).dimension();
        }
        Dimension base = sb.conductance() ? td.inputDimension().divide(Dimension.VOLTAGE) : td.inputDimension();
        return sb.norm() == Normalization.AREA ? base.times(Dimension.TIME) : base;
    }

    /** W given inline as {@code weight: [[...]]} or as {@code connect.weights} (inline or a CSV file). */
    private double[][] explicitMatrix(Cfg connect, Cfg weightCfg, Dimension weightDim, Population source,
                                      Population target) {
        if (weightCfg.isList() && connect.has("weights")) {
            throw weightCfg.error("give the matrix either as connect.weights or as weight, not both");
        }
        double unit = 1;
        if (weightCfg.isList()) {
            if (!weightDim.isDimensionless()) {
                throw weightCfg.error("matrix entries are bare numbers; for " + weightDim.describe()
                        + " give the matrix as connect.weights and the unit as weight");
            }
        } else if (weightCfg.present()) {
            unit = weightCfg.quantity(weightDim);
        } else if (!weightDim.isDimensionless()) {
            throw weightCfg.error("expected " + weightDim.describe() + ": the unit that the matrix entries multiply");
        }
        return matrix(weightCfg.isList() ? weightCfg : connect.get("weights"), target.size, source.size, unit);
    }

    /** The rule-based connections: probability, all, one_to_one or in_degree. */
    private static Connectivity connectivity(Cfg connect, Population source, Population target, boolean autapses,
                                             SplittableRandom random) {
        if (!connect.present()) throw connect.error("required: one of probability, all, one_to_one, in_degree, weights");
        String key = connect.path;
        boolean same = source == target;
        if (connect.has("probability")) {
            double p = connect.get("probability").number();
            if (!(p >= 0 && p <= 1)) throw connect.get("probability").error("expected a probability from 0 to 1, got " + p);
            return Connectivity.probability(source.size, target.size, p, autapses, same, random, key);
        }
        if (connect.has("all")) {
            if (!connect.get("all").bool()) throw connect.get("all").error("expected true");
            return Connectivity.all(source.size, target.size, autapses, same, key);
        }
        if (connect.has("one_to_one")) {
            if (!connect.get("one_to_one").bool()) throw connect.get("one_to_one").error("expected true");
            return Connectivity.oneToOne(source.size, target.size, key);
        }
        long k = connect.get("in_degree").integer(0, Integer.MAX_VALUE);
        return Connectivity.inDegree(source.size, target.size, (int) k, autapses, same, random, key);
    }

    /** A delay in whole steps, rounded with a warning when it is not one. */
    private int delaySteps(Cfg delayCfg, double dt) {
        if (!delayCfg.present()) return 0;
        double delay = delayCfg.quantity(Dimension.TIME);
        if (delay < 0) throw delayCfg.error("expected a delay >= 0, got '" + delayCfg.text() + "'");
        long steps = Math.round(delay / dt);
        if (steps > 1_000_000) throw delayCfg.error("more than 10^6 steps of delay");
        if (Math.abs(steps * dt - delay) > 1e-9 * Math.max(dt, delay)) {
            warnings.add(delayCfg.path + ": " + delayCfg.text() + " is not a whole number of steps; rounded to "
                    + steps + " steps (" + fmt(steps * dt) + " s)");
        }
        return (int) steps;
    }

    private double[][] matrix(Cfg m, int rows, int cols, double unit) {
        List<double[]> r = new ArrayList<>();
        if (m.isList()) {
            for (Cfg row : m.list()) {
                List<Cfg> cells = row.list();
                double[] v = new double[cells.size()];
                for (int j = 0; j < v.length; j++) v[j] = cells.get(j).number() * unit;
                r.add(v);
            }
        } else {
            Path file = resolve(m);
            List<String> lines = readLines(file, m);
            for (int ln = 0; ln < lines.size(); ln++) {
                String line = lines.get(ln).strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split("[,;\\s]+");
                double[] v = new double[f.length];
                try {
                    for (int j = 0; j < f.length; j++) v[j] = Double.parseDouble(f[j]) * unit;
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(file + ": line " + (ln + 1) + ": expected comma-separated numbers, got '"
                            + line + "'");
                }
                r.add(v);
            }
        }
        if (r.size() != rows) {
            throw m.error("expected a " + rows + " x " + cols + " matrix (rows = targets, columns = sources), got "
                    + r.size() + " rows");
        }
        for (int i = 0; i < rows; i++) {
            if (r.get(i).length != cols) {
                throw m.error("expected a " + rows + " x " + cols + " matrix (rows = targets, columns = sources), row " + i
                        + " has " + r.get(i).length + " columns");
            }
            for (double v : r.get(i)) if (!Double.isFinite(v)) throw m.error("expected finite matrix entries");
        }
        return r.toArray(double[][]::new);
    }

    // ---------------------------------------------------------------- recording

    private Network.RecordSpec record(Cfg c, Map<String, Population> pops, double dt, double duration) {
        if (!c.present()) {
            return new Network.RecordSpec(List.copyOf(pops.keySet()), List.of(), Math.max(dt, 0.005),
                    List.copyOf(pops.keySet()));
        }
        c.allowOnly(RECORD);
        // spikes.csv is always written; record.spikes chooses its populations (all by default, [] for none)
        List<String> spikes = c.has("spikes") ? populationNames(c.get("spikes"), pops) : List.copyOf(pops.keySet());
        List<Network.StateProbe> state = new ArrayList<>();
        if (c.has("state")) {
            for (Cfg s : c.get("state").list()) {
                s.allowOnly(Set.of("population", "variables", "neurons"));
                String pn = s.get("population").required().text();
                Population p = pops.get(pn);
                if (p == null) throw s.get("population").error("unknown population '" + pn + "'; known populations: "
                        + String.join(", ", pops.keySet()));
                List<String> vars = s.has("variables") ? s.get("variables").names() : p.variables();
                for (String v : vars) {
                    if (!p.variables().contains(v)) {
                        throw s.get("variables").error("unknown state variable '" + v + "' of " + p.model + "; it has "
                                + String.join(", ", p.variables()));
                    }
                }
                int[] neurons;
                if (!s.has("neurons")) {
                    neurons = new int[] {0};
                } else if (!s.get("neurons").isList() && s.get("neurons").text().equals("all")) {
                    neurons = java.util.stream.IntStream.range(0, p.size).toArray();
                } else {
                    List<Cfg> ns = s.get("neurons").list();
                    neurons = new int[ns.size()];
                    for (int i = 0; i < neurons.length; i++) neurons[i] = (int) ns.get(i).integer(0, p.size - 1);
                }
                state.add(new Network.StateProbe(pn, vars, neurons));
            }
        }
        double bin = 0;
        List<String> ratePops = List.of();
        if (c.has("rates")) {
            Cfg r = c.get("rates");
            r.allowOnly(Set.of("bin", "populations"));
            bin = r.get("bin").quantity(Dimension.TIME, "5 ms");
            if (!(bin >= dt)) throw r.get("bin").error("expected a bin of at least one step (" + fmt(dt) + " s)");
            ratePops = r.has("populations") ? populationNames(r.get("populations"), pops) : List.copyOf(pops.keySet());
        }
        return new Network.RecordSpec(spikes, state, bin, ratePops);
    }

    private static List<String> populationNames(Cfg c, Map<String, Population> pops) {
        if (!c.isList() && c.text().equals("all")) return List.copyOf(pops.keySet());
        List<String> names = c.names();
        for (String n : names) {
            if (!pops.containsKey(n)) {
                throw c.error("unknown population '" + n + "'; known populations: " + String.join(", ", pops.keySet()));
            }
        }
        return names;
    }

    // ---------------------------------------------------------------- memory

    /**
     * Estimates the memory the network needs before anything is allocated, and refuses a network that cannot fit
     * in the heap: a clear error instead of an OutOfMemoryError mid-run.
     */
    private static void estimateMemory(Cfg root, Map<String, Cfg> pops, double dt) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        double bytes = 0;
        for (Map.Entry<String, Cfg> e : pops.entrySet()) {
            long n = e.getValue().get("size").required().integer(1, Integer.MAX_VALUE - 8);
            sizes.put(e.getKey(), n);
            bytes += n * 8.0 * 40;   // state, integrator scratch, drive, filters: about 40 doubles per neuron
        }
        Cfg projs = root.get("projections");
        if (projs.present() && projs.isList()) {
            for (Cfg p : projs.list()) {
                Long src = sizes.get(p.get("from").text(""));
                if (src == null || !p.get("to").present()) continue;
                for (String t : p.get("to").names()) {
                    Long tgt = sizes.get(t);
                    if (tgt == null) continue;
                    Cfg con = p.get("connect");
                    double synapses;
                    if (con.has("probability")) {
                        double prob = con.get("probability").number();
                        synapses = src * (double) tgt * Math.max(0, Math.min(1, prob));
                    } else if (con.has("in_degree")) {
                        synapses = tgt * (double) con.get("in_degree").integer(0, Integer.MAX_VALUE);
                    } else if (con.has("one_to_one")) {
                        synapses = tgt;
                    } else {
                        synapses = src * (double) tgt * 2;   // all, or a matrix (dense, 8 bytes + CSR)
                    }
                    boolean perSynapse = p.get("weight").present() && !p.get("weight").isList()
                            && p.get("weight").text().contains("(");
                    bytes += synapses * (perSynapse ? 8 : 4) * 1.1 + src * 4.0;
                }
            }
        }
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > 0.85 * max) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "populations: the network needs about %.1f GiB but the Java heap holds at most %.1f GiB; "
                            + "raise it with JAVA_OPTS=-Xmx%dg or make the network smaller",
                    bytes / (1L << 30), max / (double) (1L << 30), (long) Math.ceil(bytes / 0.8 / (1L << 30))));
        }
    }

    /** A seed for one purpose, derived from the run's seed and a tag: independent of config order. */
    static long mix(long seed, String tag) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < tag.length(); i++) h = (h ^ tag.charAt(i)) * 0x100000001B3L;
        return h ^ (h >>> 31);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
