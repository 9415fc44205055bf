package org.neurosim.cli;

import java.util.List;
import org.neurosim.core.model.ConditionallyLinear;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.StateVariable;
import org.neurosim.core.units.Dimension;

/**
 * The course's example equation for numerical integration (../shared/science.md section 6): ds/dt = -s/tau with
 * s(0) = 1/tau, whose exact solution is s(t) = exp(-t/tau)/tau and whose Euler iterates are
 * s_k = (1/tau)(1 - dt/tau)^k. Used by the tests of every integrator and by {@code neurosim demo euler}.
 */
public final class DecayEquation implements ConditionallyLinear {
    private final double tau;

    public DecayEquation(double tau) {
        this.tau = tau;
    }

    @Override public List<StateVariable> stateVariables() { return List.of(new StateVariable("s", Dimension.FREQUENCY)); }
    @Override public Dimension inputDimension() { return Dimension.DIMENSIONLESS; }
    @Override public void restingState(double[] values) { values[0] = 1 / tau; }
    @Override public String preferredIntegrator() { return "euler"; }

    @Override
    public void derivatives(double[][] s, Drive drive, double[][] ds, int from, int to) {
        for (int i = from; i < to; i++) ds[0][i] = -s[0][i] / tau;
    }

    @Override
    public void linearForm(double[][] s, Drive drive, double[][] a, double[][] b, int from, int to) {
        for (int i = from; i < to; i++) {
            a[0][i] = -1 / tau;
            b[0][i] = 0;
        }
    }

    public double exact(double t) {
        return Math.exp(-t / tau) / tau;
    }
}
