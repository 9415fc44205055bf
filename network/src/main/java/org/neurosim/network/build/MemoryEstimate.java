package org.neurosim.network.build;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.connect.SynapseList;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Units;
import org.neurosim.network.config.Cfg;

/**
 * The memory a network needs, estimated from the config before anything is allocated, so that a network that
 * cannot fit in the heap is refused with a clear error instead of an OutOfMemoryError mid-run.
 */
final class MemoryEstimate {
    /** State, integrator scratch, drive and filters: about 40 doubles per neuron. */
    static final double BYTES_PER_NEURON = 8.0 * 40;

    /**
     * A population on the grid (exact-grid) also holds its filters' rings of spikes on their way: two filters over 64
     * steps (6.4 ms of delay at 0.1 ms; the microcircuit's one filter of about 60 steps needs less).
     */
    static final double GRID_RING_BYTES_PER_NEURON = 8.0 * 2 * 64;

    /**
     * Bytes per synapse that a plastic synapse holds beyond a static one's, by rule: every plastic projection keeps
     * the efficacies the engine reads (a double: what a plastic synapse transmits is not rounded); STDP adds its weight (a double), the synapse's row and the by-target
     * index with its rows (three ints); Tsodyks-Markram u, x and the last spike time (three doubles); bernoulli nothing more. A plugin's rule
     * is taken as STDP's. (Before these counted, a 20-million-synapse STDP network the estimate admitted in a 256 MiB
     * heap ran out of memory while building.)
     */
    static final Map<String, Double> PLASTIC_BYTES_PER_SYNAPSE = Map.of(
            "stdp", 8.0 + 8 + 3 * 4,
            "tsodyks-markram", 8.0 + 3 * 8,
            "bernoulli", 8.0);

    private MemoryEstimate() { }

    /**
     * The share of the heap the estimate may take: it is an upper bound (the two largest scratches at once), so the
     * rest is the collector's headroom over a peak that is usually lower (the microcircuit: 3.5 GiB estimated, 2.9
     * GiB at its heap's peak, which runs in -Xmx4g).
     */
    static final double HEAP_SHARE = 0.9;

    static void check(Cfg root, Map<String, Cfg> pops, Map<String, SynapseList> arrays) {
        double bytes = bytes(root, pops, arrays);
        long max = Runtime.getRuntime().maxMemory();
        double machine = physicalMemory();
        if (bytes > HEAP_SHARE * max && machine > 0 && bytes > 0.8 * machine) {   // no heap setting can hold it here
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "populations: the network needs about %.1f GiB, more than this machine's %.1f GiB of memory; "
                            + "make it smaller", bytes / (1L << 30), machine / (1L << 30)));
        }
        if (bytes > HEAP_SHARE * max) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "populations: the network needs about %.1f GiB to build and run, more than %.0f%% of the %.1f GiB "
                            + "Java heap (the rest is the collector's headroom); raise it with JAVA_OPTS=-Xmx%dg or make the "
                            + "network smaller",
                    bytes / (1L << 30), 100 * HEAP_SHARE, max / (double) (1L << 30),
                    (long) Math.ceil(bytes / HEAP_SHARE / (1L << 30))));
        }
    }

    /** The machine's physical memory in bytes, or 0 where the JVM does not tell. */
    static double physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    static double bytes(Cfg root, Map<String, Cfg> pops) {
        return bytes(root, pops, Map.of());
    }

    static double bytes(Cfg root, Map<String, Cfg> pops, Map<String, SynapseList> arrays) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        Tally tally = new Tally();
        for (Map.Entry<String, Cfg> e : pops.entrySet()) {
            long n = e.getValue().get("size").required().integer(1, Integer.MAX_VALUE - 8);
            sizes.put(e.getKey(), n);
            tally.bytes += n * BYTES_PER_NEURON;
            String integrator = e.getValue().get("integrator").present() ? e.getValue().get("integrator").text("")
                    : root.get("integrator").text("");
            if (integrator.equals("exact-grid")) tally.bytes += n * GRID_RING_BYTES_PER_NEURON;
        }
        Cfg projs = root.get("projections");
        if (!projs.present() || !projs.isList()) return tally.bytes;
        // a projection's scratch while it is wired: a rule's growing target list (5% over the expected count) and
        // its trimmed copy exist together, and a total rule first draws its pairs (8 bytes each); two projections
        // are wired at once, so the peak is every projection's arrays plus the two largest scratches (measured on
        // the microcircuit: this gives 3.5 GiB where the heap peaked at 3.1 GB before a collection, 2.9 GB live)
        for (Cfg p : projs.list()) {
            Long src = sizes.get(p.get("from").text(""));
            if (src == null || !p.get("to").present()) continue;
            for (String t : p.get("to").names()) {
                Long tgt = sizes.get(t);
                if (tgt == null) continue;
                tally.bytes += rateDelayLine(root, pops.get(p.get("from").text("")), p, src);
                boolean perSynapse = p.get("weight").present() && !p.get("weight").isList()
                        && p.get("weight").text().contains("(");
                SynapseList given = p.get("connect").isMap() && p.get("connect").has("arrays")
                        ? arrays.get(p.get("connect").get("arrays").text("")) : null;
                if (given != null) {
                    given(tally, given, p, src, perSynapse);
                } else {
                    drawn(tally, p, src, tgt, perSynapse);
                }
            }
        }
        return tally.bytes + tally.scratch + tally.second;
    }

    /** The estimate so far: the bytes the network keeps, and the two largest scratches of wiring a projection. */
    private static final class Tally {
        double bytes, scratch, second;

        void scratch(double building) {
            if (building > scratch) {
                second = scratch;
                scratch = building;
            } else {
                second = Math.max(second, building);
            }
        }
    }

    /**
     * A projection whose synapses are handed over as arrays: the lists are in the heap already; while one is sorted
     * into rows, 28 bytes per synapse more (an order by target, the rows' targets, the weights and delays in SI).
     */
    private static void given(Tally tally, SynapseList given, Cfg p, long src, boolean perSynapse) {
        double n = given.count();
        boolean w = given.weights() != null || perSynapse;
        tally.bytes += given.bytes() + n * (w ? 8 : 4) + src * 4.0 + n * plasticBytes(p)
                + (given.delays() != null ? Math.min(n, src * 50.0) * 6 : 0);
        double building = n * (4 + 4 + (given.weights() != null ? 8 : 0) + (given.delays() != null ? 8 : 0));
        tally.scratch(building);
    }

    /** A projection whose connect rule draws its synapses: the expected count's arrays and scratch. */
    private static void drawn(Tally tally, Cfg p, long src, long tgt, boolean perSynapse) {
        double synapses;
        try {
            synapses = synapses(p.get("connect"), src, tgt);
        } catch (org.neurosim.core.InvalidInputException e) {
            return;   // a malformed rule: the projection's loader names it with what it expects
        }
        double building = synapses * (perSynapse ? 8 : 4) * 1.05
                + (p.get("connect").has("total") ? 8.0 * synapses : 0);
        tally.scratch(building);
        // the arrays are trimmed to the count drawn, which a probability rule gives within a few sqrt(n)
        tally.bytes += synapses * (perSynapse ? 8 : 4) * 1.02 + src * 4.0 + synapses * plasticBytes(p);
        boolean delayPerSynapse = p.get("delay").present() && p.get("delay").text().contains("(");
        if (delayPerSynapse) tally.bytes += Math.min(synapses, src * 50.0) * 6;   // rows by delay, ~50 delays each
    }

    /** A projection's plastic state per synapse (0 for a static synapse). */
    private static double plasticBytes(Cfg projection) {
        Cfg rule = projection.get("synapse").get("plasticity").get("rule");
        if (!rule.present() || rule.isMap() || rule.isList()) return 0;   // malformed: its loader says so
        String name = rule.text("");
        if (name.equals("static")) return 0;
        return PLASTIC_BYTES_PER_SYNAPSE.getOrDefault(name, PLASTIC_BYTES_PER_SYNAPSE.get("stdp"));
    }

    /**
     * A projection from a rate population with a delay of d steps keeps the source's last d + 1 rate vectors
     * (DenseProjection): 8 (d + 1) bytes per source neuron; 0 for any other projection or a delay the loader refuses.
     */
    private static double rateDelayLine(Cfg root, Cfg source, Cfg projection, long src) {
        if (source == null || !source.get("model").text("").equals("rate") || !projection.get("delay").present()) {
            return 0;
        }
        try {
            double dt = Units.parse(root.get("dt").text("0.1 ms"), Dimension.TIME, "dt");
            double steps = Units.parse(projection.get("delay").text(), Dimension.TIME, "delay") / dt;
            return steps >= 0 && steps <= 1e6 ? 8.0 * (Math.round(steps) + 1) * src : 0;
        } catch (InvalidInputException e) {
            return 0;   // the loader names what it expects
        }
    }

    /** The expected synapse count of one connect block (a plugin rule counts as none: it is unknown here). */
    private static double synapses(Cfg con, long src, long tgt) {
        if (con.has("probability")) {
            double prob = con.get("probability").number();
            return src * (double) tgt * Math.max(0, Math.min(1, prob));
        }
        if (con.has("in_degree")) return tgt * (double) con.get("in_degree").integer(0, Integer.MAX_VALUE);
        if (con.has("out_degree")) return src * (double) con.get("out_degree").integer(0, Integer.MAX_VALUE);
        if (con.has("total")) return con.get("total").integer(0, Long.MAX_VALUE);
        if (con.has("one_to_one")) return tgt;
        if (con.has("rule")) return 0;
        if (con.has("list") || con.has("arrays")) return 0;   // a file's lines are not counted ahead
        return src * (double) tgt * 2;   // all, or a matrix (dense, 8 bytes + CSR)
    }
}
