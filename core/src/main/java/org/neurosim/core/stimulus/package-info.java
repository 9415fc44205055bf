/**
 * SPI of stimuli: a {@link org.neurosim.core.stimulus.Stimulus} plugin makes a
 * {@link org.neurosim.core.stimulus.Signal}, the value a population's input takes in each step. Plugin writers may
 * rely on: {@code fill} and {@code value} are called once per step (uniform signals) or once per step and chunk of
 * neurons, from the thread that owns the chunk; the step index starts at 0 with each run.
 */
package org.neurosim.core.stimulus;
