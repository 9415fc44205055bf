package org.neurosim.integrators;

import org.neurosim.core.integrate.GridStepper;
import org.neurosim.core.integrate.IntegratorContext;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.param.Parameters;

/**
 * Heun's method (explicit trapezoid, 2nd-order Runge-Kutta):
 * k1 = f(t, s), k2 = f(t + dt, s + dt k1), s += dt (k1 + k2) / 2; a synaptic conductance is taken at each stage's
 * time ({@link org.neurosim.core.model.Drive#conductanceAt}).
 */
public final class Heun extends FixedStepIntegrator {
    @Override public String name() { return "heun"; }
    @Override public String description() { return "Heun's method (2nd-order Runge-Kutta)"; }
    @Override public int order() { return 2; }

    @Override
    public GridStepper create(IntegratorContext context, Parameters p) {
        NeuronDynamics d = context.dynamics();
        int size = context.size();
        double[][] k1 = scratch(d, size), k2 = scratch(d, size), tmp = scratch(d, size);
        return (s, drive, dt, from, to) -> {
            d.derivatives(s, drive, k1, from, to);
            axpy(s, dt, k1, tmp, from, to);
            drive.conductanceAt(dt, from, to);   // the second stage is at t + dt
            d.derivatives(tmp, drive, k2, from, to);
            for (int v = 0; v < s.length; v++) {
                double[] sv = s[v], a = k1[v], b = k2[v];
                for (int i = from; i < to; i++) {
                    sv[i] += 0.5 * dt * (a[i] + b[i]);
                }
            }
        };
    }
}
