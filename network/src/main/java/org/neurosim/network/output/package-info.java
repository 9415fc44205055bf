/**
 * Recording: the monitors of a run and the built-in csv output format.
 */
package org.neurosim.network.output;
