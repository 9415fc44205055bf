package org.neurosim.core.stimulus;

import org.neurosim.core.units.Dimension;

/**
 * Where a stimulus is used: its key path, the number of neurons it drives, the time step, the dimension of its
 * values (the model's input, or a frequency for a Poisson rate) and a seed of its own, derived from the run's seed
 * and the key path, for stimuli that draw random numbers.
 */
public record StimulusContext(String key, int size, double dt, Dimension dimension, long seed) { }
