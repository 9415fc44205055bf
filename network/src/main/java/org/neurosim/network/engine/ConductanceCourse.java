package org.neurosim.network.engine;

import java.util.ArrayList;
import java.util.List;
import org.neurosim.core.model.Drive;
import org.neurosim.core.synapse.ModalFilter;
import org.neurosim.core.synapse.SynapticFilter;

/**
 * The conductance onto a population inside a step, from its filters' states and their known propagation, for the
 * grid integrators' stages ({@link Drive#conductanceAt}, {@link Drive#meanConductance}). Each filter is a sum of
 * modes (see {@link ModalFilter}): g(t_n + s) = sum_m c_m(s) x_m with c_m(s) = mult_m exp(-s / tau_m) s^k_m / k_m!,
 * and the reversal-weighted sum takes E of the mode's filter. A first-order filter whose decay is folded into the
 * drive pass holds x(t_n) exp(-dt / tau) during the step, so its coefficient is exp((dt - s) / tau) instead; a filter
 * that is neither first-order nor modal is held (coefficient 1). Arrivals inside the step enter the filter whole
 * at its end ({@link SparseProjection}), so the course from the step's start is the conductance's whole course.
 *
 * <p>Workers call it at once on disjoint ranges: it keeps no scratch, only per-mode constants made at construction.
 */
final class ConductanceCourse implements Drive.ConductanceCourse {
    private final double dt;
    private final double[][] state;   // per mode: the array holding x_m
    private final double[] tau;       // per mode: tau_m (infinite for a held filter)
    private final int[] degree;       // per mode: k_m
    private final double[] scale;     // per mode: mult_m, and exp(dt / tau) for a folded first-order filter
    private final double[] reversal;  // per mode: E of its filter
    private final double[] mean;      // per mode: (1/dt) int_0^dt c_m(s) ds

    /** @param folded per group, the first-order decay folded into the drive pass, or NaN */
    ConductanceCourse(double dt, SynapseGroup[] groups, double[] folded) {
        this.dt = dt;
        List<double[]> x = new ArrayList<>();
        List<double[]> constants = new ArrayList<>();   // tau, degree, scale, reversal
        for (int k = 0; k < groups.length; k++) {
            SynapticFilter f = groups[k].filter;
            double e = groups[k].reversal, decay = folded[k];
            if (decay == decay) {   // x(t_n) f during the step: x(t_n + s) = x exp((dt - s) / tau)
                double t = f instanceof ModalFilter m && m.modeTimeConstants().length == 1
                        ? m.modeTimeConstants()[0] : -dt / Math.log(decay);
                x.add(f.output());
                constants.add(new double[] {t, 0, Math.exp(dt / t), e});
            } else if (f instanceof ModalFilter m) {
                for (int g = 0; g < m.modeDegrees().length; g++) {
                    for (int p = 0; p <= m.modeDegrees()[g]; p++) {
                        x.add(m.state(g, p));
                        constants.add(new double[] {m.modeTimeConstants()[g], p, m.multiplier(g, p), e});
                    }
                }
            } else {   // no known course: held
                x.add(f.output());
                constants.add(new double[] {Double.POSITIVE_INFINITY, 0, 1, e});
            }
        }
        int n = x.size();
        state = x.toArray(double[][]::new);
        tau = new double[n];
        degree = new int[n];
        scale = new double[n];
        reversal = new double[n];
        mean = new double[n];
        for (int m = 0; m < n; m++) {
            double[] c = constants.get(m);
            tau[m] = c[0];
            degree[m] = (int) c[1];
            reversal[m] = c[3];
            scale[m] = c[2];
            mean[m] = c[2] * meanOfMode(c[0], degree[m], dt);
        }
    }

    @Override
    public void at(double s, double[] g, double[] gE, int from, int to) {
        for (int m = 0; m < state.length; m++) {
            double c = scale[m] * Math.exp(-s / tau[m]) * power(s, degree[m]);
            accumulate(m == 0, c, c * reversal[m], state[m], g, gE, from, to);
        }
    }

    @Override
    public void mean(double[] g, double[] gE, int from, int to) {
        for (int m = 0; m < state.length; m++) {
            accumulate(m == 0, mean[m], mean[m] * reversal[m], state[m], g, gE, from, to);
        }
    }

    /** g (+)= c x, gE (+)= cE x over from..to. */
    private static void accumulate(boolean first, double c, double cE, double[] x, double[] g, double[] gE,
                                   int from, int to) {
        if (first) {
            for (int i = from; i < to; i++) {
                double xi = x[i];
                g[i] = c * xi;
                gE[i] = cE * xi;
            }
        } else {
            for (int i = from; i < to; i++) {
                double xi = x[i];
                g[i] += c * xi;
                gE[i] += cE * xi;
            }
        }
    }

    /** s^k / k!. */
    static double power(double s, int k) {
        double p = 1;
        for (int j = 1; j <= k; j++) p *= s / j;
        return p;
    }

    /**
     * (1/h) int_0^h exp(-s / tau) s^k / k! ds = (tau^(k+1) / h) Q, with Q = 1 - exp(-x) sum_(j=0..k) x^j / j! the
     * Poisson tail exp(-x) sum_(j&gt;k) x^j / j! at x = h / tau (summed as a tail below x = 1, where the difference
     * would cancel); 1 for k = 0 and tau infinite (a held filter).
     */
    static double meanOfMode(double tau, int k, double h) {
        if (tau == Double.POSITIVE_INFINITY) return k == 0 ? 1 : power(h, k) / (k + 1);
        double x = h / tau;
        double q;
        if (x < 1) {
            double term = Math.exp(-x) * power(x, k + 1);   // exp(-x) x^(k+1) / (k+1)!
            q = 0;
            for (int j = k + 1; j < k + 60 && term > 1e-18 * q; j++) {
                q += term;
                term *= x / (j + 1);
            }
        } else {
            double sum = 0, term = 1;
            for (int j = 0; j <= k; j++) {
                sum += term;
                term *= x / (j + 1);
            }
            q = 1 - Math.exp(-x) * sum;
        }
        return Math.pow(tau, k + 1) / h * q;
    }
}
