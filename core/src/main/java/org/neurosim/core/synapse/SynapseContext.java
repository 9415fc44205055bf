package org.neurosim.core.synapse;

/**
 * The synapses of one projection as a rule sees them, in the projection's storage order (rows by source,
 * sorted by target): synapse s of source j, for s in {@code rowStart[j] .. rowStart[j+1])}, goes to neuron
 * {@code targets[s]}. {@code weights} holds one weight per synapse (SI, writable by the rule), or is null when the
 * projection has the single weight {@code weight}. {@code seed} seeds a rule that draws random numbers.
 */
public record SynapseContext(String key, double dt, int sources, int targetCount, int[] rowStart, int[] targets,
                             float[] weights, double weight, long seed) {
    public int count() {
        return targets.length;
    }
}
