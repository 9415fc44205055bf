package org.neurosim.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.neurosim.network.Simulation;

/** A progress bar on stderr, shown only when a person is watching a terminal. */
final class Progress implements Simulation.Listener {
    private final PrintStream err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;

    private Progress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Enabled when stderr is a terminal: the launcher tells (-Dneurosim.stderr.terminal), else the console does. */
    static Progress forStderr() {
        String told = System.getProperty("neurosim.stderr.terminal");
        boolean terminal = told != null ? Boolean.parseBoolean(told) : System.console() != null;
        return new Progress(System.err, terminal && !"dumb".equals(System.getenv("TERM")));
    }

    @Override
    public void progress(long done, long steps) {
        if (!enabled) return;
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && done < steps) return;
        lastDraw = now;
        double f = done / (double) steps;
        int width = 30;
        int filled = (int) Math.round(f * width);
        double elapsed = (now - start) / 1e9;
        double eta = f > 0 ? elapsed * (1 - f) / f : 0;
        err.printf(Locale.ROOT, "\r[%s%s] %5.1f%%  %.1f s elapsed, %.1f s left ", "#".repeat(filled),
                " ".repeat(width - filled), 100 * f, elapsed, eta);
        err.flush();
    }

    void done() {
        if (enabled && lastDraw != 0) err.println();
    }
}
