package org.neurosim.network.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurosim.core.output.OutputFormat;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.network.Network;
import org.neurosim.network.config.Cfg;
import org.neurosim.network.engine.Population;
import org.neurosim.network.engine.Projection;
import org.neurosim.network.engine.SynapseGroup;
import org.neurosim.network.output.CsvOutput;
import org.neurosim.network.output.SynapticProbe;

/**
 * The {@code record} block: which populations' spikes (all by default, [] for none), state probes, population
 * rates, and the output formats ({@code formats: [csv, NAME, {format: NAME, its parameters}]}, csv by default).
 */
final class RecordLoader {
    static final Set<String> KEYS = Set.of("spikes", "state", "rates", "formats", "weights", "analysis", "memory");

    private RecordLoader() { }

    static Network.RecordSpec load(Cfg c, Map<String, Population> pops, List<List<Projection>> blocks,
                                   java.util.Collection<SynapseGroup> groups, double duration, LoadContext ctx) {
        List<Network.Output> formats = formats(c.get("formats"), ctx);
        if (!c.present()) {
            return new Network.RecordSpec(List.copyOf(pops.keySet()), List.of(), Math.max(ctx.dt, 0.005),
                    List.copyOf(pops.keySet()), formats, List.of(), 0, Network.Memory.DEFAULT);
        }
        c.allowOnly(KEYS);
        List<String> spikes = c.has("spikes") ? populationNames(c.get("spikes"), pops) : List.copyOf(pops.keySet());
        List<Network.StateProbe> state = new ArrayList<>();
        if (c.has("state")) {
            for (Cfg s : c.get("state").list()) state.add(probe(s, pops, groups));
        }
        double bin = 0;
        List<String> ratePops = List.of();
        if (c.has("rates")) {
            Cfg r = c.get("rates");
            r.allowOnly(Set.of("bin", "populations"));
            bin = r.get("bin").quantity(org.neurosim.core.units.Dimension.TIME, "5 ms");
            if (!(bin >= ctx.dt)) {
                throw r.get("bin").error("expected a bin of at least one step (" + LoadContext.fmt(ctx.dt) + " s)");
            }
            ratePops = r.has("populations") ? populationNames(r.get("populations"), pops) : List.copyOf(pops.keySet());
        }
        List<Network.WeightProbe> weights = new ArrayList<>();
        if (c.has("weights")) {
            for (Cfg w : c.get("weights").list()) weights.addAll(WeightProbes.load(w, blocks, duration, ctx));
        }
        double analysisStart = analysisStart(c, duration);
        Network.Memory memory = Network.Memory.DEFAULT;
        if (c.has("memory")) {   // what is kept in memory for plots and Java callers; the files get everything
            Cfg m = c.get("memory");
            m.allowOnly(Set.of("spikes", "trace_rows"));
            memory = new Network.Memory(
                    m.has("spikes") ? (int) m.get("spikes").integer(0, Integer.MAX_VALUE - 8) : memory.spikes(),
                    m.has("trace_rows") ? (int) m.get("trace_rows").integer(1, Integer.MAX_VALUE - 8) : memory.traceRows());
        }
        return new Network.RecordSpec(spikes, state, bin, ratePops, formats, weights, analysisStart, memory);
    }

    /**
     * The checks of record that need no network, made before the connectivity is built (a wrong analysis start of
     * the full microcircuit would otherwise be found after 40 s of wiring).
     */
    static void checkEarly(Cfg c, double duration) {
        if (!c.present()) return;
        c.allowOnly(KEYS);
        analysisStart(c, duration);
    }

    /** {@code analysis: {start: Q}}: the transient the spike statistics of summary.json leave out. */
    private static double analysisStart(Cfg c, double duration) {
        if (!c.has("analysis")) return 0;
        Cfg a = c.get("analysis");
        a.allowOnly(Set.of("start"));
        double start = a.get("start").quantity(org.neurosim.core.units.Dimension.TIME, "0 s");
        if (!(start >= 0 && start < duration)) {
            throw a.get("start").error("expected a time from 0 to the duration (" + LoadContext.fmt(duration) + " s)");
        }
        return start;
    }

    private static Network.StateProbe probe(Cfg s, Map<String, Population> pops, java.util.Collection<SynapseGroup> groups) {
        s.allowOnly(Set.of("population", "variables", "neurons"));
        String pn = s.get("population").required().text();
        Population p = pops.get(pn);
        if (p == null) {
            throw s.get("population").error("unknown population '" + pn + "'; known populations: "
                    + String.join(", ", pops.keySet()));
        }
        List<String> vars = s.has("variables") ? s.get("variables").names() : p.variables();
        List<String> known = new ArrayList<>(p.variables());
        known.addAll(SynapticProbe.names(p, groups));
        for (String v : vars) {
            if (!known.contains(v)) {
                throw s.get("variables").error("unknown state variable '" + v + "' of " + p.model + "; it has "
                        + String.join(", ", known));
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
        return new Network.StateProbe(pn, vars, neurons);
    }

    private static List<Network.Output> formats(Cfg c, LoadContext ctx) {
        List<Network.Output> out = new ArrayList<>();
        if (!c.present()) {
            OutputFormat csv = ctx.registry.get(PluginKind.OUTPUT_FORMAT, CsvOutput.NAME, null);
            out.add(new Network.Output("record.formats", csv, Parameters.defaults(csv.parameters())));
            return out;
        }
        for (Cfg f : c.isList() ? c.list() : List.of(c)) {
            String name;
            Map<String, Object> given;
            if (f.isMap()) {
                name = f.get("format").required().text();
                given = ctx.given(f);
                given.remove("format");
            } else {
                name = f.text();
                given = Map.of();
            }
            OutputFormat format = ctx.registry.get(PluginKind.OUTPUT_FORMAT, name, f.path);
            out.add(new Network.Output(f.path, format, Parameters.resolve(format.parameters(), given, f.path)));
        }
        return out;
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
}
