package org.neurosim.equations;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.neurosim.core.model.ConditionallyLinear;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.ExactlySolvable;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.SpikeRule;
import org.neurosim.core.model.SpikeSink;
import org.neurosim.core.model.StateVariable;
import org.neurosim.core.units.Dimension;
import org.neurosim.equations.compile.Generated;

/**
 * The dynamics of an equations model over a population: the compiled code's derivatives for any integrator;
 * {@link ConditionallyLinearEquations} adds the linear form for {@code exponential-euler} when each equation is
 * linear in its own variable; {@link Exact} adds the propagator for {@code exact} when the system is linear with
 * constant coefficients. The external input and the synaptic current reach the code apart (I_ext, I_syn).
 */
public class EquationsDynamics implements NeuronDynamics {
    final ModelDefinition def;
    final Generated code;
    private final SpikeRule rule;
    private final List<StateVariable> variables = new ArrayList<>();
    private final double[] guess;

    EquationsDynamics(ModelDefinition def, Generated code, SpikeRule rule, double[] guess) {
        this.def = def;
        this.code = code;
        this.rule = rule;
        this.guess = guess;
        for (int k = 0; k < def.states.size(); k++) {
            variables.add(new StateVariable(def.states.get(k), def.stateDimensions.get(k)));
        }
    }

    @Override public List<StateVariable> stateVariables() { return variables; }
    @Override public Dimension inputDimension() { return def.input; }
    @Override public SpikeRule spikeRule() { return rule; }
    @Override public boolean separatesSynapticCurrent() { return true; }
    @Override public String preferredIntegrator() { return "rk4"; }

    @Override
    public void derivatives(double[][] state, Drive d, double[][] ds, int from, int to) {
        code.derivatives(state, d.current, d.synapticCurrent, d.conductance, d.conductanceTimesReversal, ds, from, to);
    }

    /**
     * A stable fixed point with no input, by Newton's method with a finite-difference Jacobian from the initial
     * guess (zeros, or a model file's init), else from voltages between -90 and -40 mV; the guess itself when
     * none is found. A population's {@code init} replaces it.
     */
    @Override
    public void restingState(double[] values) {
        double[] start = guess.clone();
        double[] rest = newton(start);
        // from elsewhere, Newton may find an unstable fixed point (Izhikevich's -50 mV from 0): try voltages
        // from -90 to -40 mV for the voltage variables
        for (double v = -0.09; rest == null && v <= -0.04 + 1e-12; v += 0.01) {
            for (int k = 0; k < start.length; k++) {
                if (variables.get(k).dimension().equals(Dimension.VOLTAGE)) start[k] = v;
            }
            rest = newton(start);
        }
        System.arraycopy(rest != null ? rest : guess, 0, values, 0, guess.length);
    }

    /** A stable fixed point reached by Newton's method from {@code start}, or null. */
    private double[] newton(double[] start) {
        int n = start.length;
        double[] x = start.clone();
        boolean converged = false;
        for (int iter = 0; iter < 100 && !converged; iter++) {
            double[] f = rates(x);
            double[][] j = jacobian(x, f);
            RealVector step;
            try {
                step = new LUDecomposition(new Array2DRowRealMatrix(j, false)).getSolver()
                        .solve(new ArrayRealVector(f, false));
            } catch (RuntimeException singular) {
                return null;
            }
            double size = 0;
            for (int k = 0; k < n; k++) {
                x[k] -= step.getEntry(k);
                size = Math.max(size, Math.abs(step.getEntry(k)) / Math.max(1e-3, Math.abs(x[k])));
            }
            converged = size < 1e-13;
        }
        return converged && finite(x) && stable(jacobian(x, rates(x))) ? x : null;
    }

    private static boolean finite(double[] x) {
        for (double e : x) if (!Double.isFinite(e)) return false;
        return true;
    }

    private static boolean stable(double[][] j) {
        try {
            double[] re = new EigenDecomposition(new Array2DRowRealMatrix(j, false)).getRealEigenvalues();
            for (double r : re) if (!(r < 0)) return false;
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private double[] rates(double[] x) {
        int n = x.length;
        double[][] s = new double[n][1], ds = new double[n][1];
        for (int k = 0; k < n; k++) s[k][0] = x[k];
        code.derivatives(s, new double[1], new double[1], new double[1], new double[1], ds, 0, 1);
        double[] f = new double[n];
        for (int k = 0; k < n; k++) f[k] = ds[k][0];
        return f;
    }

    private double[][] jacobian(double[] x, double[] f) {
        int n = x.length;
        double[][] j = new double[n][n];
        for (int c = 0; c < n; c++) {
            double h = 1e-7 * Math.max(Math.abs(x[c]), 1e-3);
            double[] y = x.clone();
            y[c] += h;
            double[] g = rates(y);
            for (int r = 0; r < n; r++) j[r][c] = (g[r] - f[r]) / h;
        }
        return j;
    }

    /** For exponential-euler: every equation linear in its own variable. */
    static class ConditionallyLinearEquations extends EquationsDynamics implements ConditionallyLinear {
        ConditionallyLinearEquations(ModelDefinition def, Generated code, SpikeRule rule, double[] guess) {
            super(def, code, rule, guess);
        }

        @Override
        public void linearForm(double[][] state, Drive d, double[][] a, double[][] b, int from, int to) {
            code.linearForm(state, d.current, d.synapticCurrent, d.conductance, d.conductanceTimesReversal, a, b,
                    from, to);
        }
    }

    /** For exact: linear with constant coefficients, propagated in closed form. */
    static final class Exact extends ConditionallyLinearEquations implements ExactlySolvable {
        private final LinearPropagator propagator;

        Exact(ModelDefinition def, Generated code, SpikeRule rule, double[] guess, LinearSystem system, double dt) {
            super(def, code, rule, guess);
            // the propagator needs dt; outside a network (dt unknown yet) it is made when first used
            double[] size = new double[def.states.size()];
            for (int k = 0; k < size.length; k++) size[k] = naturalSize(def.stateDimensions.get(k));
            this.propagator = dt > 0 ? new LinearPropagator(system.a(), system.c(), system.eExt(), system.eSyn(), dt,
                    rule, size) : null;
        }

        @Override public String preferredIntegrator() { return "exact"; }

        /** The size a quantity of this dimension has in a neuron: mV, nA, nS, pF, ms, uA/cm^2; 1 otherwise. */
        static double naturalSize(Dimension d) {
            if (d.equals(Dimension.VOLTAGE) || d.equals(Dimension.TIME)) return 1e-3;
            if (d.equals(Dimension.CURRENT) || d.equals(Dimension.CONDUCTANCE)) return 1e-9;
            if (d.equals(Dimension.CAPACITANCE) || d.equals(Dimension.CHARGE)) return 1e-12;
            if (d.equals(Dimension.CURRENT_DENSITY)) return 1e-2;
            return 1;
        }

        @Override
        public void advanceExactly(double[][] state, Drive d, double dt, double[] refractory, SpikeSink spikes,
                                   int from, int to) {
            if (propagator == null) throw new IllegalStateException("exact: the dynamics were made without a time step");
            propagator.advance(state, d.current, d.synapticCurrent, d.conductance, refractory, spikes, from, to);
        }
    }
}
