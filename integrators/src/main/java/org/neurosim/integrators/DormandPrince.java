package org.neurosim.integrators;

import java.util.List;
import java.util.Locale;
import org.neurosim.core.NumericalFailureException;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.integrate.IntegratorContext;
import org.neurosim.core.integrate.SpikeLocatingStepper;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.SpikeRule;
import org.neurosim.core.model.SpikeSink;
import org.neurosim.core.model.StateVariable;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.units.Dimension;

/**
 * Adaptive Dormand-Prince 5(4) (Dormand &amp; Prince 1980; Hairer, Norsett &amp; Wanner, Solving ODEs I, II.4-5) with
 * error control per neuron and per variable, and spikes located inside the step. Meant for accuracy and reference
 * solutions of single neurons and small populations, not for speed.
 * <ul>
 *   <li>Error norm: a step of size h is accepted when, for every state variable k,
 *       |err_k| &lt;= abs_tol u_k + rel_tol max(|y_k|, |y_k new|), err = h sum_j (b_j - b*_j) k_j the difference of
 *       the embedded 5th and 4th order solutions, and u_k the working unit of the variable's dimension (mV, pA, nS,
 *       pF, ms; 1 for gates and other dimensionless or other variables): one tolerance means the same for a
 *       membrane in volts and an adaptation current in amperes (NEST's solvers work in those units; its
 *       hh_cond_exp_traub uses an absolute error of 1e-3). The next step is h min(5, max(0.2, 0.9 e^(-1/5))), e the
 *       largest ratio above.</li>
 *   <li>A trial step whose stages or error are not finite (a trial that overshoots into an exponential's overflow,
 *       as AdEx's above its threshold) is rejected and h divided by 5: it never enters the state.</li>
 *   <li>Spike: after an accepted step in which the membrane went from below the threshold to at or above it, the
 *       crossing is located on the step's cubic Hermite interpolant, then refined by Newton's method on the
 *       integrated solution (a step from the step's start to the estimate) to {@code event_tol}; the state is
 *       taken there, the reset applied, and integration continues from that time. A model whose membrane diverges
 *       in finite time (AdEx, quadratic IF) is taken to spike when a step is rejected and the linear extrapolation
 *       (threshold - V) / (dV/dt) of a rising membrane reaches the threshold within {@code event_tol}: a membrane
 *       that accelerates reaches it sooner still, so the spike time is right to {@code event_tol}.</li>
 *   <li>Refractoriness: a model that clamps its membrane is held; one that does not keeps integrating and counts no
 *       spike until the period is over. After a spike that leaves the membrane at the threshold (no reset, as HH),
 *       the next spike needs the membrane to go below it first.</li>
 * </ul>
 * Each step starts with a trial of the whole step dt (the method keeps nothing between steps, so results do not
 * depend on the thread count or on a checkpoint). The model is evaluated, reset and tested for neuron i at index i
 * (of work arrays of the population's size), so that parameters given per neuron, the threshold and the refractory
 * period of its {@link SpikeRule} included, are neuron i's own.
 */
public final class DormandPrince implements Integrator {
    // Over 300 lines: the integrator, its Butcher tableau, step-size control and dense output for the
    // spike times, which only make sense together.
    @Override public String name() { return "dormand-prince"; }
    @Override public String description() {
        return "adaptive Dormand-Prince 5(4) with error control per variable and spike location inside the step";
    }
    @Override public int order() { return 5; }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.positive("abs_tol", Dimension.DIMENSIONLESS, "1e-7",
                        "absolute error tolerance per step, in the working unit of each state variable (mV, pA, nS, "
                        + "pF, ms; 1 for dimensionless ones)"),
                ParameterSpec.positive("rel_tol", Dimension.DIMENSIONLESS, "1e-10", "relative error tolerance"),
                ParameterSpec.positive("event_tol", Dimension.TIME, "1e-12 s", "accuracy of located spike times"),
                ParameterSpec.integer("max_evaluations", "100000", 100, Integer.MAX_VALUE,
                        "evaluations of the equations allowed per neuron and step before it fails (a stiff or "
                        + "singular model otherwise runs for minutes)"));
    }

    @Override
    public SpikeLocatingStepper create(IntegratorContext context, Parameters p) {
        NeuronDynamics d = context.dynamics();
        List<StateVariable> vars = d.stateVariables();
        double[] absTol = new double[vars.size()];
        for (int k = 0; k < absTol.length; k++) absTol[k] = p.get("abs_tol") * workingUnit(vars.get(k).dimension());
        return new Solver(d, absTol, p.get("rel_tol"), p.get("event_tol"), p.getInt("max_evaluations"),
                context.size());
    }

    /** The unit abs_tol is counted in for a variable of dimension d, in SI: mV, pA, nS, pF, ms, else 1. */
    static double workingUnit(Dimension d) {
        if (d.equals(Dimension.VOLTAGE)) return 1e-3;
        if (d.equals(Dimension.CURRENT) || d.equals(Dimension.CAPACITANCE)) return 1e-12;
        if (d.equals(Dimension.CONDUCTANCE)) return 1e-9;
        if (d.equals(Dimension.TIME)) return 1e-3;
        return 1;
    }

    // the Dormand-Prince 5(4) tableau: nodes c, stages a, 5th order weights b (= the last stage row, FSAL), and
    // e = b - b* the weights of the error estimate
    private static final double[] C = {0, 1 / 5.0, 3 / 10.0, 4 / 5.0, 8 / 9.0, 1, 1};
    private static final double[][] A = {
            {},
            {1 / 5.0},
            {3 / 40.0, 9 / 40.0},
            {44 / 45.0, -56 / 15.0, 32 / 9.0},
            {19372 / 6561.0, -25360 / 2187.0, 64448 / 6561.0, -212 / 729.0},
            {9017 / 3168.0, -355 / 33.0, 46732 / 5247.0, 49 / 176.0, -5103 / 18656.0},
            {35 / 384.0, 0, 500 / 1113.0, 125 / 192.0, -2187 / 6784.0, 11 / 84.0}};
    private static final double[] E = {71 / 57600.0, 0, -71 / 16695.0, 71 / 1920.0, -17253 / 339200.0, 22 / 525.0,
            -1 / 40.0};

    private static final class Solver implements SpikeLocatingStepper {
        private final NeuronDynamics d;
        private final SpikeRule rule;
        private final int dim, m;
        private final double relTol, eventTol;
        private final double[] absTol;
        private final int maxEvaluations;
        // the neuron's state and derivatives at its own index i, as the model reads them (population-sized arrays,
        // of which only index i is used: a model's parameters per neuron are found at i)
        private double[][] one, dOne;
        private Drive drive;                     // the population's drive in this step
        private double threshold;                // the neuron's threshold (+infinity for no spikes)
        private final double[][] k;              // the stages k_1 .. k_7 of the current step
        private double[] y, trial, probe;
        private int neuron, evaluations;   // the neuron being advanced, and its evaluations in this step
        private double now;                // its time in the step (for messages)
        private double heldUntil;          // until when in this step its membrane is held (refractory, clamped)
        private boolean holding;           // it is held now: the membrane's derivative is 0

        Solver(NeuronDynamics d, double[] absTol, double relTol, double eventTol, int maxEvaluations, int size) {
            this.d = d;
            this.dim = d.stateVariables().size();
            this.rule = d.spikeRule();
            this.m = rule.membrane();
            this.absTol = absTol;
            this.relTol = relTol;
            this.eventTol = eventTol;
            this.maxEvaluations = maxEvaluations;
            this.one = new double[dim][Math.max(1, size)];
            this.dOne = new double[dim][Math.max(1, size)];
            this.k = new double[7][dim];
            this.y = new double[dim];
            this.trial = new double[dim];
            this.probe = new double[dim];
        }

        @Override
        public void advance(double[][] state, Drive drive, double dt, double[] refractory, SpikeSink spikes,
                            int from, int to) {
            if (dim > 0 && one[0].length < state[0].length) {
                one = new double[dim][state[0].length];
                dOne = new double[dim][state[0].length];
            }
            this.drive = drive;
            for (int i = from; i < to; i++) {
                for (int q = 0; q < dim; q++) y[q] = state[q][i];
                advanceNeuron(i, dt, refractory, spikes);
                for (int q = 0; q < dim; q++) state[q][i] = y[q];
            }
        }

        // Over 50 lines: one adaptive step loop (try a step, accept or shrink, locate a spike by dense output, reset,
        // hold) whose local state every branch shares.
        /** Neuron i (its state in y) over one step of length dt. */
        private void advanceNeuron(int i, double dt, double[] refractory, SpikeSink spikes) {
            neuron = i;
            threshold = m < 0 ? Double.POSITIVE_INFINITY : rule.threshold(i);
            evaluations = 0;
            double t = 0, quietUntil = 0;   // no spike counts before quietUntil (refractory, not clamped)
            if (rule.refractoryCondition() != null && refractory[i] > 0 && !holds(rule.refractoryCondition(), y)) {
                refractory[i] = 0;   // Brian2's not_refractory: over once its condition fails at a step's start
            }
            heldUntil = 0;
            if (refractory[i] > 0 && rule.clamp()) {   // the membrane held, the other variables integrated
                heldUntil = Math.min(refractory[i], dt);
                refractory[i] -= heldUntil;
                quietUntil = heldUntil;
            } else {
                quietUntil = refractory[i];
            }
            boolean armed = below(y);
            double h = dt;
            holding = heldUntil > 0;
            derivatives(y, k[0]);
            double lastSpike = -1;   // a condition rule fires at most once at one instant
            if (!rule.isCondition() && !armed && quietUntil == 0 && heldUntil == 0
                    && rule.reset() != SpikeRule.Reset.NOTHING) {
                // crossing rule with a reset: above the threshold at a step's start only through a jump or the
                // initial state, which is a spike then (as with exact and the grid integrators)
                double[] resume = spike(i, 0, dt, refractory, spikes);
                lastSpike = 0;
                quietUntil = resume[1];
                armed = y[m] < threshold - absTol[m];
                derivatives(y, k[0]);
            }
            while (t < dt) {
                now = t;
                if (rule.isCondition() && t >= quietUntil && t > lastSpike && holds(rule.condition(), y)) {
                    // Brian2's rule: a free neuron (at the step's start, after a jump, or as its refractory
                    // period ends) for which the condition holds spikes then, above the threshold or not
                    double[] resume = spike(i, t, dt, refractory, spikes);
                    lastSpike = t;
                    t = resume[0];
                    quietUntil = resume[1];
                    armed = y[m] < threshold - absTol[m];
                    if (t < dt) derivatives(y, k[0]);
                    continue;
                }
                h = Math.min(h, dt - t);
                if (holding) h = Math.min(h, heldUntil - t);   // the membrane is let go at a step's end
                // a condition rule is tested again where refractoriness ends: the step stops there
                if (rule.isCondition() && quietUntil > t && quietUntil < dt) h = Math.min(h, quietUntil - t);
                double e = trialStep(h, y, trial);
                double at = Double.NaN;   // a spike's time, if this try finds one
                if (!(e <= 1)) {   // rejected, or not finite: a diverging membrane's spike, or a smaller step
                    if (armed && t >= quietUntil && closeToThreshold(y, k[0])) {
                        at = t + Math.max(0, (threshold - y[m]) / k[0][m]);   // the state is taken as it is at t
                    } else {
                        h *= factor(e);
                        if (t + h == t || h < dt * 1e-15) throw tooSmall(t);
                        continue;
                    }
                } else if (armed && !below(trial)) {
                    at = locate(t, h);   // the state at the crossing is in y afterwards
                    if (at < quietUntil) {   // refractory: no spike, and integration goes on from the crossing
                        t = at;
                        armed = false;
                        derivatives(y, k[0]);
                        continue;
                    }
                }
                if (at == at) {
                    double[] resume = spike(i, at, dt, refractory, spikes);
                    lastSpike = at;
                    t = resume[0];
                    quietUntil = resume[1];
                    armed = y[m] < threshold - absTol[m];   // reset below, or still to fall first (HH)
                    if (t < dt) derivatives(y, k[0]);
                    continue;
                }
                double[] swap = y;   // accepted
                y = trial;
                trial = swap;
                System.arraycopy(k[6], 0, k[0], 0, dim);   // first same as last
                t += h;
                armed |= below(y);
                h *= factor(e);
                if (holding && t >= heldUntil) {   // let go: the membrane's own derivative from here on
                    holding = false;
                    if (t < dt) derivatives(y, k[0]);
                }
            }
            if (!rule.clamp()) refractory[i] = Math.max(0, quietUntil - dt);
        }

        /** The next step over this one after an error ratio e: 0.9 e^(-1/5) within [0.2, 5]; 0.2 if not finite. */
        private static double factor(double e) {
            if (!(e < Double.POSITIVE_INFINITY)) return 0.2;
            return Math.min(5, Math.max(0.2, 0.9 * Math.pow(Math.max(e, 1e-30), -0.2)));
        }

        /** True when the membrane is below the threshold (always, for a model that does not spike). */
        private boolean below(double[] s) {
            return m < 0 || s[m] < threshold;
        }

        /** A rising membrane whose linear extrapolation reaches the threshold within event_tol. */
        private boolean closeToThreshold(double[] s, double[] rate) {
            return m >= 0 && rate[m] > 0 && (threshold - s[m]) <= rate[m] * eventTol;
        }

        /**
         * One Dormand-Prince step of size h from y (k[0] = f(y)) into out; the stages stay in k (k[6] = f(out)).
         * Returns the error ratio max_k |err_k| / (abs_tol u_k + rel_tol max(|y_k|, |out_k|)), or infinity when
         * anything is not finite.
         */
        private double trialStep(double h, double[] from, double[] out) {
            for (int s = 1; s < 7; s++) {
                for (int q = 0; q < dim; q++) {
                    double sum = 0;
                    for (int j = 0; j < s; j++) sum += A[s][j] * k[j][q];
                    out[q] = from[q] + h * sum;
                }
                derivatives(out, k[s]);
            }
            double worst = 0;
            for (int q = 0; q < dim; q++) {
                double e = 0;
                for (int j = 0; j < 7; j++) e += E[j] * k[j][q];
                e *= h;
                double scale = absTol[q] + relTol * Math.max(Math.abs(from[q]), Math.abs(out[q]));
                double r = Math.abs(e) / scale;
                if (!(r < Double.POSITIVE_INFINITY) || !Double.isFinite(out[q]) || !Double.isFinite(k[6][q])) {
                    return Double.POSITIVE_INFINITY;
                }
                worst = Math.max(worst, r);
            }
            return worst;
        }

        /**
         * The time of the crossing in the accepted step [t, t + h] from y to trial: the root of the membrane's cubic
         * Hermite interpolant (bisection), then Newton's method on the integrated solution, V(t_c) - threshold over
         * dV/dt, each iterate a step from y, until it moves by less than event_tol. Leaves the state at the crossing
         * in y.
         */
        private double locate(double t, double h) {
            double v0 = y[m], v1 = trial[m], f0 = k[0][m] * h, f1 = k[6][m] * h;
            double lo = 0, hi = 1;
            while ((hi - lo) * h > eventTol / 4) {
                double s = 0.5 * (lo + hi), s2 = s * s, s3 = s2 * s;
                double v = (2 * s3 - 3 * s2 + 1) * v0 + (s3 - 2 * s2 + s) * f0 + (-2 * s3 + 3 * s2) * v1 + (s3 - s2) * f1;
                if (v < threshold) lo = s; else hi = s;
            }
            double[] start = y.clone(), k0 = k[0].clone();
            double at = hi * h;
            for (int iteration = 0; iteration < 8; iteration++) {
                System.arraycopy(k0, 0, k[0], 0, dim);
                trialStep(at, start, probe);
                double slope = k[6][m], next = at - (probe[m] - threshold) / slope;
                if (!(slope > 0) || !(next > 0 && next <= h)) break;
                boolean done = Math.abs(next - at) <= eventTol;
                at = next;
                if (done) break;
            }
            System.arraycopy(k0, 0, k[0], 0, dim);
            trialStep(at, start, probe);
            System.arraycopy(probe, 0, y, 0, dim);
            return t + at;
        }

        /**
         * Records a spike of neuron i at time t (its state in y) and applies the reset; returns the time integration
         * resumes (after the hold of a clamped membrane) and the time until which no spike counts.
         */
        private double[] spike(int i, double t, double dt, double[] refractory, SpikeSink spikes) {
            spikes.spike(i, t);
            for (int q = 0; q < dim; q++) one[q][i] = y[q];
            rule.reset().apply(one, i);
            for (int q = 0; q < dim; q++) y[q] = one[q][i];
            if (rule.refractoryCondition() != null) {   // refractory until the condition fails at a step's start
                refractory[i] = Double.POSITIVE_INFINITY;
                heldUntil = rule.clamp() ? dt : t;
                holding = heldUntil > t;
                return new double[] {t, Double.POSITIVE_INFINITY};
            }
            double ref = rule.refractoryPeriod(i);
            if (ref > 0 && rule.clamp()) {   // v held at its reset while the other variables go on (AdEx's w)
                double hold = Math.min(ref, dt - t);
                refractory[i] = ref - hold;
                heldUntil = t + hold;
                holding = hold > 0;
                return new double[] {t, t + hold};
            }
            return new double[] {t, t + ref};
        }

        /** The condition c on one neuron in state s. */
        private boolean holds(SpikeRule.Condition c, double[] s) {
            for (int q = 0; q < dim; q++) one[q][neuron] = s[q];
            return c.holds(one, neuron);
        }

        /** f(s) into out, counting evaluations against max_evaluations. */
        private void derivatives(double[] s, double[] out) {
            if (++evaluations > maxEvaluations) {
                throw new NumericalFailureException(String.format(Locale.ROOT, "dormand-prince: neuron %d needed "
                        + "more than %,d evaluations of its equations in one step (at %.6g s into it); the equations "
                        + "are stiff or singular there: use exponential-euler or rk4 with a smaller dt, loosen abs_tol "
                        + "and rel_tol, or raise max_evaluations", neuron, maxEvaluations, now), now);
            }
            int i = neuron;
            for (int q = 0; q < dim; q++) one[q][i] = s[q];
            d.derivatives(one, drive, dOne, i, i + 1);
            for (int q = 0; q < dim; q++) out[q] = dOne[q][i];
            if (holding) out[m] = 0;
        }

        private NumericalFailureException tooSmall(double t) {
            return new NumericalFailureException(String.format(Locale.ROOT, "dormand-prince: neuron %d: the step "
                    + "size fell below dt * 1e-15 at %.6g s into the step; the equations are singular there",
                    neuron, t), t);
        }
    }
}
