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
import org.neurosim.core.plugin.PluginRegistry.Kind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code neurosim plugins [--json]}: every discovered plugin by kind, with parameters and source module. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List neuron models, integrators, synaptic kernels and activation functions.")
final class PluginsCommand implements Callable<Integer> {
    @CommandLine.ParentCommand NeuroSim root;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    private record Entry(String name, String description, List<ParameterSpec> params, String source, Integer order) { }

    @Override
    public Integer call() throws Exception {
        PluginRegistry r = root.registry();
        Map<Kind, List<Entry>> all = new java.util.LinkedHashMap<>();
        all.put(Kind.NEURON_MODEL, r.neuronModels().values().stream()
                .map(m -> new Entry(m.name(), m.description(), m.parameters(), r.source(Kind.NEURON_MODEL, m.name()), null)).toList());
        all.put(Kind.INTEGRATOR, r.integrators().values().stream()
                .map(m -> new Entry(m.name(), m.description(), m.parameters(), r.source(Kind.INTEGRATOR, m.name()), m.order())).toList());
        all.put(Kind.KERNEL, r.kernels().values().stream()
                .map(m -> new Entry(m.name(), m.description(), m.parameters(), r.source(Kind.KERNEL, m.name()), null)).toList());
        all.put(Kind.ACTIVATION, r.activations().values().stream()
                .map(m -> new Entry(m.name(), m.description(), m.parameters(), r.source(Kind.ACTIVATION, m.name()), null)).toList());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode rootNode = mapper.createObjectNode();
            all.forEach((kind, entries) -> {
                ArrayNode arr = rootNode.putArray(kind.jsonKey);
                for (Entry e : entries) {
                    ObjectNode o = arr.addObject();
                    o.put("name", e.name());
                    o.put("description", e.description());
                    if (e.order() != null) o.put("order", e.order());
                    ArrayNode ps = o.putArray("params");
                    for (ParameterSpec p : e.params()) {
                        ObjectNode po = ps.addObject();
                        po.put("name", p.name());
                        po.put("unit", p.unit());
                        po.put("default", p.defaultValue());
                        po.put("description", p.description());
                        if (p.kind() != ParameterSpec.Kind.TEXT) {
                            po.put("dimension", p.dimensions().stream().map(d -> d.shortName())
                                    .collect(java.util.stream.Collectors.joining(" or ")));
                        }
                        String range = org.neurosim.core.param.Parameters.describeRange(p);
                        if (range != null) po.put("range", range);
                    }
                    o.put("source", e.source());
                }
            });
            out.println(mapper.writeValueAsString(rootNode));
            return 0;
        }
        all.forEach((kind, entries) -> {
            out.println(Character.toUpperCase(kind.label.charAt(0)) + kind.label.substring(1) + "s:");
            for (Entry e : entries) {
                String order = e.order() == null ? "" : e.order() == 0 ? " [exact]" : " [order " + e.order() + "]";
                out.printf("  %-20s %s%s  (from %s)%n", e.name(), e.description(), order, e.source());
                for (ParameterSpec p : e.params()) {
                    out.printf("      %-16s default %-14s %s%n", p.name(), p.defaultValue(), p.description());
                }
            }
            out.println();
        });
        return 0;
    }
}
