package org.neurosim.core.synapse;

import org.neurosim.core.plugin.PluginFactory;

/**
 * A synapse-model plugin: what a synapse does with a presynaptic spike and, optionally, a postsynaptic one.
 * {@code static} (the default: every spike transmits the stored weight) is the first; a config names another with
 * {@code synapse: {..., plasticity: {rule: NAME, its parameters}}}. The built-in {@code stdp} (synapses module) is
 * the pattern for a learning rule: a presynaptic trace per row and a postsynaptic trace per target, decayed in
 * closed form between events; {@code onPre}: w -= A- x_post(t); {@code onPost}: w += A+ x_pre(t) over the target's
 * incoming synapses. A triplet rule (Pfister & Gerstner 2006) adds a second trace on each side in the same two
 * calls. {@code tsodyks-markram} is the pattern for short-term plasticity: per-synapse u, x and the time of the
 * last spike, advanced in closed form in {@code transmit}, which writes w u x. {@code bernoulli} is the pattern for a
 * rule that draws random numbers: each draw a pure function of {@link SynapseContext#seed}, the synapse and the
 * spike's time (no stream shared between threads, no state to checkpoint).
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
