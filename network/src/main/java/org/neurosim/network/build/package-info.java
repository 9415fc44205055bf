/**
 * Building a network from a config tree, one loader per block (populations, projections and their connect and
 * synapse blocks, stimuli, recording, the memory estimate). Engine internals; not an SPI.
 */
package org.neurosim.network.build;
