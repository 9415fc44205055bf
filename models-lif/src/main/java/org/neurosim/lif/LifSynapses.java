package org.neurosim.lif;

import java.util.List;
import org.neurosim.core.model.InputEvents;
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
 *
 * <p>With parameters per neuron ({@link LifParameters}) the propagators r R_j(dt) and e^(-dt/tau_m) are each neuron's
 * (arrays per term, {@code fullSteps}), and so is an arrival's response G where tau_m or c_m differ: it is then
 * computed for each target instead of once per presynaptic spike. The filters' own time constants are the
 * synapses', the same for every target.
 */
final class LifSynapses {
    // Over 300 lines: one propagator; the full step, deliver, redo and the root finder all read the
    // same flattened modes (state, mult, unit, tau, degree, first), which splitting the class would pass around.
    private final LifParameters p;
    private final double tauM, scale, dt;   // p's scalars
    // the modes of every input, flattened: term j belongs to group groupOf[j] (time constant tau[g], degree
    // degree[g], first term first[g]); c_j of neuron i = mult[j] * state[j][i]
    private final int terms;
    private final double[][] state;
    private final double[] mult, fullStep;   // fullStep[j] = r mult_j R_j(dt)
    private final double[][] fullSteps;      // per neuron (tau_m, c_m or v_rest differ): r_i mult_j R_j(dt; tau_m,i)
    private final int[] groupOf;
    private final double[] tau;
    private final int[] degree, first;
    private final int[] inputFirstGroup, inputGroups;
    private final double[] unit;             // per term: c_j added by a spike of weight 1 into its input
    private final ThreadLocal<double[]> coefficients;
    // first-order inputs whose decay this class folds into the full-step pass (their filters are not advanced by
    // the network): term index and factor; the other terms are read in passes of their own
    private final int[] foldedTerm, foldedInput;
    private final double[] foldedDecay;
    private final boolean[] inputFolded;
    private final int[] otherTerms;
    private final double[] startFactor;      // 1 / f for folded terms, 1 for the others
    private final List<ModalFilter> filters;

    // Over 50 lines: flattens every input's modes into the final arrays all passes read, then picks the folded inputs.
    LifSynapses(List<ModalFilter> inputs, LifParameters p, double dt) {
        this.p = p;
        this.tauM = p.tauM;
        this.scale = p.scale;
        this.dt = dt;
        this.filters = List.copyOf(inputs);
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
        fullSteps = p.oneMembrane ? null : new double[n][];
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
                    if (fullSteps != null) {
                        double[] each = fullSteps[j] = new double[p.size()];
                        for (int i = 0; i < each.length; i++) {
                            double tm = p.tauMs[i];
                            each[i] = p.scales[i] * mult[j] * LinearResponse.mode(k, dt, tau[g], tm,
                                    Math.exp(-dt / tm), Math.exp(-dt / tau[g]));
                        }
                    }
                }
            }
        }
        coefficients = ThreadLocal.withInitial(() -> new double[terms + 1]);   // and the slope at the end
        inputFolded = new boolean[inputs.size()];
        java.util.List<Integer> folded = new java.util.ArrayList<>(), other = new java.util.ArrayList<>(),
                foldedInputs = new java.util.ArrayList<>();
        java.util.List<Double> decays = new java.util.ArrayList<>();
        for (int in = 0; in < inputs.size(); in++) {
            ModalFilter f = inputs.get(in);
            int term = first[inputFirstGroup[in]];
            double decay = f.pointwiseDecay();
            if (inputGroups[in] == 1 && degree[inputFirstGroup[in]] == 0 && decay == decay && mult[term] == 1) {
                inputFolded[in] = true;
                folded.add(term);
                foldedInputs.add(in);
                decays.add(decay);
            } else {
                for (int gr = inputFirstGroup[in]; gr < inputFirstGroup[in] + inputGroups[in]; gr++) {
                    for (int k = 0; k <= degree[gr]; k++) other.add(first[gr] + k);
                }
            }
        }
        foldedTerm = folded.stream().mapToInt(Integer::intValue).toArray();
        foldedInput = foldedInputs.stream().mapToInt(Integer::intValue).toArray();
        foldedDecay = decays.stream().mapToDouble(Double::doubleValue).toArray();
        otherTerms = other.stream().mapToInt(Integer::intValue).toArray();
        startFactor = new double[terms];
        java.util.Arrays.fill(startFactor, 1);
        for (int k = 0; k < foldedTerm.length; k++) startFactor[foldedTerm[k]] = 1 / foldedDecay[k];
    }

    boolean folds(int input) {
        return inputFolded[input];
    }

    /**
     * The whole step for every neuron as if nothing happened: before = v, then {@link #gridStep} with nothing
     * arrived (v = v_inf + (v - v_inf) e^(-dt/tau_m) + r sum_j c_j R_j(dt); the folded filters decay, x *= f).
     */
    void fullStep(double[] v, double[] before, double[] in, double vRest, double decay, int from, int to) {
        if (fullSteps == null && foldedTerm.length == 2) {   // CUBA's case: the copy in the same pass as the step
            int x = foldedTerm[0], y = foldedTerm[1];
            stepTwoSaving(v, before, in, vRest, scale, decay, state[x], fullStep[x], foldedDecay[0], state[y],
                    fullStep[y], foldedDecay[1], from, to);
            for (int j : otherTerms) addTerm(v, fullStep[j], state[j], from, to);
            return;
        }
        System.arraycopy(v, from, before, from, to - from);
        gridStep(v, in, vRest, decay, null, from, to);
    }

    /**
     * The grid-constrained step for every neuron: each input first takes the weights arrived at the step's start
     * (as spikes of those weights, c_j += unit_j * arrived; the sums zeroed as they are read; {@code arrived} null:
     * nothing arrived), then v = v_inf + (v - v_inf) e^(-dt/tau_m) + r sum_j c_j R_j(dt) and the folded filters
     * decay to the step's end. The common cases (one folded input, as the microcircuit's, or two with nothing
     * arrived, as CUBA's exc and inh currents under exact) read them in the same loop as v.
     */
    void gridStep(double[] v, double[] in, double vRest, double decay, double[][] arrived, int from, int to) {
        if (arrived != null) {
            for (int input = 0; input < arrived.length; input++) {
                double[] sum = arrived[input];
                if (sum == null || inputFolded[input]) continue;
                filters.get(input).addToEach(sum, from, to);   // spikes of those weights arriving now, as it takes them
                java.util.Arrays.fill(sum, from, to, 0);
            }
        }
        if (fullSteps != null) {
            gridStepEach(v, in, arrived, from, to);
            return;
        }
        int n = foldedTerm.length;
        if (n == 1) {
            int a = foldedTerm[0];
            stepOne(v, in, vRest, scale, decay, state[a], fullStep[a], foldedDecay[0], arrivedAt(arrived, 0),
                    unit[a], from, to);
        } else if (n == 2 && arrivedAt(arrived, 0) == null && arrivedAt(arrived, 1) == null) {
            int a = foldedTerm[0], b = foldedTerm[1];
            stepTwo(v, in, vRest, scale, decay, state[a], fullStep[a], foldedDecay[0], state[b], fullStep[b],
                    foldedDecay[1], from, to);
        } else {
            for (int i = from; i < to; i++) {
                double vInf = vRest + scale * in[i];
                v[i] = vInf + (v[i] - vInf) * decay;
            }
            for (int k = 0; k < n; k++) {
                int j = foldedTerm[k];
                double[] x = state[j], sum = arrivedAt(arrived, k);
                double p = fullStep[j], u = unit[j], f = foldedDecay[k];
                for (int i = from; i < to; i++) {
                    double a = sum == null ? x[i] : x[i] + u * sum[i];
                    v[i] += p * a;
                    x[i] = a * f;
                }
                if (sum != null) java.util.Arrays.fill(sum, from, to, 0);
            }
        }
        for (int j : otherTerms) addTerm(v, fullStep[j], state[j], from, to);
    }

    /** v += p a: a term the network advances (not folded), read in a pass of its own. */
    private static void addTerm(double[] v, double p, double[] a, int from, int to) {
        for (int i = from; i < to; i++) v[i] += p * a[i];
    }

    /**
     * The same with each neuron's v_rest, scale, e^(-dt/tau_m) and propagators: the general form above with arrays,
     * whose sums are those of stepOne and stepTwo term by term (one pass for the membrane, one per folded input, one
     * per other term), so that each neuron gets what a population of it alone gets.
     */
    private void gridStepEach(double[] v, double[] in, double[][] arrived, int from, int to) {
        double[] rest = p.vRests, r = p.scales, decay = p.decays;
        for (int i = from; i < to; i++) {
            double vInf = rest[i] + r[i] * in[i];
            v[i] = vInf + (v[i] - vInf) * decay[i];
        }
        for (int k = 0; k < foldedTerm.length; k++) {
            int j = foldedTerm[k];
            double[] x = state[j], sum = arrivedAt(arrived, k), prop = fullSteps[j];
            double u = unit[j], f = foldedDecay[k];
            for (int i = from; i < to; i++) {
                double a = sum == null ? x[i] : x[i] + u * sum[i];
                v[i] += prop[i] * a;
                x[i] = a * f;
            }
            if (sum != null) java.util.Arrays.fill(sum, from, to, 0);
        }
        for (int j : otherTerms) {
            double[] prop = fullSteps[j], a = state[j];
            for (int i = from; i < to; i++) v[i] += prop[i] * a[i];
        }
    }

    /** The arrived sums of the k-th folded input, or null. */
    private double[] arrivedAt(double[][] arrived, int k) {
        return arrived == null ? null : arrived[foldedInput[k]];
    }

    // The folded filters decay in the pass that reads them: one pass over x and y instead of two, which is what counts
    // where the arrays leave the cache (1M neurons: 4.1 s against 4.7 s with separate decay passes).

    private static void stepOne(double[] v, double[] in, double vRest, double r, double d, double[] x, double px,
                                double fx, double[] sum, double u, int from, int to) {
        if (sum == null) {
            for (int i = from; i < to; i++) {
                double vInf = vRest + r * in[i], a = x[i];
                v[i] = vInf + (v[i] - vInf) * d + px * a;
                x[i] = a * fx;
            }
            return;
        }
        for (int i = from; i < to; i++) {
            double vInf = vRest + r * in[i], a = x[i] + u * sum[i];
            sum[i] = 0;
            v[i] = vInf + (v[i] - vInf) * d + px * a;
            x[i] = a * fx;
        }
    }

    private static void stepTwo(double[] v, double[] in, double vRest, double r, double d, double[] x, double px,
                                double fx, double[] y, double py, double fy, int from, int to) {
        for (int i = from; i < to; i++) {
            double vInf = vRest + r * in[i], a = x[i], b = y[i];
            v[i] = vInf + (v[i] - vInf) * d + px * a + py * b;
            x[i] = a * fx;
            y[i] = b * fy;
        }
    }

    /** {@link #stepTwo} that also keeps the start-of-step membrane in {@code before} (one pass instead of a copy and a step). */
    private static void stepTwoSaving(double[] v, double[] before, double[] in, double vRest, double r, double d,
                                      double[] x, double px, double fx, double[] y, double py, double fy, int from,
                                      int to) {
        for (int i = from; i < to; i++) {
            double vInf = vRest + r * in[i], a = x[i], b = y[i], u = v[i];
            before[i] = u;
            v[i] = vInf + (u - vInf) * d + px * a + py * b;
            x[i] = a * fx;
            y[i] = b * fy;
        }
    }

    private double response(int k, double h, double tauMode) {
        return LinearResponse.mode(k, h, tauMode, tauM, Math.exp(-h / tauM), Math.exp(-h / tauMode));
    }

    boolean hasTerms() {
        return terms > 0;
    }

    /** A folded input's gain: the filter's unit increment decayed over age (the product its own addSpikes forms). */
    private double filterGain(int in, double age) {
        int g = inputFirstGroup[in];
        return unit[first[g]] * (age == 0 ? 1 : Math.exp(-age / tau[g]));
    }

    /**
     * Adds every arrival's response to its target's membrane (v += w G) and, through a folded input, its increment to
     * the filter (x += w gain, the filter's state being the step's end after the full-step pass), in one pass over
     * each row; excitatory jumps are also
     * summed per neuron into {@code jumpUp}. Returns whether there were any. A neuron that is redone takes its own
     * increments back out of the filter to start from the step's start ({@link #redo}).
     */
    // Over 50 lines: one tight loop per row kind (jump, filter the network advances, folded with one weight or with a
    // weight per synapse), then the single events; a loop per kind keeps each branch-free.
    boolean deliver(double[] v, double[] jumpUp, InputEvents a, double step) {
        if (!p.oneResponse) return deliverEach(v, jumpUp, a, step);
        boolean jumps = false;
        for (int r = 0, rows = a.rows(); r < rows; r++) {
            int[] tg = a.rowTargets(r);
            float[] ws = a.rowWeights(r);
            double age = step - a.rowOffset(r), g = arrivalResponse(a.rowInput(r), age), w0 = a.rowWeight(r);
            int in = a.rowInput(r), from = a.rowFrom(r), to = a.rowTo(r);
            if (in == InputEvents.JUMP) {
                jumps |= deliverJumps(v, jumpUp, tg, ws, w0, g, from, to);
            } else if (!inputFolded[in]) {
                deliverResponse(v, tg, ws, w0, g, from, to);
            } else if (ws == null) {
                double dv = w0 * g, dx = w0 * filterGain(in, age);
                double[] x = state[first[inputFirstGroup[in]]];
                for (int k = from; k < to; k++) {
                    int i = tg[k];
                    v[i] += dv;
                    x[i] += dx;
                }
            } else {
                double e = filterGain(in, age);
                double[] x = state[first[inputFirstGroup[in]]];
                for (int k = from; k < to; k++) {
                    int i = tg[k];
                    double w = ws[k];
                    v[i] += w * g;
                    x[i] += w * e;
                }
            }
        }
        int lastInput = Integer.MIN_VALUE;
        double lastOffset = Double.NaN, g = 0, e = 0;
        double[] x = null;   // the folded filter of the current spike's input, or null
        for (int k = 0, n = a.count(); k < n; k++) {
            int i = a.target(k);
            int in = a.input(k);
            double offset = a.offset(k);
            if (in != lastInput || offset != lastOffset) {   // one spike's arrivals come together: G once for them
                g = arrivalResponse(in, step - offset);
                boolean folded = in != InputEvents.JUMP && inputFolded[in];
                e = folded ? filterGain(in, step - offset) : 0;
                x = folded ? state[first[inputFirstGroup[in]]] : null;
                lastInput = in;
                lastOffset = offset;
            }
            double w = a.weight(k);
            v[i] += w * g;
            if (in == InputEvents.JUMP) {
                if (w > 0) {
                    jumpUp[i] += w;
                    jumps = true;
                }
            } else if (x != null) {
                x[i] += w * e;
            }
        }
        return jumps;
    }

    /**
     * {@link #deliver} where the response G differs between neurons (tau_m or c_m per neuron): each target's own
     * G(age), from {@link #arrivalResponse(int, double, int)}, in the same order of additions.
     */
    // Over 50 lines: deliver's loops with each target's own response (the same order of additions).
    private boolean deliverEach(double[] v, double[] jumpUp, InputEvents a, double step) {
        boolean jumps = false;
        for (int r = 0, rows = a.rows(); r < rows; r++) {
            int[] tg = a.rowTargets(r);
            float[] ws = a.rowWeights(r);
            double w0 = a.rowWeight(r), age = step - a.rowOffset(r);
            int in = a.rowInput(r), from = a.rowFrom(r), to = a.rowTo(r);
            boolean folded = in != InputEvents.JUMP && inputFolded[in];
            double[] x = folded ? state[first[inputFirstGroup[in]]] : null;
            double e = folded ? filterGain(in, age) : 0;
            for (int k = from; k < to; k++) {
                int i = tg[k];
                double w = ws == null ? w0 : ws[k];
                v[i] += w * arrivalResponse(in, age, i);
                if (in == InputEvents.JUMP) {
                    if (w > 0) {
                        jumpUp[i] += w;
                        jumps = true;
                    }
                } else if (folded) {
                    x[i] += w * e;
                }
            }
        }
        int lastInput = Integer.MIN_VALUE;
        double lastOffset = Double.NaN, e = 0;
        double[] x = null;
        for (int k = 0, n = a.count(); k < n; k++) {
            int i = a.target(k);
            int in = a.input(k);
            double offset = a.offset(k);
            if (in != lastInput || offset != lastOffset) {
                boolean folded = in != InputEvents.JUMP && inputFolded[in];
                e = folded ? filterGain(in, step - offset) : 0;
                x = folded ? state[first[inputFirstGroup[in]]] : null;
                lastInput = in;
                lastOffset = offset;
            }
            double w = a.weight(k);
            v[i] += w * arrivalResponse(in, step - offset, i);
            if (in == InputEvents.JUMP) {
                if (w > 0) {
                    jumpUp[i] += w;
                    jumps = true;
                }
            } else if (x != null) {
                x[i] += w * e;
            }
        }
        return jumps;
    }

    private static boolean deliverJumps(double[] v, double[] jumpUp, int[] tg, float[] ws, double w0, double g,
                                        int from, int to) {
        boolean jumps = false;
        for (int k = from; k < to; k++) {
            int i = tg[k];
            double w = ws == null ? w0 : ws[k];
            v[i] += w * g;
            if (w > 0) {
                jumpUp[i] += w;
                jumps = true;
            }
        }
        return jumps;
    }

    /** A row through an input whose filter the network advances (and fills): the membrane's part only. */
    private static void deliverResponse(double[] v, int[] tg, float[] ws, double w0, double g, int from, int to) {
        for (int k = from; k < to; k++) {
            int i = tg[k];
            v[i] += (ws == null ? w0 : ws[k]) * g;
        }
    }

    /** The membrane's response, h after it, to an arrival of weight 1 through input {@code in} (or a jump). */
    double arrivalResponse(int in, double h) {
        double em = Math.exp(-h / tauM);
        if (in == InputEvents.JUMP) return em;
        double sum = 0;
        for (int g = inputFirstGroup[in], last = g + inputGroups[in]; g < last; g++) {
            double eg = Math.exp(-h / tau[g]);
            for (int k = 0; k <= degree[g]; k++) {
                sum += unit[first[g] + k] * LinearResponse.mode(k, h, tau[g], tauM, em, eg);
            }
        }
        return scale * sum;
    }

    /** Neuron i's response, h after it, to an arrival of weight 1 through input {@code in} (or a jump). */
    double arrivalResponse(int in, double h, int i) {
        if (p.oneResponse) return arrivalResponse(in, h);
        double tm = p.tauMs[i];
        double em = Math.exp(-h / tm);
        if (in == InputEvents.JUMP) return em;
        double sum = 0;
        for (int g = inputFirstGroup[in], last = g + inputGroups[in]; g < last; g++) {
            double eg = Math.exp(-h / tau[g]);
            for (int k = 0; k <= degree[g]; k++) {
                sum += unit[first[g] + k] * LinearResponse.mode(k, h, tau[g], tm, em, eg);
            }
        }
        return p.scales[i] * sum;
    }

    /**
     * Neuron i from its state at the step's start, event by event: arrivals (sorted by time), threshold crossings
     * and the end of refractoriness. Returns the membrane at the step's end; updates {@code refractory[i]}.
     */
    // Over 50 lines: one neuron's event loop (held, at threshold, a segment to the next event, the events of one instant)
    // whose local state (t, ct, v, r, c) every branch reads and writes.
    double redo(int i, double v0, double vInf, double end, double[] refractory, InputEvents arrivals, SpikeSink spikes) {
        double[] c = coefficients.get();
        // c at the step's start: the folded filters are at its end already (decayed in the full-step pass, this
        // step's arrivals added by deliver), so the neuron's own increments come out and the decay is undone
        for (int j = 0; j < terms; j++) c[j] = mult[j] * state[j][i];
        // neuron i's events in time order: positions first .. last - 1 (none without events)
        int lo = arrivals.first(i), hi = arrivals.end(i);
        for (int k = lo; k < hi; k++) {   // what deliver() added to the folded filters: taken out again
            int in = arrivals.selectedInput(k);
            if (in != InputEvents.JUMP && inputFolded[in]) {
                double age = dt - arrivals.selectedOffset(k);
                c[first[inputFirstGroup[in]]] -= arrivals.selectedWeight(k) * filterGain(in, age);
            }
        }
        for (int j = 0; j < terms; j++) c[j] *= startFactor[j];
        double tm = p.tauM(i), sc = p.scale(i), vTh = p.vTh(i), vReset = p.vReset(i), tauRef = p.tauRef(i);
        double t = 0, ct = 0, v = v0, r = refractory[i];   // c holds the modes at time ct (shifted when needed)
        int next = lo;
        while (true) {
            double until = next < hi ? arrivals.selectedOffset(next) : dt;
            if (r > 0) {                             // held at v_reset; the synapses go on
                double hold = Math.min(r, until - t);
                t += hold;
                r -= hold;
                v = vReset;
                if (r > 0) {                         // still held at the next event
                    if (next >= hi) break;
                    shift(c, t - ct);
                    ct = t;
                    arrive(c, arrivals, next++, true);
                }
                continue;
            }
            if (v >= vTh) {                          // at or above threshold now (a jump, or the step's start)
                spikes.spike(i, t);
                v = vReset;
                r = tauRef;
                continue;
            }
            shift(c, t - ct);
            ct = t;
            double seg = until - t;
            // the whole step with no event in it is what the full-step pass computed already
            double vEnd = t == 0 && lo == hi && end == end ? end : evaluate(v, vInf, c, seg, false, tm, sc);
            if (vEnd >= vTh) {
                // no synaptic input left (all modes 0): the constant-input crossing in closed form
                t += silent(c) && vInf > vTh ? Math.min(seg, LifPropagator.timeToThreshold(tm, v, vInf, vTh))
                        : crossing(v, vInf, c, seg, vEnd, tm, sc, vTh);
                spikes.spike(i, t);
                v = vReset;
                r = tauRef;
                continue;
            }
            v = vEnd;
            t = until;
            if (next >= hi) break;
            shift(c, t - ct);
            ct = t;
            // every arrival of this instant before the threshold is checked: spikes emitted at a jump's own time reach
            // their targets at equal times, and taking an excitatory one before a simultaneous inhibitory one would
            // fire neurons that the sum keeps below threshold (NEST's precise models sum simultaneous inputs too)
            do {
                v += arrive(c, arrivals, next++, false);
            } while (next < hi && arrivals.selectedOffset(next) == t);
        }
        refractory[i] = r;
        return v;
    }

    private boolean silent(double[] c) {
        for (int j = 0; j < terms; j++) if (c[j] != 0) return false;
        return true;
    }

    /** Adds selected arrival k to the coefficients, or returns its jump of the membrane (0 while held). */
    private double arrive(double[] c, InputEvents arrivals, int k, boolean held) {
        int in = arrivals.selectedInput(k);
        double w = arrivals.selectedWeight(k);
        if (in == InputEvents.JUMP) return held ? 0 : w;
        for (int g = inputFirstGroup[in], last = g + inputGroups[in]; g < last; g++) {
            for (int j = first[g]; j <= first[g] + degree[g]; j++) c[j] += w * unit[j];
        }
        return 0;
    }

    private void shift(double[] c, double h) {
        if (h <= 0 || terms == 0) return;
        for (int g = 0; g < tau.length; g++) LinearResponse.shift(c, first[g], degree[g], h, Math.exp(-h / tau[g]));
    }

    /**
     * V(s) from v with the coefficients c at its start, and with {@code slope} also dV/ds = (v_inf - V + r I(s)) /
     * tau_m into c[terms]; both from the same exponentials (the neuron's tau_m and scale r).
     */
    private double evaluate(double v, double vInf, double[] c, double s, boolean slope, double tauM, double scale) {
        double em = Math.exp(-s / tauM);
        double u = vInf + (v - vInf) * em, input = 0;
        for (int g = 0; g < tau.length; g++) {
            double eg = Math.exp(-s / tau[g]);
            double sum = 0, p = 1;
            for (int k = 0; k <= degree[g]; k++) {
                double cj = c[first[g] + k];
                if (cj != 0) u += scale * cj * LinearResponse.mode(k, s, tau[g], tauM, em, eg);
                sum += cj * p;
                p *= s / (k + 1);
            }
            input += sum * eg;
        }
        if (slope) c[terms] = (vInf - u + scale * input) / tauM;
        return u;
    }

    /**
     * An s in (0, seg] with V(s) = v_th, given V(0) &lt; v_th &lt;= V(seg): Newton's method on the closed form from
     * the chord's root, kept inside the bracket (a step that leaves it bisects instead), until a step is below
     * 1e-15 s or the bracket is; Newton converges quadratically, so a few evaluations suffice.
     */
    private double crossing(double v, double vInf, double[] c, double seg, double end, double tauM, double scale,
                            double vTh) {
        double a = 0, fa = v - vTh, b = seg, fb = end - vTh;
        double s = b - fb * (b - a) / (fb - fa);
        for (int it = 0; it < 100; it++) {
            if (!(s > a && s < b)) s = 0.5 * (a + b);
            double fs = evaluate(v, vInf, c, s, true, tauM, scale) - vTh;
            if (fs >= 0) b = s; else a = s;
            if (fs == 0 || b - a <= 1e-15) break;
            double d = c[terms];
            double next = s - fs / d;
            if (!(d > 0) || !(next > a && next < b)) next = 0.5 * (a + b);
            if (Math.abs(next - s) <= 1e-15) return next;   // Newton has converged
            s = next;
        }
        return b;
    }

}
