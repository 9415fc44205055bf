package org.neurosim.integrators;

import java.util.Optional;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.integrate.IntegratorContext;
import org.neurosim.core.integrate.SpikeLocatingStepper;
import org.neurosim.core.model.ExactlySolvable;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.param.Parameters;

/**
 * The model's own closed-form propagator (for input held constant over the step): no truncation error, spikes
 * at their exact times. Serves models implementing {@link ExactlySolvable}, such as LIF.
 */
public final class Exact implements Integrator {
    @Override public String name() { return "exact"; }
    @Override public String description() {
        return "closed-form propagation of linear models (LIF), spikes at their times inside the step; no truncation error";
    }
    /** 0: no truncation error at all. */
    @Override public int order() { return 0; }

    @Override
    public Optional<String> unsupportedReason(NeuronDynamics d) {
        return d instanceof ExactlySolvable ? Optional.empty()
                : Optional.of("the model has no closed-form solution");
    }

    @Override
    public SpikeLocatingStepper create(IntegratorContext context, Parameters p) {
        NeuronDynamics d = context.dynamics();
        ExactlySolvable e = (ExactlySolvable) d;
        return e::advanceExactly;
    }
}
