package org.neurosim.integrators;

import org.neurosim.core.InvalidInputException;
import org.neurosim.core.integrate.GridStepper;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.integrate.IntegratorContext;
import org.neurosim.core.integrate.SpikeLocatingStepper;
import org.neurosim.core.integrate.Stepper;
import org.neurosim.core.model.GridPropagated;
import org.neurosim.core.model.InputEvents;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.ExactWithSynapses;
import org.neurosim.core.model.ExactlySolvable;
import org.neurosim.core.model.Instantaneous;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.SpikeRule;
import org.neurosim.core.model.SpikeSink;
import org.neurosim.core.param.Parameters;

/**
 * The state of one population and how it advances: state arrays (structure of arrays), the integrator's stepper,
 * and spike detection. For a grid integrator the {@link SpikeRule} is applied around each step: first to what
 * changed since the last step (a jump that lifted the membrane over the threshold is a spike at the step's start,
 * and a condition rule is tested on neurons whose refractoriness has just ended), then to the step itself (a
 * crossing timed by linear interpolation inside the step, the reset applied at the step's end, as Brian2 and
 * NEST's grid models do); refractoriness counts whole steps, round(tau_ref / dt) for each neuron's own tau_ref
 * when the rule gives one per neuron (as its threshold). A {@link SpikeLocatingStepper} (exact, dormand-prince) finds
 * spikes itself in continuous time.
 */
public final class PopulationSolver implements org.neurosim.core.checkpoint.Checkpointable {
    // Over 300 lines: one population's state and spike detection for every kind of stepper; the
    // refractoriness and the two spike rules (crossing, condition) are kept beside the steps that apply them.
    private final NeuronDynamics dynamics;
    private final SpikeRule rule;
    private final GridStepper grid;
    private final SpikeLocatingStepper locating;
    private final double[][] state;
    private final double[] membraneBefore;
    /** Crossing rule: the membrane as the last step left it (NaN before the first), so jumps since are seen. */
    private final double[] membraneLeft;
    /** Condition rule: neurons that spiked at the step's start (tested once per step, as Brian2 does). */
    private final boolean[] spikedAtStart;
    private final long[] refractorySteps;
    private final double[] refractoryTime;
    private final int membrane;
    private final double threshold;
    private final double[] thresholds;   // per neuron, or null when threshold is every neuron's
    private final double dt;
    private final long refractoryStepCount;
    private final long[] refractoryStepCounts;   // per neuron, or null when refractoryStepCount is every neuron's
    private final boolean bounded;
    private final int order;

    public PopulationSolver(NeuronDynamics dynamics, Integrator integrator, Parameters integratorParameters,
                            int size, double dt) {
        integrator.refusal(dynamics).ifPresent(r -> {
            throw new InvalidInputException("integrator " + integrator.name() + " cannot step this model: " + r);
        });
        if (dynamics instanceof Instantaneous && integrator.order() != 0) {
            throw new InvalidInputException("integrator " + integrator.name() + " cannot step this model: it has no "
                    + "differential equation (e.g. a rate neuron with tau = 0); use exact or give it a time constant");
        }
        this.dynamics = dynamics;
        this.rule = dynamics.spikeRule();
        Stepper stepper = integrator.create(new IntegratorContext("integrator", dynamics, size, dt),
                integratorParameters);
        this.locating = stepper instanceof SpikeLocatingStepper s ? s : null;
        this.grid = stepper instanceof GridStepper g ? g : null;
        this.order = integrator.order();
        int vars = dynamics.stateVariables().size();
        this.state = new double[vars][size];
        dynamics.restingState(state);
        this.membrane = rule.membrane();
        this.threshold = rule.threshold();
        boolean onGridSteps = membrane >= 0 && locating == null;
        this.membraneBefore = onGridSteps ? new double[size] : null;
        this.membraneLeft = onGridSteps && !rule.isCondition() ? new double[size] : null;
        if (membraneLeft != null) java.util.Arrays.fill(membraneLeft, Double.NaN);
        this.spikedAtStart = onGridSteps && rule.isCondition() ? new boolean[size] : null;
        this.refractorySteps = locating == null ? new long[size] : null;
        this.refractoryTime = locating != null ? new double[size] : null;
        this.dt = dt;
        this.refractoryStepCount = refractoryStepCount(rule.refractoryPeriod(), dt);
        this.thresholds = rule.thresholds();
        if (thresholds != null && thresholds.length != size) throw perNeuronMismatch("thresholds", thresholds.length);
        double[] periods = rule.refractoryPeriods();
        if (periods != null && periods.length != size) throw perNeuronMismatch("refractory periods", periods.length);
        this.refractoryStepCounts = periods == null ? null : new long[size];
        for (int i = 0; periods != null && i < size; i++) refractoryStepCounts[i] = refractoryStepCount(periods[i], dt);
        this.bounded = dynamics instanceof ExactlySolvable e && e.boundedForFiniteInput();
    }

    /**
     * The refractory period in whole steps, round(tau_ref / dt), saturating: Math.round gives Long.MAX_VALUE for
     * anything at or beyond 2^63 steps (tau_ref = 1e308 ms, or infinity), far more than the 10^12 steps a run may
     * have, so such a neuron fires once and never again, as the exact paths do. (An int count would wrap round to
     * a negative number, that is no refractoriness at all.)
     */
    static long refractoryStepCount(double refractoryPeriod, double dt) {
        return Math.round(refractoryPeriod / dt);
    }

    private static IllegalArgumentException perNeuronMismatch(String what, int given) {
        return new IllegalArgumentException("the model's spike rule has " + given + " " + what
                + ", not one per neuron of the population");
    }

    /** Convenience: the given integrator with its default parameters. */
    public PopulationSolver(NeuronDynamics dynamics, Integrator integrator, int size, double dt) {
        this(dynamics, integrator, Parameters.defaults(integrator.parameters()), size, dt);
    }

    /**
     * The state arrays and refractory counters (the model's and stepper's own state too, when they keep any and are
     * {@link org.neurosim.core.checkpoint.Checkpointable}); the spike-detection scratch is rebuilt each step.
     */
    @Override
    public void save(org.neurosim.core.checkpoint.StateWriter out) {
        out.section("solver").writeInt(state.length);
        for (double[] x : state) out.doubles(x);
        if (refractorySteps != null) out.longs(refractorySteps);
        if (refractoryTime != null) out.doubles(refractoryTime);
        if (membraneLeft != null) out.doubles(membraneLeft);
        for (Object part : new Object[] {dynamics, grid, locating}) {
            if (part instanceof org.neurosim.core.checkpoint.Checkpointable c) c.save(out);
        }
    }

    @Override
    public void restore(org.neurosim.core.checkpoint.StateReader in) {
        in.section("solver");
        int vars = in.readInt();
        if (vars != state.length) throw in.mismatch(vars + " state variables saved, the model has " + state.length);
        for (int k = 0; k < state.length; k++) in.doubles(state[k], dynamics.stateVariables().get(k).name());
        if (refractorySteps != null) in.longs(refractorySteps, "refractory steps");
        if (refractoryTime != null) in.doubles(refractoryTime, "refractory times");
        if (membraneLeft != null) in.doubles(membraneLeft, "membrane after the last step");
        for (Object part : new Object[] {dynamics, grid, locating}) {
            if (part instanceof org.neurosim.core.checkpoint.Checkpointable c) c.restore(in);
        }
    }

    public NeuronDynamics dynamics() {
        return dynamics;
    }

    /** state()[k][i]: variable k of neuron i, SI units. Writable (initial conditions). */
    public double[][] state() {
        return state;
    }

    public int size() {
        return state[0].length;
    }

    /**
     * Advances neurons from..to by dt. Returns the index of the first neuron whose membrane became NaN or
     * infinite, or -1.
     */
    public int step(Drive drive, SpikeSink spikes, int from, int to) {
        if (locating != null) {
            locating.advance(state, drive, dt, refractoryTime, spikes, from, to);
            // closed-form and adaptive steps cannot blow up by themselves: a NaN comes with the input, and the
            // first variable (the membrane, or y) carries it; a bounded model cannot even do that
            return bounded ? -1 : firstNonFinite(state[0], from, to);
        }
        if (membrane < 0) {
            grid.step(state, drive, dt, from, to);
            return firstNonFinite(from, to);
        }
        atStepStart(spikes, from, to);
        grid.step(state, drive, dt, from, to);
        return rule.isCondition() ? conditionAtStepEnd(spikes, from, to) : crossingAtStepEnd(spikes, from, to);
    }

    /**
     * What happened between steps: a jump (delta synapse, Poisson input) or a write from outside. Crossing rule: a
     * membrane that went from below the threshold to at or above it since the last step spikes at the step's
     * start. Condition rule: refractoriness is brought up to date first (a step fewer, or over once its condition
     * no longer holds, as Brian2's not_refractory), then a free neuron whose condition holds spikes. Then the
     * membrane's value is kept for the crossing test and for holding it.
     */
    private void atStepStart(SpikeSink spikes, int from, int to) {
        double[] v = state[membrane];
        SpikeRule.Reset reset = rule.reset();
        if (!rule.isCondition()) {
            double[] left = membraneLeft;
            // a model with a reset is never above its threshold after a step unless something put it there (a
            // jump, its initial state): that is a spike, as with exact; one without (HH) is there in each upstroke
            boolean resets = reset != SpikeRule.Reset.NOTHING;
            if (thresholds != null || refractoryStepCounts != null) {
                jumpsEach(v, left, resets, reset, spikes, from, to);
                return;
            }
            for (int i = from; i < to; i++) {
                if (v[i] >= threshold && (left[i] < threshold || resets) && refractorySteps[i] == 0) {
                    spikes.spike(i, 0);
                    reset.apply(state, i);
                    refractorySteps[i] = refractoryStepCount;
                }
                membraneBefore[i] = v[i];
            }
            return;
        }
        SpikeRule.Condition condition = rule.condition(), stillRefractory = rule.refractoryCondition();
        for (int i = from; i < to; i++) {
            if (refractorySteps[i] > 0) {
                if (stillRefractory == null) refractorySteps[i]--;
                else if (!stillRefractory.holds(state, i)) refractorySteps[i] = 0;
            }
            if (refractorySteps[i] == 0 && condition.holds(state, i)) {
                spikes.spike(i, 0);
                reset.apply(state, i);
                // the next test of a free neuron is refractoryStepCount steps on, at the start of that step
                refractorySteps[i] = stillRefractory != null ? 1 : heldSteps(i);
                spikedAtStart[i] = true;
            }
            membraneBefore[i] = v[i];
        }
    }

    /**
     * The crossing rule's test at a step's start with each neuron's threshold and refractory steps (the loop above,
     * kept apart so that a population with one threshold runs the loop it always ran).
     */
    private void jumpsEach(double[] v, double[] left, boolean resets, SpikeRule.Reset reset, SpikeSink spikes,
                           int from, int to) {
        for (int i = from; i < to; i++) {
            double th = thresholds == null ? threshold : thresholds[i];
            if (v[i] >= th && (left[i] < th || resets) && refractorySteps[i] == 0) {
                spikes.spike(i, 0);
                reset.apply(state, i);
                refractorySteps[i] = heldSteps(i);
            }
            membraneBefore[i] = v[i];
        }
    }

    /** Crossing rule after the step: refractory neurons count down (held with clamp), others may cross. */
    private int crossingAtStepEnd(SpikeSink spikes, int from, int to) {
        if (thresholds != null || refractoryStepCounts != null) return crossingEach(spikes, from, to);
        double[] v = state[membrane];
        boolean clamp = rule.clamp();
        int bad = -1;
        for (int i = from; i < to; i++) {
            double before = membraneBefore[i];
            double after = v[i];
            if (refractorySteps[i] > 0) {
                refractorySteps[i]--;
                if (clamp) v[i] = before;
            } else if (before < threshold && after >= threshold) {
                spikeInside(spikes, i, dt * (threshold - before) / (after - before), refractoryStepCount);
            }
            membraneLeft[i] = v[i];
            if (bad < 0 && !Double.isFinite(v[i])) bad = i;
        }
        return bad;
    }

    /** {@link #crossingAtStepEnd} with each neuron's threshold and refractory steps. */
    private int crossingEach(SpikeSink spikes, int from, int to) {
        double[] v = state[membrane];
        boolean clamp = rule.clamp();
        int bad = -1;
        for (int i = from; i < to; i++) {
            double before = membraneBefore[i];
            double after = v[i];
            double th = thresholds == null ? threshold : thresholds[i];
            if (refractorySteps[i] > 0) {
                refractorySteps[i]--;
                if (clamp) v[i] = before;
            } else if (before < th && after >= th) {
                spikeInside(spikes, i, dt * (th - before) / (after - before), heldSteps(i));
            }
            membraneLeft[i] = v[i];
            if (bad < 0 && !Double.isFinite(v[i])) bad = i;
        }
        return bad;
    }

    /** Condition rule after the step: a free neuron that did not spike at the step's start is tested. */
    private int conditionAtStepEnd(SpikeSink spikes, int from, int to) {
        double[] v = state[membrane];
        boolean clamp = rule.clamp();
        SpikeRule.Condition condition = rule.condition();
        boolean byCondition = rule.refractoryCondition() != null;
        int bad = -1;
        for (int i = from; i < to; i++) {
            double before = membraneBefore[i];
            if (refractorySteps[i] > 0) {
                if (clamp) v[i] = before;
            } else if (!spikedAtStart[i] && condition.holds(state, i)) {
                double after = v[i], th = rule.threshold(i);
                double at = before < th && after > before ? dt * (th - before) / (after - before) : 0;
                spikeInside(spikes, i, Math.min(dt, Math.max(0, at)), byCondition ? 1 : heldSteps(i));
            }
            spikedAtStart[i] = false;
            if (bad < 0 && !Double.isFinite(v[i])) bad = i;
        }
        return bad;
    }

    /** Neuron i's refractory period in whole steps. */
    private long heldSteps(int i) {
        long[] counts = refractoryStepCounts;
        return counts == null ? refractoryStepCount : counts[i];
    }

    /** A spike of neuron i at {@code offset} inside the step: reset at the step's end, then refractory. */
    private void spikeInside(SpikeSink spikes, int i, double offset, long refractory) {
        spikes.spike(i, offset);
        rule.reset().apply(state, i);
        refractorySteps[i] = refractory;
    }

    /**
     * True when the model integrates its current synapses itself ({@link ExactWithSynapses}, stepped by an exact
     * propagator): the network then calls {@link #stepWithArrivals} instead of {@link #step}.
     */
    public boolean withSynapses() {
        return locating != null && dynamics instanceof ExactWithSynapses && order == 0;
    }

    /** True when the stepper is grid-constrained ({@link ExactGrid}): the network calls {@link #stepOnGrid}. */
    public boolean onGrid() {
        return locating instanceof ExactGrid.OnGrid;
    }

    /** The grid-constrained step with the weights arrived at its start (see {@link GridPropagated#advanceOnGrid}). */
    public int stepOnGrid(Drive drive, SpikeSink spikes, double[][] arrived, double[] jumps, int from, int to) {
        ((GridPropagated) dynamics).advanceOnGrid(state, drive, dt, refractoryTime, spikes, arrived, jumps, from,
                to);
        return bounded ? -1 : firstNonFinite(state[0], from, to);
    }

    /** The step of a model that integrates its synapses (see {@link ExactWithSynapses#advanceWithArrivals}). */
    public int stepWithArrivals(Drive drive, SpikeSink spikes, InputEvents arrivals, int from, int to) {
        ((ExactWithSynapses) dynamics).advanceWithArrivals(state, drive, dt, refractoryTime, spikes, arrivals, from, to);
        return bounded ? -1 : firstNonFinite(state[0], from, to);
    }


    private int firstNonFinite(int from, int to) {
        for (double[] var : state) {
            int bad = firstNonFinite(var, from, to);
            if (bad >= 0) return bad;
        }
        return -1;
    }

    private static int firstNonFinite(double[] var, int from, int to) {
        // x - x is 0 for finite x and NaN for NaN or infinite x: one branch-free pass with four independent
        // sums (so the additions overlap), then a search only if something is wrong
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            a0 += var[i] - var[i];
            a1 += var[i + 1] - var[i + 1];
            a2 += var[i + 2] - var[i + 2];
            a3 += var[i + 3] - var[i + 3];
        }
        for (; i < to; i++) a0 += var[i] - var[i];
        if (a0 + a1 + a2 + a3 == 0) return -1;
        for (int k = from; k < to; k++) {
            if (!Double.isFinite(var[k])) return k;
        }
        return -1;
    }

    /** Index of the first state variable of neuron i that is NaN or infinite, or -1. */
    public int nonFiniteVariable(int i) {
        for (int k = 0; k < state.length; k++) {
            if (!Double.isFinite(state[k][i])) return k;
        }
        return -1;
    }
}
