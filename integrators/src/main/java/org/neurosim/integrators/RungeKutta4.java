package org.neurosim.integrators;

import org.neurosim.core.integrate.GridStepper;
import org.neurosim.core.integrate.IntegratorContext;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.param.Parameters;

/**
 * The classical 4th-order Runge-Kutta method:
 * k1 = f(t, s), k2 = f(t + dt/2, s + dt/2 k1), k3 = f(t + dt/2, s + dt/2 k2), k4 = f(t + dt, s + dt k3),
 * s += dt (k1 + 2 k2 + 2 k3 + k4) / 6; a synaptic conductance is taken at each stage's time
 * ({@link org.neurosim.core.model.Drive#conductanceAt}).
 */
public final class RungeKutta4 extends FixedStepIntegrator {
    @Override public String name() { return "rk4"; }
    @Override public String description() { return "classical 4th-order Runge-Kutta"; }
    @Override public int order() { return 4; }

    @Override
    public GridStepper create(IntegratorContext context, Parameters p) {
        NeuronDynamics d = context.dynamics();
        int size = context.size();
        double[][] k1 = scratch(d, size), k2 = scratch(d, size), k3 = scratch(d, size), k4 = scratch(d, size);
        double[][] tmp = scratch(d, size);
        return (s, drive, dt, from, to) -> {
            d.derivatives(s, drive, k1, from, to);
            axpy(s, 0.5 * dt, k1, tmp, from, to);
            drive.conductanceAt(0.5 * dt, from, to);   // stages 2 and 3 are at t + dt/2, stage 4 at t + dt
            d.derivatives(tmp, drive, k2, from, to);
            axpy(s, 0.5 * dt, k2, tmp, from, to);
            d.derivatives(tmp, drive, k3, from, to);
            axpy(s, dt, k3, tmp, from, to);
            drive.conductanceAt(dt, from, to);
            d.derivatives(tmp, drive, k4, from, to);
            double h = dt / 6.0;
            for (int v = 0; v < s.length; v++) {
                double[] sv = s[v], a = k1[v], b = k2[v], c = k3[v], e = k4[v];
                for (int i = from; i < to; i++) {
                    sv[i] += h * (a[i] + 2 * b[i] + 2 * c[i] + e[i]);
                }
            }
        };
    }
}
