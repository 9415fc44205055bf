package org.neurosim.network.stimulus;

import java.util.List;
import org.neurosim.core.param.DataValue;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.stimulus.Signal;
import org.neurosim.core.stimulus.Stimulus;
import org.neurosim.core.stimulus.StimulusContext;
import org.neurosim.core.units.Dimension;

/**
 * {@code steps: [{at: 0 ms, value: 0}, {at: 20 ms, value: 10 uA/cm^2}]}: a piecewise-constant input, value_k from
 * at_k on (0 before the first), read at the start of each step (a step whose start is within 1 ps of at_k takes the
 * new value).
 */
public final class Steps implements Stimulus {
    @Override public String name() { return "steps"; }
    @Override public String description() { return "I(t) = value_k for at_k <= t < at_(k+1); 0 before the first"; }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.data("steps", "a list of {at: time, value: input} in time order"));
    }

    @Override
    public Signal create(StimulusContext c, Parameters p) {
        DataValue list = p.data("steps");
        List<DataValue> steps = list.list();
        if (steps.isEmpty()) throw list.error("expected at least one {at, value} step");
        double[] times = new double[steps.size()];
        double[] values = new double[steps.size()];
        for (int s = 0; s < steps.size(); s++) {
            DataValue st = steps.get(s);
            for (String k : st.entries().keySet()) {
                if (!k.equals("at") && !k.equals("value")) throw st.get(k).error("unknown key; expected one of at, value");
            }
            times[s] = st.get("at").quantity(Dimension.TIME);
            values[s] = st.get("value").quantity(c.dimension());
            if (s > 0 && times[s] < times[s - 1]) throw st.get("at").error("steps must be in time order");
        }
        double dt = c.dt();
        return step -> {
            double t = step * dt;
            int lo = 0, hi = times.length;   // the number of steps with at_k <= t (+ 1 ps): times are in order
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (times[mid] <= t + 1e-12) lo = mid + 1; else hi = mid;
            }
            return lo == 0 ? 0 : values[lo - 1];
        };
    }
}
