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
import org.neurosim.core.model.Stochastic;
import org.neurosim.core.Seeds;
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
    /** The values of the constants given per neuron (each array one constant), as bound into the code. */
    private final double[][] perNeuron;
    /** Scratch for one neuron's rates at its own index: state, inputs (zero) and derivatives. */
    private double[][] at, dsAt;
    private double[] zeros;
    private int neuron;

    EquationsDynamics(ModelDefinition def, Generated code, SpikeRule rule, double[] guess, double[][] perNeuron) {
        this.def = def;
        this.code = code;
        this.rule = rule;
        this.guess = guess;
        this.perNeuron = perNeuron;
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
    public java.util.Optional<String> refusesSynapses(boolean conductance) {
        if (!def.readsSynapticInput()) {
            return java.util.Optional.of("its equations do not read I_syn, so synapses onto it would do nothing; add "
                    + "I_syn to the membrane equation");
        }
        if (conductance && !def.hasVoltageV()) {
            return java.util.Optional.of("conductance synapses act through the membrane potential, a voltage named v, "
                    + "and its state variables are " + String.join(", ", def.states) + "; name the membrane v");
        }
        return java.util.Optional.empty();
    }

    @Override
    public void derivatives(double[][] state, Drive d, double[][] ds, int from, int to) {
        code.derivatives(state, d.current, d.synapticCurrent, d.conductance, d.conductanceTimesReversal, ds, from, to);
    }

    /**
     * A stable fixed point with no input, by Newton's method with a finite-difference Jacobian from the initial
     * guess (zeros, or a model file's init), else from voltages between -90 and -40 mV; the guess itself when
     * none is found. This is neuron 0's; {@link #restingState(double[][])} finds each neuron's own.
     */
    @Override
    public void restingState(double[] values) {
        ensureScratch(1);
        neuron = 0;
        System.arraycopy(fixedPoint(), 0, values, 0, guess.length);
    }

    /**
     * Each neuron's own fixed point, from its own per-neuron constants (AdEx with I = 0.5, 1, 2 nA rests at three
     * different w): a neuron whose constants equal the one before it takes that one's, so a population whose
     * constants are all alike solves once. A population's {@code init} then replaces what it names.
     */
    @Override
    public void restingState(double[][] state) {
        int size = state[0].length;
        ensureScratch(size);
        double[] rest = null;
        for (int i = 0; i < size; i++) {
            if (rest == null || !sameConstants(i, i - 1)) {
                neuron = i;
                rest = fixedPoint();
            }
            for (int k = 0; k < rest.length; k++) state[k][i] = rest[k];
        }
    }

    private boolean sameConstants(int i, int j) {
        for (double[] c : perNeuron) {
            if (i >= c.length || j >= c.length || Double.doubleToLongBits(c[i]) != Double.doubleToLongBits(c[j])) {
                return false;
            }
        }
        return true;
    }

    private void ensureScratch(int size) {
        if (at != null && at[0].length >= size) return;
        at = new double[guess.length][size];
        dsAt = new double[guess.length][size];
        zeros = new double[size];
    }

    /** The fixed point of {@link #neuron}. */
    private double[] fixedPoint() {
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
        return rest != null ? rest : guess.clone();
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

    /** ds/dt of {@link #neuron} in state x with no input. */
    private double[] rates(double[] x) {
        int n = x.length, i = neuron;
        for (int k = 0; k < n; k++) at[k][i] = x[k];
        code.derivatives(at, zeros, zeros, zeros, zeros, dsAt, i, i + 1);
        double[] f = new double[n];
        for (int k = 0; k < n; k++) f[k] = dsAt[k][i];
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

    /**
     * Equations with white noise ({@code xi}): the derivatives are the drift (every xi taken as 0), the compiled
     * code's noise method the coefficients; the normal deviates of source j for neuron i in step n are
     * {@link Seeds#normal}(seed_j, n, i), seed_j from the run's seed, the population and the source's name.
     */
    static final class Noisy extends EquationsDynamics implements Stochastic {
        private final long[] seeds;

        Noisy(ModelDefinition def, Generated code, SpikeRule rule, double[] guess, double[][] perNeuron, long[] seeds) {
            super(def, code, rule, guess, perNeuron);
            this.seeds = seeds;
        }

        @Override public String preferredIntegrator() { return "euler-maruyama"; }
        @Override public List<String> noiseSources() { return def.noiseSources; }
        @Override public boolean additiveNoise() { return def.additiveNoise; }

        @Override
        public void noise(double[][] state, Drive d, double[][][] g, int from, int to) {
            code.noise(state, d.current, d.synapticCurrent, d.conductance, d.conductanceTimesReversal, g, from, to);
        }

        @Override
        public void normals(long step, double[][] z, int from, int to) {
            for (int j = 0; j < seeds.length; j++) {
                double[] zj = z[j];
                long seed = seeds[j];
                for (int i = from; i < to; i++) zj[i] = Seeds.normal(seed, step, i);
            }
        }
    }

    /** For exponential-euler: every equation linear in its own variable. */
    static class ConditionallyLinearEquations extends EquationsDynamics implements ConditionallyLinear {
        ConditionallyLinearEquations(ModelDefinition def, Generated code, SpikeRule rule, double[] guess, double[][] perNeuron) {
            super(def, code, rule, guess, perNeuron);
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

        Exact(ModelDefinition def, Generated code, SpikeRule rule, double[] guess, double[][] perNeuron, LinearSystem system, double dt) {
            super(def, code, rule, guess, perNeuron);
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
