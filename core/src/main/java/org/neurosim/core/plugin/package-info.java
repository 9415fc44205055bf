/**
 * Plugin discovery and the shape every plugin shares. A plugin is a {@link org.neurosim.core.plugin.PluginFactory}
 * of one {@link org.neurosim.core.plugin.PluginKind}; a jar contributes plugins through a Guice module
 * ({@link org.neurosim.core.plugin.AbstractNeuroSimPlugin}) listed in
 * {@code META-INF/services/org.neurosim.core.plugin.NeuroSimPlugin}. Plugin writers may rely on: one registry per
 * kind keyed by name, names unique per kind (a clash fails at start-up naming both modules), parameters validated
 * before {@code create}, and modules that only bind (no I/O).
 */
package org.neurosim.core.plugin;
