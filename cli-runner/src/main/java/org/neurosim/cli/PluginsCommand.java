package org.neurosim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.plugin.PluginKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code neurosim plugins [--json]}: every discovered plugin by kind, with parameters and source module. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every plugin by kind: neuron models and spike sources, integrators, synaptic kernels, "
                + "activation functions, connection rules, stimuli, plasticity rules, output formats.")
final class PluginsCommand implements Callable<Integer> {
    @CommandLine.ParentCommand NeuroSim root;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--equations", paramLabel = "FILE",
            description = "Describe the model in this file (model: equations): variables, parameters, integrators.")
    java.nio.file.Path equations;

    private record Entry(String name, String description, List<ParameterSpec> params, String source, Integer order,
                         String kind) { }

    @Override
    public Integer call() throws Exception {
        PluginRegistry r = root.registry();
        if (equations != null) return describeModel(r);
        Map<PluginKind<?>, List<Entry>> all = new java.util.LinkedHashMap<>();
        for (PluginKind<?> kind : r.kinds()) all.put(kind, entries(r, kind, null));
        // a population's `model:` names a neuron model or a spike source, so the neuron models list both
        List<Entry> models = new java.util.ArrayList<>(all.get(PluginKind.NEURON_MODEL));
        models.addAll(entries(r, PluginKind.SPIKE_SOURCE, PluginKind.SPIKE_SOURCE.label()));
        models.sort(java.util.Comparator.comparing(Entry::name));
        all.put(PluginKind.NEURON_MODEL, models);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(all));
            return 0;
        }
        all.forEach((kind, entries) -> {
            if (kind == PluginKind.SPIKE_SOURCE) return;   // listed with the neuron models
            out.println(Character.toUpperCase(kind.plural().charAt(0)) + kind.plural().substring(1) + ":");
            for (Entry e : entries) {
                String order = e.order() == null ? "" : e.order() == 0 ? " [exact]" : " [order " + e.order() + "]";
                String what = e.kind() == null ? "" : " [" + e.kind() + "]";
                out.printf("  %-20s %s%s%s  (from %s)%n", e.name(), e.description(), order, what, e.source());
                for (ParameterSpec p : e.params()) {
                    String def = p.defaultValue() == null || p.defaultValue().isBlank() ? "required" : "default " + p.defaultValue();
                    out.printf("      %-16s %-22s %s%n", p.name(), def, p.description());
                }
            }
            out.println();
        });
        return 0;
    }

    /** {@code plugins --json}: the entries of each kind under its JSON key, indented. */
    private static String json(Map<PluginKind<?>, List<Entry>> all) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode rootNode = mapper.createObjectNode();
        all.forEach((kind, entries) -> {
            ArrayNode arr = rootNode.putArray(kind.jsonKey());
            for (Entry e : entries) {
                ObjectNode o = arr.addObject();
                o.put("name", e.name());
                o.put("description", e.description());
                if (e.order() != null) o.put("order", e.order());
                if (e.kind() != null) o.put("kind", e.kind());
                ArrayNode ps = o.putArray("params");
                for (ParameterSpec p : e.params()) {
                    ObjectNode po = ps.addObject();
                    po.put("name", p.name());
                    po.put("unit", p.unit());
                    po.put("default", p.defaultValue());
                    po.put("description", p.description());
                    if (!p.dimensions().isEmpty()) {
                        po.put("dimension", p.dimensions().stream().map(d -> d.shortName())
                                .collect(java.util.stream.Collectors.joining(" or ")));
                    }
                    String range = org.neurosim.core.param.Parameters.describeRange(p);
                    if (range != null) po.put("range", range);
                }
                o.put("source", e.source());
            }
        });
        return mapper.writeValueAsString(rootNode);
    }

    /** {@code plugins --equations FILE}: what the model in the file is, as the loader will see it. */
    private int describeModel(PluginRegistry r) {
        PrintWriter out = spec.commandLine().getOut();
        var generic = r.get(PluginKind.NEURON_MODEL, "equations", "--equations");
        org.neurosim.network.config.ModelFile file = org.neurosim.network.config.ModelFile.read(generic, "equations", equations);
        org.neurosim.core.model.NeuronDynamics d = file.model().create(
                org.neurosim.core.model.PopulationContext.single(1e-4), file.parameters(Map.of()));
        out.println(equations + ": " + file.model().description());
        out.println("State variables:");
        for (var v : d.stateVariables()) {
            boolean membrane = d.spikeRule().spikes() && d.stateVariables().indexOf(v) == d.spikeRule().membrane();
            out.printf("  %-12s %s%s%n", v.name(), v.dimension().shortName(), membrane
                    ? "   threshold " + natural(d.spikeRule().threshold(), v.dimension())
                    + (d.spikeRule().clamp() ? ", held while refractory" : "") : "");
        }
        out.println("Input (I_ext, I_syn): " + d.inputDimension().describe());
        out.println("Parameters:");
        for (ParameterSpec p : file.model().parameters()) {
            Object given = file.params().get(p.name());
            out.printf("  %-12s %-22s %s%n", p.name(), given == null ? "required" : "= " + given, p.description());
        }
        out.println("Integrators: " + d.preferredIntegrator() + " by default; also "
                + r.all(PluginKind.INTEGRATOR).values().stream()
                        .filter(i -> !i.name().equals(d.preferredIntegrator()) && i.refusal(d).isEmpty())
                        .map(Integrator::name).sorted().collect(java.util.stream.Collectors.joining(", ")));
        return 0;
    }

    /** A value in the unit people write it in: mV for voltages, else SI. */
    private static String natural(double si, org.neurosim.core.units.Dimension d) {
        if (d.equals(org.neurosim.core.units.Dimension.VOLTAGE)) return Words.number(si * 1e3) + " mV";
        return Words.number(si) + (d.isDimensionless() ? "" : " (SI)");
    }

    private static List<Entry> entries(PluginRegistry r, PluginKind<?> kind, String label) {
        return r.all(kind).values().stream().map(m -> new Entry(m.name(), m.description(), m.parameters(),
                r.source(kind, m.name()), m instanceof Integrator i ? Integer.valueOf(i.order()) : null, label)).toList();
    }
}
