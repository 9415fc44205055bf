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
}
