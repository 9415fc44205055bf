package org.neurosim.equations;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.NumericalFailureException;
import org.neurosim.core.model.SpikeRule;
import org.neurosim.core.model.SpikeSink;

/**
 * Exact integration of linear equations with constant coefficients, ds/dt = A s + b with b = c + e_ext I_ext +
 * e_syn I_syn held over the step (NEST's propagator method, Rotter &amp; Diesmann 1999): s(t + h) = P(h) s(t) +
 * Q(h) b with P(h) = exp(A h) and Q(h) = integral_0^h exp(A u) du, both read from the exponential of the augmented
 * matrix [[A, I], [0, 0]] h (Van Loan 1978). P and Q for the full step are computed once per run; a threshold
 * crossing inside the step is located on the closed form by Brent's method to 1e-15 s, then the reset is applied
 * and the rest of the step (and the refractory period, with the membrane row removed while it is held) is
 * propagated with P and Q for those lengths.
 */
final class LinearPropagator {
    private final int n;
    private final double[][] a;        // A
    private final double[][] aHeld;    // A with the membrane's row zeroed: the membrane held while refractory
    private final double[] c, eExt, eSyn;
    private final double dt;
    private final double[][] pStep, qStep, pHeldStep, qHeldStep;
    private final int membrane;
    private final double threshold, refractoryPeriod;
    private final boolean clamp;
    private final SpikeRule.Reset reset;
    /** Brian2's rule: a free neuron whose condition holds spikes (null: an upward crossing). */
    private final SpikeRule.Condition condition;
    /** Refractory while this holds, tested at each step's start (null: for the refractory period). */
    private final SpikeRule.Condition refractoryCondition;
    private final BrentSolver brent = new BrentSolver(1e-14, 1e-15);

    /**
     * The states in units of their natural size (mV, nA, nS ... as powers of two, so the change is exact): in SI a
     * coupling such as r/tau from amperes to volts is 1e10 times the decay rates, and the scaling and squaring of
     * the exponential would square 30 times and lose 1e-8 of accuracy; balanced, it needs none.
     */
    private final double[] scale;

    LinearPropagator(double[][] a, double[] c, double[] eExt, double[] eSyn, double dt, SpikeRule rule,
                     double[] naturalSize) {
        this.n = a.length;
        this.scale = new double[n];
        for (int k = 0; k < n; k++) scale[k] = Math.scalb(1.0, Math.getExponent(naturalSize[k]));
        this.a = a;
        this.c = c;
        this.eExt = eExt;
        this.eSyn = eSyn;
        this.dt = dt;
        this.membrane = rule.membrane();
        this.threshold = rule.threshold();
        this.condition = rule.condition();
        this.refractoryCondition = rule.refractoryCondition();
        this.refractoryPeriod = rule.refractoryPeriod();
        this.clamp = rule.clamp();
        this.reset = rule.reset();
        this.aHeld = new double[n][];
        for (int k = 0; k < n; k++) aHeld[k] = k == membrane && clamp ? new double[n] : a[k].clone();
        double[][][] full = propagators(a, dt, scale), held = propagators(aHeld, dt, scale);
        pStep = full[0];
        qStep = full[1];
        pHeldStep = held[0];
        qHeldStep = held[1];
    }

    private double[][][] propagators(double[][] m, double h) {
        return propagators(m, h, scale);
    }

    /** P(h) and Q(h) for matrix m, computed for D^-1 m D with D = diag(d) and transformed back. */
    static double[][][] propagators(double[][] m, double h, double[] d) {
        int n = m.length;
        if (n == 1) {   // one variable: exp(a h) and (exp(a h) - 1)/a directly (after every spike, so it matters)
            double a = m[0][0];
            return new double[][][] {{{Math.exp(a * h)}}, {{a == 0 ? h : Math.expm1(a * h) / a}}};
        }
        double[][] aug = new double[2 * n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) aug[i][j] = m[i][j] * d[j] / d[i] * h;
            aug[i][n + i] = h;
        }
        double[][] e = expm(aug);
        double[][] p = new double[n][n], q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[i][j] = e[i][j] * d[i] / d[j];
                q[i][j] = e[i][n + j] * d[i] / d[j];
            }
        }
        return new double[][][] {p, q};
    }

    /**
     * exp(M) by scaling and squaring of the Taylor series: M / 2^s with norm at most 1/2, 30 terms (the remainder
     * is below 1e-40 of the sum), then s squarings.
     */
    static double[][] expm(double[][] m) {
        int n = m.length;
        double norm = 0;
        for (double[] row : m) {
            double r = 0;
            for (double x : row) r += Math.abs(x);
            norm = Math.max(norm, r);
        }
        int s = norm > 0.5 ? (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2)) : 0;
        double scale = Math.scalb(1.0, -s);
        double[][] x = new double[n][n], term = new double[n][n], sum = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) x[i][j] = m[i][j] * scale;
            term[i][i] = 1;
            sum[i][i] = 1;
        }
        for (int k = 1; k <= 30; k++) {
            term = multiply(term, x);
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) term[i][j] /= k;
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) sum[i][j] += term[i][j];
        }
        for (int k = 0; k < s; k++) sum = multiply(sum, sum);
        return sum;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double xik = x[i][k];
                if (xik == 0) continue;
                for (int j = 0; j < n; j++) out[i][j] += xik * y[k][j];
            }
        }
        return out;
    }

    /** Advances neurons from..to by one step; {@code refractory[i]} is the refractory time left. */
    void advance(double[][] state, double[] ext, double[] syn, double[] g, double[] refractory, SpikeSink spikes,
                 int from, int to) {
        double[] s = null, b = null, bHeld = null, out = null;
        boolean spiking = membrane >= 0;
        double p = pStep[0][0], q = qStep[0][0], c0 = c[0], ex = eExt[0], es = eSyn[0];
        double[] v = state[0];
        for (int i = from; i < to; i++) {
            if (g[i] != 0) {
                throw new InvalidInputException("integrator: exact integration of an equations model takes current "
                        + "synapses only; with conductance synapses use exponential-euler or rk4");
            }
            if (refractoryCondition != null && refractory[i] > 0 && !refractoryCondition.holds(state, i)) {
                refractory[i] = 0;   // Brian2's not_refractory: over once the condition fails at a step's start
            }
            if (n == 1) {   // the common case of a one-variable model, without arrays
                double r = refractory[i];
                if (r == 0) {
                    double v0 = v[i];
                    double v1 = p * v0 + q * (c0 + ex * ext[i] + es * syn[i]);
                    boolean fires = spiking && (v0 < threshold ? v1 >= threshold
                            : condition != null && condition.holds(state, i));
                    if (!fires) {
                        v[i] = v1;
                        continue;
                    }
                } else if (r >= dt) {   // refractory for the whole step: held, or integrated without a threshold
                    if (!clamp) v[i] = p * v[i] + q * (c0 + ex * ext[i] + es * syn[i]);
                    refractory[i] = r - dt < 1e-18 ? 0 : r - dt;
                    continue;
                }
            }
            if (s == null) {
                s = new double[n];
                b = new double[n];
                bHeld = new double[n];
                out = new double[n];
            }
            advanceOne(i, state, ext, syn, refractory, spikes, s, b, bHeld, out);
        }
    }

    /** One neuron through a step with events: the end of its refractory period, threshold crossings. */
    private void advanceOne(int i, double[][] state, double[] ext, double[] syn, double[] refractory,
                            SpikeSink spikes, double[] s, double[] b, double[] bHeld, double[] out) {
        boolean spiking = membrane >= 0;
        {
            for (int k = 0; k < n; k++) {
                s[k] = state[k][i];
                b[k] = c[k] + eExt[k] * ext[i] + eSyn[k] * syn[i];
                bHeld[k] = k == membrane && clamp ? 0 : b[k];
            }
            double t = 0, lastSpike = -1;
            while (t < dt) {
                if (refractory[i] > 0) {
                    t += refractoryPart(i, t, refractory, s, bHeld, out);
                    continue;
                }
                if (spiking && condition != null && t > lastSpike && holds(state, i, s)) {
                    // Brian2's rule: free (at the step's start or as refractoriness ends) with the condition true
                    spikes.spike(i, t);
                    lastSpike = t;
                    resetAt(i, state, s, refractory);
                    continue;
                }
                double h = dt - t;
                if (h == dt) apply(pStep, qStep, s, b, out);
                else {
                    double[][][] pq = propagators(a, h);
                    apply(pq[0], pq[1], s, b, out);
                }
                if (spiking && s[membrane] < threshold && out[membrane] >= threshold) {
                    double[] start = s.clone();
                    double tau = crossing(start, b, h);
                    double[][][] pq = propagators(a, tau);
                    apply(pq[0], pq[1], start, b, s);
                    s[membrane] = threshold;   // the crossing's value, free of the root's last-bit error
                    t += tau;
                    spikes.spike(i, t);
                    lastSpike = t;
                    resetAt(i, state, s, refractory);
                    if (!(tau > 0) && refractoryPeriod == 0) break;   // no progress possible: the next step goes on
                    continue;
                }
                System.arraycopy(out, 0, s, 0, n);
                t = dt;
            }
            for (int k = 0; k < n; k++) state[k][i] = s[k];
        }
    }

    /**
     * Neuron i from time t of the step while refractory (held, or integrated without a threshold), to the end of its
     * refractoriness or of the step; returns the time advanced. Off the hot path: only neurons with events come
     * here, the common one-variable step stays inline in advance.
     */
    private double refractoryPart(int i, double t, double[] refractory, double[] s, double[] bHeld, double[] out) {
        double h = Math.min(refractory[i], dt - t);
        if (h == dt) apply(pHeldStep, qHeldStep, s, bHeld, out);
        else {
            double[][][] pq = propagators(aHeld, h);
            apply(pq[0], pq[1], s, bHeld, out);
        }
        System.arraycopy(out, 0, s, 0, n);
        refractory[i] -= h;
        if (refractory[i] < 1e-18) refractory[i] = 0;
        return h;
    }

    /** The reset of neuron i, whose state is {@code s}, and the start of its refractoriness. */
    private void resetAt(int i, double[][] state, double[] s, double[] refractory) {
        for (int k = 0; k < n; k++) state[k][i] = s[k];
        reset.apply(state, i);
        for (int k = 0; k < n; k++) s[k] = state[k][i];
        // a refractory condition ends at a step's start (see advance); until then the neuron is held
        refractory[i] = refractoryCondition != null ? Double.POSITIVE_INFINITY : refractoryPeriod;
    }

    /** The threshold condition for neuron i in state {@code s}. */
    private boolean holds(double[][] state, int i, double[] s) {
        for (int k = 0; k < n; k++) state[k][i] = s[k];
        return condition.holds(state, i);
    }

    private static void apply(double[][] p, double[][] q, double[] s, double[] b, double[] out) {
        int n = s.length;
        for (int k = 0; k < n; k++) {
            double x = 0;
            for (int j = 0; j < n; j++) x += p[k][j] * s[j] + q[k][j] * b[j];
            out[k] = x;
        }
    }

    /** The time in (0, h] at which the membrane, from {@code start}, reaches the threshold. */
    private double crossing(double[] start, double[] b, double h) {
        if (n == 1 && a[0][0] != 0) {
            // v(t) = v_inf + (v0 - v_inf) exp(a t): the crossing in closed form
            double vInf = -b[0] / a[0][0];
            double tau = Math.log((threshold - vInf) / (start[0] - vInf)) / a[0][0];
            if (tau >= 0 && tau <= h) return tau;
        }
        double[] out = new double[n];
        try {
            return brent.solve(200, tau -> {
                double[][][] pq = propagators(a, tau);
                apply(pq[0], pq[1], start, b, out);
                return out[membrane] - threshold;
            }, 0, h);
        } catch (RuntimeException e) {
            throw new NumericalFailureException("the threshold crossing inside a step could not be located: "
                    + e.getMessage(), Double.NaN);
        }
    }
}
