/**
 * The built-in spike sources, plugins like any other: poisson, spike-times.
 */
package org.neurosim.network.source;
