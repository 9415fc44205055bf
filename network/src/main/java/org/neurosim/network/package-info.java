/**
 * The network API: {@link org.neurosim.network.Network} (built from YAML by
 * {@link org.neurosim.network.build.NetworkLoader} or in Java by {@link org.neurosim.network.NetworkBuilder}) and
 * {@link org.neurosim.network.Simulation}. The subpackages show the architecture: {@code config} reads the config
 * tree, {@code build} turns each block into engine objects, {@code engine} steps them, {@code output} records;
 * {@code connect}, {@code stimulus}, {@code source} hold the built-in plugins of those kinds. Only the root package
 * and core's SPI are meant for users and plugin writers; the rest may change between versions.
 */
package org.neurosim.network;
