package org.neurosim.expressions;

/**
 * The functions of the equation language, evaluated in Java exactly as the generated code evaluates them, so that
 * a part folded to a constant at load time has the value the loop would have computed.
 */
public final class Functions {
    private Functions() { }

    /** exprel(x) = (exp(x) - 1) / x, 1 at x = 0 (Brian2's exprel): the removable singularity of HH's rates. */
    public static double exprel(double x) {
        if (Math.abs(x) < 1e-9) return 1 + 0.5 * x;
        return Math.expm1(x) / x;
    }

    /**
     * exprel(x) given e = exp(x): (e - 1) / x, and the series 1 + x/2 + x^2/6 for |x| &lt; 1e-4, where e - 1 would
     * lose more than 1e-12 to cancellation (the remainder x^3/24 is below 5e-14 there).
     */
    public static double exprelOf(double e, double x) {
        if (Math.abs(x) < 1e-4) return 1 + x * (0.5 + x * (1.0 / 6));
        return (e - 1) / x;
    }

    /** x**p with whole small powers as products (as the generated code writes them). */
    public static double pow(double x, double p) {
        if (p == 2) return x * x;
        if (p == 3) return x * x * x;
        if (p == 1) return x;
        if (p == -1) return 1 / x;
        if (p == 0.5) return Math.sqrt(x);
        return Math.pow(x, p);
    }

    public static double clip(double x, double lo, double hi) {
        return Math.min(Math.max(x, lo), hi);
    }

    /** The Java expression for {@code function(args)}, args already Java expressions. */
    public static String java(String function, String[] a) {
        return switch (function) {
            case "exprel" -> "org.neurosim.expressions.Functions.exprel(" + a[0] + ")";
            case "clip" -> "Math.min(Math.max(" + a[0] + ", " + a[1] + "), " + a[2] + ")";
            case "min", "max" -> "Math." + function + "(" + a[0] + ", " + a[1] + ")";
            default -> "Math." + function + "(" + a[0] + ")";
        };
    }

    public static double apply(String f, double[] a) {
        return switch (f) {
            case "exp" -> Math.exp(a[0]);
            case "log" -> Math.log(a[0]);
            case "log10" -> Math.log10(a[0]);
            case "log1p" -> Math.log1p(a[0]);
            case "expm1" -> Math.expm1(a[0]);
            case "sin" -> Math.sin(a[0]);
            case "cos" -> Math.cos(a[0]);
            case "tan" -> Math.tan(a[0]);
            case "tanh" -> Math.tanh(a[0]);
            case "sinh" -> Math.sinh(a[0]);
            case "cosh" -> Math.cosh(a[0]);
            case "sqrt" -> Math.sqrt(a[0]);
            case "abs" -> Math.abs(a[0]);
            case "exprel" -> exprel(a[0]);
            case "min" -> Math.min(a[0], a[1]);
            case "max" -> Math.max(a[0], a[1]);
            case "clip" -> clip(a[0], a[1], a[2]);
            default -> throw new IllegalArgumentException("unknown function " + f);
        };
    }
}
