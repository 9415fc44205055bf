/**
 * SPI of spike sources: a {@link org.neurosim.core.source.SpikeSourceModel} makes the
 * {@link org.neurosim.core.source.SpikeSource} of one population. Plugin writers may rely on: {@code emit} is
 * called once per step, in step order, on one thread, and its random stream is the population's own; a
 * {@link org.neurosim.core.source.StatefulSpikeSource} has its state arrays saved in a checkpoint and restored in
 * place before the resumed run's first step.
 */
package org.neurosim.core.source;
