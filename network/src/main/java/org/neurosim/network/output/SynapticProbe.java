package org.neurosim.network.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.neurosim.network.engine.NeuronPopulation;
import org.neurosim.network.engine.Population;
import org.neurosim.network.engine.SynapseGroup;

/**
 * The synaptic variables a population can record beside its model's state (config.md, "Plasticity"):
 * {@code i_syn}, the total synaptic current sum_k I_k + sum_c g_c (E_c - V) in the model's input unit (delta
 * synapses, which make the membrane jump, carry no current), and {@code g_<c>} for its c-th conductance filter in
 * config order (0, 1, ...). Values at t include every spike that arrived before t.
 */
public final class SynapticProbe {
    public static final String CURRENT = "i_syn";

    private SynapticProbe() { }

    /** The synaptic variables of p: none without filters onto it. */
    public static List<String> names(Population p, Collection<SynapseGroup> groups) {
        List<String> out = new ArrayList<>();
        List<SynapseGroup> onto = onto(p, groups);
        if (onto.isEmpty()) return out;
        out.add(CURRENT);
        int c = 0;
        for (SynapseGroup g : onto) if (g.conductance) out.add("g_" + c++);
        return out;
    }

    static List<SynapseGroup> onto(Population p, Collection<SynapseGroup> groups) {
        return groups.stream().filter(g -> g.target == p).toList();
    }

    /** Code of a synaptic variable name for {@link #value}: -1 for i_syn, -2 - c for g_c. */
    static int code(String name) {
        return name.equals(CURRENT) ? -1 : -2 - Integer.parseInt(name.substring(2));
    }

    static double value(int code, Population p, List<SynapseGroup> onto, int neuron) {
        if (code <= -2) {
            int c = 0;
            for (SynapseGroup g : onto) {
                if (g.conductance && c++ == -2 - code) return g.filter.output()[neuron];
            }
            throw new IllegalStateException("no conductance filter " + (-2 - code));
        }
        // filters reach neuron populations only
        double sum = 0, v = p.state()[((NeuronPopulation) p).dynamics.spikeRule().membrane()][neuron];
        for (SynapseGroup g : onto) {
            double o = g.filter.output()[neuron];
            sum += g.conductance ? o * (g.reversal - v) : o;
        }
        return sum;
    }
}
