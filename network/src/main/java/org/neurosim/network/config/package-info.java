/**
 * Reading the config: the YAML tree with key paths for messages (Cfg), --set, distributions of initial values and
 * weights.
 */
package org.neurosim.network.config;
