package org.neurosim.hh;

/** Numerically safe pieces of gate rate functions with removable singularities. */
final class RateFunctions {
    private RateFunctions() { }

    /** x / (1 - exp(-x)), equal to 1 + x/2 + x^2/12 + ... near 0, accurate for every x. */
    static double vtrap(double x) {
        if (Math.abs(x) < 1e-9) return 1 + 0.5 * x;
        return -x / Math.expm1(-x);
    }

    /** exprel(x) = (exp(x) - 1) / x, 1 at 0 (Brian2's exprel). */
    static double exprel(double x) {
        if (Math.abs(x) < 1e-9) return 1 + 0.5 * x;
        return Math.expm1(x) / x;
    }
}
