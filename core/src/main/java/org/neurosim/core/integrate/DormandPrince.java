package org.neurosim.core.integrate;

import java.util.List;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.exception.NumberIsTooSmallException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.events.EventHandler;
import org.apache.commons.math3.ode.nonstiff.DormandPrince54Integrator;
import org.neurosim.core.NumericalFailureException;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.SpikeRule;
import org.neurosim.core.model.SpikeSink;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.units.Dimension;

/**
 * Adaptive Dormand-Prince 5(4) (Apache Commons Math) with error control per neuron: local error below
 * {@code abs_tol + rel_tol |s|}. A spike is an event g = V - threshold whose upward zero is located by a root
 * finder inside the step to {@code event_tol}; the reset is applied at that time and integration continues.
 * During refractoriness of a model that clamps its membrane, the neuron is held. Meant for accuracy and reference
 * solutions of single neurons and small populations, not for speed.
 */
public final class DormandPrince implements Integrator {
    @Override public String name() { return "dormand-prince"; }
    @Override public String description() {
        return "adaptive Dormand-Prince 5(4) with error control and spike event location";
    }
    @Override public int order() { return 5; }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.positive("abs_tol", Dimension.DIMENSIONLESS, "1e-10",
                        "absolute error tolerance per step, in SI units of each state variable"),
                ParameterSpec.positive("rel_tol", Dimension.DIMENSIONLESS, "1e-10", "relative error tolerance"),
                ParameterSpec.positive("event_tol", Dimension.TIME, "1e-12 s", "accuracy of located spike times"),
                ParameterSpec.integer("max_evaluations", "100000", 100, Integer.MAX_VALUE,
                        "evaluations of the equations allowed per neuron and step before it fails (a stiff or "
                        + "singular model otherwise runs for minutes)"));
    }

    @Override
    public SpikeLocatingStepper create(IntegratorContext context, Parameters p) {
        NeuronDynamics d = context.dynamics();
        return new Solver(d, p.get("abs_tol"), p.get("rel_tol"), p.get("event_tol"), p.getInt("max_evaluations"));
    }

    private static final class Solver implements SpikeLocatingStepper, FirstOrderDifferentialEquations, EventHandler {
        private final NeuronDynamics d;
        private final SpikeRule rule;
        private final int dim;
        private final int m;
        private final double threshold;
        private final double absTol, relTol, eventTol;
        private final double[][] one;
        private final double[][] dOne;
        private final Drive drive1;
        private double eventTime = Double.NaN;

        private final int maxEvaluations;

        Solver(NeuronDynamics d, double absTol, double relTol, double eventTol, int maxEvaluations) {
            this.maxEvaluations = maxEvaluations;
            this.d = d;
            this.dim = d.stateVariables().size();
            this.rule = d.spikeRule();
            this.m = rule.membrane();
            this.threshold = rule.threshold();
            this.absTol = absTol;
            this.relTol = relTol;
            this.eventTol = eventTol;
            this.drive1 = new Drive(1, d.separatesSynapticCurrent());
            this.one = new double[dim][1];
            this.dOne = new double[dim][1];
        }

        @Override
        public int getDimension() {
            return dim;
        }

        @Override
        public void computeDerivatives(double t, double[] y, double[] yDot) {
            for (int k = 0; k < dim; k++) one[k][0] = y[k];
            d.derivatives(one, drive1, dOne, 0, 1);
            for (int k = 0; k < dim; k++) yDot[k] = dOne[k][0];
        }

        @Override public void init(double t0, double[] y0, double t) { }

        @Override
        public double g(double t, double[] y) {
            return m < 0 || Double.isInfinite(threshold) ? 1 : y[m] - threshold;
        }

        @Override
        public Action eventOccurred(double t, double[] y, boolean increasing) {
            if (!increasing) return Action.CONTINUE;
            eventTime = t;
            return Action.STOP;
        }

        @Override public void resetState(double t, double[] y) { }

        @Override
        public void advance(double[][] state, Drive drive, double dt, double[] refractory, SpikeSink spikes,
                            int from, int to) {
            // a fresh integrator per call keeps the solver free of step-size history across neurons
            DormandPrince54Integrator ode = new DormandPrince54Integrator(dt * 1e-9, dt, absTol, relTol);
            ode.addEventHandler(this, Math.max(dt / 8, eventTol), eventTol, 1000);
            ode.setMaxEvaluations(maxEvaluations);   // bounded work per neuron and step: a stiff model fails, not hangs
            double[] y = new double[dim];
            for (int i = from; i < to; i++) {
                drive1.current[0] = drive.current[i];
                drive1.conductance[0] = drive.conductance[i];
                drive1.conductanceTimesReversal[0] = drive.conductanceTimesReversal[i];
                if (drive1.synapticCurrent != null) drive1.synapticCurrent[0] = drive.synapticCurrent[i];
                for (int k = 0; k < dim; k++) y[k] = state[k][i];
                double t = 0;
                if (refractory[i] > 0 && rule.clamp()) {
                    double hold = Math.min(refractory[i], dt);
                    refractory[i] -= hold;
                    t = hold;
                } else if (refractory[i] > 0) {
                    refractory[i] = Math.max(0, refractory[i] - dt);
                }
                while (t < dt) {
                    eventTime = Double.NaN;
                    double reached;
                    try {
                        reached = ode.integrate(this, t, y, dt, y);
                    } catch (MaxCountExceededException e) {
                        throw new NumericalFailureException(String.format(java.util.Locale.ROOT, "dormand-prince: "
                                + "neuron %d needed more than %,d evaluations of its equations in one step (at %.6g s "
                                + "into it); the equations are stiff or singular there: use exponential-euler or rk4 "
                                + "with a smaller dt, loosen abs_tol and rel_tol, or raise max_evaluations", i,
                                maxEvaluations, t), t);
                    } catch (NumberIsTooSmallException e) {
                        throw new NumericalFailureException("dormand-prince: neuron " + i + ": the step size fell "
                                + "below dt * 1e-9 (" + e.getMessage() + "); the equations are singular there", t);
                    }
                    if (Double.isNaN(eventTime) || reached >= dt) {
                        if (!Double.isNaN(eventTime) && reached >= dt) {
                            spikeAt(i, reached, y, spikes, refractory, dt);
                        }
                        break;
                    }
                    t = reached;
                    t += spikeAt(i, reached, y, spikes, refractory, dt);
                }
                for (int k = 0; k < dim; k++) state[k][i] = y[k];
            }
        }

        /** Records a spike at time t in the step, applies the reset; returns how long the neuron is held. */
        private double spikeAt(int i, double t, double[] y, SpikeSink spikes, double[] refractory, double dt) {
            spikes.spike(i, t);
            for (int k = 0; k < dim; k++) one[k][0] = y[k];
            rule.reset().apply(one, 0);
            for (int k = 0; k < dim; k++) y[k] = one[k][0];
            double ref = rule.refractoryPeriod();
            if (ref <= 0) return 0;
            double left = dt - t;
            if (rule.clamp()) {
                double hold = Math.min(ref, left);
                refractory[i] = ref - hold;
                return hold;
            }
            refractory[i] = Math.max(0, ref - left);
            return 0;
        }
    }
}
