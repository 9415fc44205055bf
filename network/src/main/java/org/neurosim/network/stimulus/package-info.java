/**
 * The built-in stimuli, plugins like any other: constant, steps, sine, pulses, noise.
 */
package org.neurosim.network.stimulus;
