/**
 * SPI of spike sources: a {@link org.neurosim.core.source.SpikeSourceModel} makes the
 * {@link org.neurosim.core.source.SpikeSource} of one population. Plugin writers may rely on: {@code emit} is
 * called once per step, in step order, on one thread, and its random stream is the population's own.
 */
package org.neurosim.core.source;
