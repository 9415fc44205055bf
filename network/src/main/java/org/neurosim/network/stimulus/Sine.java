package org.neurosim.network.stimulus;

import java.util.List;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.stimulus.Signal;
import org.neurosim.core.stimulus.Stimulus;
import org.neurosim.core.stimulus.StimulusContext;
import org.neurosim.core.units.Dimension;

/**
 * {@code sine}: I(t) = offset + amplitude sin(2 pi frequency t + phase), evaluated at the start of each step,
 * t = n dt, and held over the step (as NEST's ac_generator updates once per step).
 */
public final class Sine implements Stimulus {
    @Override public String name() { return "sine"; }
    @Override public String description() { return "I(t) = offset + amplitude sin(2 pi frequency t + phase)"; }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.input("amplitude", null, "amplitude of the oscillation"),
                ParameterSpec.positive("frequency", Dimension.FREQUENCY, null, "frequency"),
                ParameterSpec.input("offset", "0", "the mean input"),
                ParameterSpec.quantity("phase", Dimension.DIMENSIONLESS, "0", "phase at t = 0, in radians"));
    }

    @Override
    public Signal create(StimulusContext c, Parameters p) {
        double amplitude = p.get("amplitude"), omega = 2 * Math.PI * p.get("frequency");
        double offset = p.get("offset"), phase = p.get("phase"), dt = c.dt();
        return step -> offset + amplitude * Math.sin(omega * (step * dt) + phase);
    }
}
