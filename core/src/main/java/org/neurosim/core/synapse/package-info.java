/**
 * SPI of synapses: {@link org.neurosim.core.synapse.SynapticKernel} plugins give the post-synaptic current h(t)
 * and its exact online {@link org.neurosim.core.synapse.SynapticFilter}; {@link org.neurosim.core.synapse.PlasticityRule}
 * plugins give what a synapse does with pre- and postsynaptic spikes. Plugin writers may rely on: filters are
 * advanced and fed on the thread that owns their target range; {@link org.neurosim.core.synapse.SynapseDynamics}
 * is called as its Javadoc says, with per-synapse arrays in the projection's storage order.
 */
package org.neurosim.core.synapse;
