package org.neurosim.core.synapse;

import org.neurosim.core.plugin.PluginFactory;

/**
 * A synapse-model plugin: what a synapse does with a presynaptic spike and, optionally, a postsynaptic one.
 * {@code static} (the default: every spike transmits the stored weight) is the first; a config names another with
 * {@code synapse: {..., plasticity: {rule: NAME, its parameters}}}. Pair-based STDP fits as: a presynaptic trace
 * per source and a postsynaptic trace per target, decayed in closed form between events; at a presynaptic
 * arrival w -= A- x_post(t) and the spike transmits w; at a postsynaptic spike w += A+ x_pre(t) over the target's
 * incoming synapses. Tsodyks-Markram fits as per-synapse u, x and the time of the last spike: at an arrival u and
 * x are advanced in closed form from that time, the spike transmits w u x, then x -= u x.
 */
public interface PlasticityRule extends PluginFactory<SynapseContext, SynapseDynamics> {
    /**
     * True when the rule changes weights and so needs one stored per synapse even where the projection gives a
     * single weight (4 more bytes per synapse).
     */
    default boolean weightPerSynapse() {
        return false;
    }
}
