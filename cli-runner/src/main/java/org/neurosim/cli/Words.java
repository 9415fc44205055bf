package org.neurosim.cli;

import java.util.Locale;

/** Counts in messages: "1 neuron", "2 neurons" (digits as before: scripts parse these lines). */
final class Words {
    private Words() { }

    static String count(long n, String singular) {
        return String.format(Locale.ROOT, "%d %s", n, n == 1 ? singular : singular + "s");
    }

    /** A number without float noise: -40 not -40.00000000000001, 0.075 not 0.07500000000000001. */
    static String number(double x) {
        String s = new java.math.BigDecimal(x).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /**
     * A warning for a command that will run long (an estimate over 10 minutes), or null: {@code work} units at
     * {@code secondsEach} (a network: about 10 ns per neuron and step on one core here, BENCHMARKS.md; one neuron
     * alone: about 100 ns per step, the step's own overhead), split over {@code threads}.
     */
    static String longRunWarning(double work, double secondsEach, int threads, String what) {
        double seconds = work * secondsEach / Math.max(1, threads);
        if (seconds < 600) return null;
        String time = seconds < 7200 ? Math.round(seconds / 60) + " minutes"
                : seconds < 48 * 3600 ? Math.round(seconds / 3600) + " hours"
                : seconds < 10 * 86400 ? String.format(java.util.Locale.ROOT, "%.1f days", seconds / 86400)
                : String.format(java.util.Locale.ROOT, "%,d days", Math.round(seconds / 86400));
        return what + ": about " + time + " on this machine's kind; Ctrl-C stops it and keeps what is done";
    }

    /** The long-run warning of a network run (run, validate), or null. */
    static String longRunWarning(org.neurosim.network.Network net, String prefix) {
        return longRunWarning((double) net.steps() * net.neuronCount(), 1e-8, net.threads(),
                String.format(java.util.Locale.ROOT, "%s%.3g steps of %s", prefix, (double) net.steps(),
                        count(net.neuronCount(), "neuron")));
    }
}
