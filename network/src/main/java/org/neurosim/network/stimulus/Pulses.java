package org.neurosim.network.stimulus;

import java.util.List;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.stimulus.Signal;
import org.neurosim.core.stimulus.Stimulus;
import org.neurosim.core.stimulus.StimulusContext;
import org.neurosim.core.units.Dimension;

/**
 * {@code pulses}: a train of rectangular pulses, I(t) = amplitude when t &gt;= start and
 * (t - start) mod period &lt; width, else 0, with t = n dt the start of each step. Comparisons allow 1e-9 dt of
 * rounding, so a pulse of 5 ms at dt = 0.1 ms covers exactly 50 steps.
 */
public final class Pulses implements Stimulus {
    @Override public String name() { return "pulses"; }
    @Override public String description() {
        return "I(t) = amplitude for start + k period <= t < start + k period + width, else 0";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.input("amplitude", null, "height of each pulse"),
                ParameterSpec.positive("width", Dimension.TIME, null, "duration of each pulse"),
                ParameterSpec.positive("period", Dimension.TIME, null, "time from one pulse onset to the next")
                        .range(1e-12, Double.POSITIVE_INFINITY),
                ParameterSpec.positive("start", Dimension.TIME, "0 ms", "onset of the first pulse"));
    }

    @Override
    public Signal create(StimulusContext c, Parameters p) {
        double amplitude = p.get("amplitude"), width = p.get("width"), period = p.get("period");
        double start = p.get("start"), dt = c.dt();
        if (width > period) {
            throw new InvalidInputException(c.key() + ".width: expected a pulse width at most the period ("
                    + p.text("period") + "), got '" + p.text("width") + "'");
        }
        double eps = 1e-9 * dt;
        return step -> {
            double since = step * dt - start;
            if (since < -eps) return 0;
            double phase = since - period * Math.floor((since + eps) / period);
            return phase < width - eps ? amplitude : 0;
        };
    }
}
