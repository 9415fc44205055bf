/**
 * The built-in connection rules, plugins like any other: probability, all, one_to_one, in_degree, out_degree,
 * total, weights.
 */
package org.neurosim.network.connect;
