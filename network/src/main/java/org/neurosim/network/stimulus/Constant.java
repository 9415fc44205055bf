package org.neurosim.network.stimulus;

import java.util.List;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.stimulus.Signal;
import org.neurosim.core.stimulus.Stimulus;
import org.neurosim.core.stimulus.StimulusContext;

/** {@code constant}: I(t) = value for every neuron ({@code input: 1.5} is its short form). */
public final class Constant implements Stimulus {
    @Override public String name() { return "constant"; }
    @Override public String description() { return "I(t) = value"; }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.input("value", "0", "the input"));
    }

    @Override
    public Signal create(StimulusContext c, Parameters p) {
        return Signal.constant(p.get("value"));
    }
}
