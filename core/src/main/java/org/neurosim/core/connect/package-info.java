/**
 * SPI of connection rules: a {@link org.neurosim.core.connect.ConnectionRule} turns a
 * {@link org.neurosim.core.connect.ConnectionContext} into {@link org.neurosim.core.connect.Connections} (CSR by
 * source, rows sorted). Plugin writers may rely on: the rule is called once per projection and target population
 * while the network is built, on one thread, with a random stream of its own; it must honour the autapse and
 * multapse flags it is given (or reject them with a clear error).
 */
package org.neurosim.core.connect;
