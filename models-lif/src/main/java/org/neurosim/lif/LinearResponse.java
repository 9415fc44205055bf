package org.neurosim.lif;

/**
 * Closed forms for a leaky integrator driven by one exponential-polynomial mode, the building block of exact
 * integration with linear synapses: the solution of tau_m dV/dt = -V + u(t) with V(0) = 0 and
 * u(s) = s^k / k! exp(-s / tau) is
 * <pre>
 *   R_k(h) = (1/tau_m) integral_0^h exp(-(h - r)/tau_m) r^k / k! exp(-r/tau) dr
 *          = (1/tau_m) h^(k+1) exp(-h/tau) sum_(m >= 0) x^m / (m + k + 1)!        with x = h (1/tau - 1/tau_m)
 *          = (1/tau_m) (exp(-h/tau_m) - exp(-h/tau) sum_(j <= k) x^j / j!) / (1/tau - 1/tau_m)^(k+1).
 * </pre>
 * The series has positive terms for x &gt;= 0 and holds tau = tau_m (x = 0) without a special case; the second form,
 * used for x far from 0 where the series would need many terms, has no cancellation there. Both are exact to
 * round-off.
 */
public final class LinearResponse {
    private LinearResponse() { }

    /**
     * R_k(h) for a mode of time constant tau and power k.
     *
     * @param expMembrane exp(-h/tau_m), which callers usually have already
     * @param expMode     exp(-h/tau)
     */
    public static double mode(int k, double h, double tau, double tauM, double expMembrane, double expMode) {
        if (h <= 0) return 0;
        double beta = 1 / tau - 1 / tauM;
        double x = beta * h;
        if (k == 0) {   // (h / tau_m) exp(-h/tau) (e^x - 1) / x
            if (Math.abs(x) >= 0.5) return (expMembrane - expMode) / (tauM * beta);   // no cancellation left here
            return h * expMode * phi(x) / tauM;
        }
        if (x >= -2 && x <= 50) {
            // sum_m x^m / (m + k + 1)!, first term 1 / (k + 1)!
            double term = 1;
            for (int j = 2; j <= k + 1; j++) term /= j;
            double sum = term;
            for (int m = 1; m < 400; m++) {
                term *= x / (m + k + 1);
                sum += term;
                if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
            }
            double hk = h;
            for (int j = 0; j < k; j++) hk *= h;
            return hk * expMode * sum / tauM;
        }
        double poly = 1, t = 1;
        for (int j = 1; j <= k; j++) {
            t *= x / j;
            poly += t;
        }
        return (expMembrane - expMode * poly) / (tauM * Math.pow(beta, k + 1));
    }

    /** 1/(m+1)! for m = 0..15: (e^x - 1)/x = sum_m x^m / (m+1)!, to round-off for |x| &lt; 0.5 with 16 terms. */
    private static final double[] PHI = new double[16];

    static {
        double f = 1;
        for (int m = 0; m < PHI.length; m++) {
            f /= m + 1;
            PHI[m] = f;
        }
    }

    /** (e^x - 1)/x by Horner's rule on its series (no call, no division; expm1 costs five times as much). */
    static double phi(double x) {
        double sum = PHI[PHI.length - 1];
        for (int m = PHI.length - 2; m >= 0; m--) sum = sum * x + PHI[m];
        return sum;
    }

    /**
     * Shifts the coefficients of one mode group by h: if u(s) = exp(-s/tau) sum_k c_k s^k / k!, then
     * u(h + s) = exp(-s/tau) sum_k c'_k s^k / k! with c'_k = exp(-h/tau) sum_(l >= k) c_l h^(l-k) / (l-k)!.
     * {@code c[from .. from + degree]} is updated in place.
     */
    public static void shift(double[] c, int from, int degree, double h, double expMode) {
        for (int k = 0; k <= degree; k++) {
            double sum = 0, p = 1;
            for (int l = k; l <= degree; l++) {
                sum += c[from + l] * p;
                p *= h / (l - k + 1);
            }
            c[from + k] = sum * expMode;   // c[from + l] for l > k is still unshifted: k ascends
        }
    }
}
