package org.neurosim.cli;

/**
 * A plugin module whose {@code configure()} throws, as one that reads a missing resource would: registered only
 * through the jar CrashesAndMessagesTest writes (META-INF/services naming this class), never on the test class path.
 */
public class BrokenPluginModule extends org.neurosim.core.plugin.AbstractNeuroSimPlugin {
    @Override
    protected void configure() {
        throw new IllegalStateException("cannot find my table");
    }
}
