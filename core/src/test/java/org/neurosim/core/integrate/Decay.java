package org.neurosim.core.integrate;

import java.util.List;
import org.neurosim.core.model.ConditionallyLinear;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.StateVariable;
import org.neurosim.core.units.Dimension;

/** The course's example (../shared/science.md section 6): ds/dt = -s/tau, s(0) = 1/tau; exact s = exp(-t/tau)/tau. */
final class Decay implements ConditionallyLinear {
    final double tau;

    Decay(double tau) {
        this.tau = tau;
    }

    @Override public List<StateVariable> stateVariables() { return List.of(new StateVariable("s", Dimension.FREQUENCY)); }
    @Override public Dimension inputDimension() { return Dimension.DIMENSIONLESS; }
    @Override public void restingState(double[] values) { values[0] = 1 / tau; }
    @Override public int membraneIndex() { return -1; }
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

    double exact(double t) {
        return Math.exp(-t / tau) / tau;
    }
}
