/**
 * The built-in spike sources, plugins like any other: poisson, spike-times, and the renewal
 * processes gamma and poisson-dead-time (RenewalTrains: exact intervals, state saved in a checkpoint).
 */
package org.neurosim.network.source;
