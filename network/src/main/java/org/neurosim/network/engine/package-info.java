/**
 * The engine that steps a network: populations (neurons with their state as arrays, or spike sources), sparse and
 * dense projections, shared synaptic filters, the worker threads. Engine internals of the network module, not an SPI:
 * outside the module, {@link org.neurosim.network.Network} shows them through read-only views.
 */
package org.neurosim.network.engine;
