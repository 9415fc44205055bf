package org.neurosim.integrators;

import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.model.NeuronDynamics;

/** Shared pieces of the explicit Runge-Kutta integrators. */
abstract class FixedStepIntegrator implements Integrator {
    static double[][] scratch(NeuronDynamics d, int size) {
        return new double[d.stateVariables().size()][size];
    }

    /** out = s + h k over the range. */
    static void axpy(double[][] s, double h, double[][] k, double[][] out, int from, int to) {
        for (int v = 0; v < s.length; v++) {
            double[] sv = s[v], kv = k[v], ov = out[v];
            for (int i = from; i < to; i++) {
                ov[i] = sv[i] + h * kv[i];
            }
        }
    }
}
