package org.neurosim.cli;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGINT and SIGTERM during a run set a flag the simulation polls each step, so the run stops cleanly with every
 * output flushed and summary.json marked incomplete (exit 130 or 143) instead of dying mid-write.
 */
final class Signals {
    private Signals() { }

    @SuppressWarnings("restriction")
    static void install(AtomicInteger received) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> received.compareAndSet(0, 2));
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), s -> received.compareAndSet(0, 15));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // a platform without these signals: the JVM's default handling stays
        }
    }

    /**
     * Back to the JVM's handling, once the simulation is over: Ctrl-C while the plots are drawn then ends the process
     * at once (the plot being written is removed on the way out, see AtomicFiles).
     */
    @SuppressWarnings("restriction")
    static void restoreDefaults() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_DFL);
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), sun.misc.SignalHandler.SIG_DFL);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // a platform without these signals
        }
    }
}
