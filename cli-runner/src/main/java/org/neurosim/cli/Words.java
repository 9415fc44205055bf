package org.neurosim.cli;

import java.util.Locale;

/** Counts in messages: "1 neuron", "2 neurons" (digits as before: scripts parse these lines). */
final class Words {
    private Words() { }

    static String count(long n, String singular) {
        return String.format(Locale.ROOT, "%d %s", n, n == 1 ? singular : singular + "s");
    }
}
