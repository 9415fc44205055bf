package org.neurosim.lif;

import java.util.List;
import org.neurosim.core.integrate.LinearResponse;
import org.neurosim.core.model.Arrivals;
import org.neurosim.core.model.SpikeSink;
import org.neurosim.core.synapse.ModalFilter;

/**
 * The exact solution of a LIF population together with its current synapses (Rotter and Diesmann 1999): between
 * events the input is I_ext + sum_j c_j s^k_j / k_j! exp(-s/tau_j) (the filters' modes, {@link ModalFilter}), so
 * <pre>
 *   V(t + s) = v_inf + (V(t) - v_inf) exp(-s/tau_m) + r sum_j c_j R_j(s)     (v_inf = v_rest + r I_ext)
 * </pre>
 * with R_j the response of {@link LinearResponse#mode} and r the input's scale (1, or R = tau_m / C_m for currents).
 * A whole step is this with s = dt plus, by superposition, w G(dt - t_a) for each arrival at t_a; a neuron that
 * crosses the threshold, is refractory, or receives a jump that may cross is redone event by event, its crossing
 * located by bracketed root finding on the closed form.
 */
final class LifSynapses {
    private final double tauM, scale, vTh, vReset, tauRef, dt;
    // the modes of every input, flattened: term j belongs to group groupOf[j] (time constant tau[g], degree
    // degree[g], first term first[g]); c_j of neuron i = mult[j] * state[j][i]
    private final int terms;
    private final double[][] state;
    private final double[] mult, fullStep;   // fullStep[j] = r mult_j R_j(dt)
    private final int[] groupOf;
    private final double[] tau;
    private final int[] degree, first;
    private final int[] inputFirstGroup, inputGroups;
    private final double[] unit;             // per term: c_j added by a spike of weight 1 into its input
    private final ThreadLocal<double[]> coefficients;
    private final ThreadLocal<int[][]> order = ThreadLocal.withInitial(() -> new int[][] {new int[16]});

    LifSynapses(List<ModalFilter> inputs, double tauM, double scale, double vTh, double vReset, double tauRef,
                double dt) {
        this.tauM = tauM;
        this.scale = scale;
        this.vTh = vTh;
        this.vReset = vReset;
        this.tauRef = tauRef;
        this.dt = dt;
        int groups = 0, n = 0;
        for (ModalFilter f : inputs) {
            for (int d : f.modeDegrees()) {
                groups++;
                n += d + 1;
            }
        }
        terms = n;
        state = new double[n][];
        mult = new double[n];
        unit = new double[n];
        fullStep = new double[n];
        groupOf = new int[n];
        tau = new double[groups];
        degree = new int[groups];
        first = new int[groups];
        inputFirstGroup = new int[inputs.size()];
        inputGroups = new int[inputs.size()];
        int g = 0, j = 0;
        for (int in = 0; in < inputs.size(); in++) {
            ModalFilter f = inputs.get(in);
            inputFirstGroup[in] = g;
            inputGroups[in] = f.modeDegrees().length;
            for (int m = 0; m < f.modeDegrees().length; m++, g++) {
                tau[g] = f.modeTimeConstants()[m];
                degree[g] = f.modeDegrees()[m];
                first[g] = j;
                for (int k = 0; k <= degree[g]; k++, j++) {
                    state[j] = f.state(m, k);
                    mult[j] = f.multiplier(m, k);
                    unit[j] = f.unitSpike(m, k);
                    groupOf[j] = g;
                    fullStep[j] = scale * mult[j] * response(k, dt, tau[g]);
                }
            }
        }
        coefficients = ThreadLocal.withInitial(() -> new double[Math.max(1, terms)]);
    }

    private double response(int k, double h, double tauMode) {
        return LinearResponse.mode(k, h, tauMode, tauM, Math.exp(-h / tauM), Math.exp(-h / tauMode));
    }

    boolean hasTerms() {
        return terms > 0;
    }

    /** v += r sum_j c_j R_j(dt): the full step's response to the filters' state at its start, one pass per term. */
    void addFullStep(double[] v, int from, int to) {
        for (int j = 0; j < terms; j++) {
            double p = fullStep[j];
            double[] a = state[j];
            for (int i = from; i < to; i++) v[i] += p * a[i];
        }
    }

    /** The membrane's response, h after it, to an arrival of weight 1 through input {@code in} (or a jump). */
    double arrivalResponse(int in, double h) {
        double em = Math.exp(-h / tauM);
        if (in == Arrivals.JUMP) return em;
        double sum = 0;
        for (int g = inputFirstGroup[in], last = g + inputGroups[in]; g < last; g++) {
            double eg = Math.exp(-h / tau[g]);
            for (int k = 0; k <= degree[g]; k++) {
                sum += unit[first[g] + k] * LinearResponse.mode(k, h, tau[g], tauM, em, eg);
            }
        }
        return scale * sum;
    }

    /**
     * Neuron i from its state at the step's start, event by event: arrivals (sorted by time), threshold crossings
     * and the end of refractoriness. Returns the membrane at the step's end; updates {@code refractory[i]}.
     */
    double redo(int i, double v0, double vInf, double[] refractory, Arrivals arrivals, SpikeSink spikes) {
        double[] c = coefficients.get();
        for (int j = 0; j < terms; j++) c[j] = mult[j] * state[j][i];
        int[] mine = arrivalsOf(i, arrivals);
        int m = mine[0];
        double t = 0, v = v0, r = refractory[i];
        int next = 1;
        while (true) {
            double until = next <= m ? arrivals.offset(mine[next]) : dt;
            if (r > 0) {                             // held at v_reset; the synapses go on
                double hold = Math.min(r, until - t);
                shift(c, hold);
                t += hold;
                r -= hold;
                v = vReset;
                if (r > 0) {                         // still held at the next event
                    if (next > m) break;
                    arrive(c, arrivals, mine[next++], true);
                }
                continue;
            }
            if (v >= vTh) {                          // at or above threshold now (a jump, or the step's start)
                spikes.spike(i, t);
                v = vReset;
                r = tauRef;
                continue;
            }
            double seg = until - t;
            double end = membrane(v, vInf, c, seg);
            if (end >= vTh) {
                double s = crossing(v, vInf, c, seg);
                shift(c, s);
                t += s;
                spikes.spike(i, t);
                v = vReset;
                r = tauRef;
                continue;
            }
            v = end;
            shift(c, seg);
            t = until;
            if (next > m) break;
            double jump = arrive(c, arrivals, mine[next++], false);
            v += jump;
        }
        refractory[i] = r;
        return v;
    }

    /** Adds arrival k to the coefficients, or returns its jump of the membrane (0 while held). */
    private double arrive(double[] c, Arrivals arrivals, int k, boolean held) {
        int in = arrivals.input(k);
        double w = arrivals.weight(k);
        if (in == Arrivals.JUMP) return held ? 0 : w;
        for (int g = inputFirstGroup[in], last = g + inputGroups[in]; g < last; g++) {
            for (int j = first[g]; j <= first[g] + degree[g]; j++) c[j] += w * unit[j];
        }
        return 0;
    }

    private void shift(double[] c, double h) {
        if (h <= 0) return;
        for (int g = 0; g < tau.length; g++) LinearResponse.shift(c, first[g], degree[g], h, Math.exp(-h / tau[g]));
    }

    /** V(s) from v with the coefficients c at its start. */
    private double membrane(double v, double vInf, double[] c, double s) {
        double em = Math.exp(-s / tauM);
        double u = vInf + (v - vInf) * em;
        for (int g = 0; g < tau.length; g++) {
            double eg = Math.exp(-s / tau[g]);
            for (int k = 0; k <= degree[g]; k++) {
                double cj = c[first[g] + k];
                if (cj != 0) u += scale * cj * LinearResponse.mode(k, s, tau[g], tauM, em, eg);
            }
        }
        return u;
    }

    /**
     * The first s in (0, seg] with V(s) = v_th, given V(0) &lt; v_th &lt;= V(seg): the Illinois variant of regula
     * falsi, which keeps the bracket and converges superlinearly, to 1e-15 s.
     */
    private double crossing(double v, double vInf, double[] c, double seg) {
        double a = 0, fa = v - vTh, b = seg, fb = membrane(v, vInf, c, seg) - vTh;
        int side = 0;
        for (int it = 0; it < 200 && b - a > 1e-15; it++) {
            double s = fa == fb ? 0.5 * (a + b) : b - fb * (b - a) / (fb - fa);
            if (!(s > a && s < b)) s = 0.5 * (a + b);
            double fs = membrane(v, vInf, c, s) - vTh;
            if (fs >= 0) {
                b = s;
                fb = fs;
                if (side == -1) fa *= 0.5;
                side = -1;
            } else {
                a = s;
                fa = fs;
                if (side == 1) fb *= 0.5;
                side = 1;
            }
        }
        return b;
    }

    /** The indices of neuron i's arrivals sorted by time, in out[1..out[0]] (a scan: a step has few per neuron). */
    private int[] arrivalsOf(int i, Arrivals arrivals) {
        int[][] holder = order.get();
        int[] out = holder[0];
        int m = 0;
        for (int k = 0; k < arrivals.count(); k++) {
            if (arrivals.target(k) != i) continue;
            if (m + 2 > out.length) {
                out = java.util.Arrays.copyOf(out, 2 * out.length);
                holder[0] = out;
            }
            int p = ++m;   // insertion by time keeps equal times in arrival order
            while (p > 1 && arrivals.offset(out[p - 1]) > arrivals.offset(k)) {
                out[p] = out[p - 1];
                p--;
            }
            out[p] = k;
        }
        out[0] = m;
        return out;
    }
}
