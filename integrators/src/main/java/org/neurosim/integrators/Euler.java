package org.neurosim.integrators;

import org.neurosim.core.integrate.GridStepper;
import org.neurosim.core.integrate.IntegratorContext;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.param.Parameters;

/**
 * Explicit Euler: s_(k+1) = s_k + dt f(t_k, s_k). First order; on ds/dt = -s/tau unstable for dt > 2 tau. A synaptic
 * conductance enters as its mean over the step, (1/dt) int_0^dt g(t_k + s) ds (see {@link Drive#meanConductance}).
 */
public final class Euler extends FixedStepIntegrator {
    @Override public String name() { return "euler"; }
    @Override public String description() { return "explicit Euler, s += dt f(s)"; }
    @Override public int order() { return 1; }

    @Override
    public GridStepper create(IntegratorContext context, Parameters p) {
        NeuronDynamics d = context.dynamics();
        int size = context.size();
        double[][] k = scratch(d, size);
        return (s, drive, dt, from, to) -> {
            drive.meanConductance(from, to);   // one stage: the conductance's exact integral over the step
            d.derivatives(s, drive, k, from, to);
            axpy(s, dt, k, s, from, to);
        };
    }
}
