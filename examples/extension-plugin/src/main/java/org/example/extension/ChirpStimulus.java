package org.example.extension;

import java.util.List;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.stimulus.Signal;
import org.neurosim.core.stimulus.Stimulus;
import org.neurosim.core.stimulus.StimulusContext;
import org.neurosim.core.units.Dimension;

/**
 * {@code chirp}: a linear frequency sweep from f0 to f1 over {@code sweep}, then held at f1:
 * I(t) = offset + amplitude sin(phi(t)), phi(t) = 2 pi (f0 t + (f1 - f0) t^2 / (2 T)) for t &lt;= T, continued at
 * f1 afterwards; evaluated at the start of each step, t = n dt. The classic stimulus for a neuron's resonance.
 */
public final class ChirpStimulus implements Stimulus {
    @Override public String name() { return "chirp"; }
    @Override public String description() {
        return "I(t) = offset + amplitude sin(2 pi (f0 t + (f1 - f0) t^2 / (2 sweep)))";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.input("amplitude", null, "amplitude of the oscillation"),
                ParameterSpec.positive("f0", Dimension.FREQUENCY, "1 Hz", "frequency at t = 0"),
                ParameterSpec.positive("f1", Dimension.FREQUENCY, "50 Hz", "frequency at the end of the sweep"),
                ParameterSpec.positive("sweep", Dimension.TIME, "1 s", "duration T of the sweep")
                        .range(1e-12, Double.POSITIVE_INFINITY),
                ParameterSpec.input("offset", "0", "the mean input"));
    }

    @Override
    public Signal create(StimulusContext c, Parameters p) {
        double a = p.get("amplitude"), f0 = p.get("f0"), f1 = p.get("f1"), sweep = p.get("sweep");
        double offset = p.get("offset"), dt = c.dt();
        return step -> offset + a * Math.sin(phase(step * dt, f0, f1, sweep));
    }

    /** phi(t) of the sweep, continued at f1 after it. */
    static double phase(double t, double f0, double f1, double sweep) {
        double s = Math.min(t, sweep);
        double phi = 2 * Math.PI * (f0 * s + (f1 - f0) * s * s / (2 * sweep));
        return t <= sweep ? phi : phi + 2 * Math.PI * f1 * (t - sweep);
    }
}
