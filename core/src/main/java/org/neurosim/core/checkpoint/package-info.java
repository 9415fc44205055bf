/**
 * Checkpoints: what a component saves so that a run restored from it continues exactly as the uninterrupted run
 * would ({@link org.neurosim.core.checkpoint.Checkpointable}), and the checksummed binary stream it is written to
 * ({@link org.neurosim.core.checkpoint.StateWriter}, {@link org.neurosim.core.checkpoint.StateReader}).
 */
package org.neurosim.core.checkpoint;
