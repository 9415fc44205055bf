/**
 * The engine that steps a network: populations (state as arrays), sparse and dense projections, shared synaptic
 * filters, the worker threads. Engine internals; not an SPI.
 */
package org.neurosim.network.engine;
