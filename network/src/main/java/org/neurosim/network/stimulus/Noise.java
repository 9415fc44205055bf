package org.neurosim.network.stimulus;

import java.util.List;
import org.neurosim.core.Seeds;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.stimulus.Signal;
import org.neurosim.core.stimulus.Stimulus;
import org.neurosim.core.stimulus.StimulusContext;

/**
 * {@code noise}: Gaussian white noise, a new value every step, independent per neuron: I_i(n dt) = mean + std z
 * with z ~ N(0, 1) (as NEST's noise_generator with its interval equal to dt; the power per unit frequency
 * therefore scales with dt). z comes from the Box-Muller transform of two uniforms that depend only on the run's
 * seed, the config key, the step and the neuron (a counter-based generator), so the noise is the same at any thread
 * count and chunking.
 */
public final class Noise implements Stimulus {
    @Override public String name() { return "noise"; }
    @Override public String description() { return "I_i(t) = mean + std z_i(t), z ~ N(0, 1) independent per neuron and step"; }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.input("mean", "0", "mean of the input"),
                ParameterSpec.input("std", null, "standard deviation of each step's value"));
    }

    @Override
    public Signal create(StimulusContext c, Parameters p) {
        double mean = p.get("mean"), std = p.get("std");
        if (std < 0) {
            throw new org.neurosim.core.InvalidInputException(c.key() + ".std: expected a standard deviation >= 0, got '"
                    + p.text("std") + "'");
        }
        long seed = c.seed();
        return new Signal() {
            @Override public boolean uniform() { return false; }
            @Override public double value(long step) { throw new UnsupportedOperationException("per-neuron signal"); }

            @Override
            public void fill(long step, double[] out, int from, int to) {
                for (int i = from; i < to; i++) {
                    double u1 = Seeds.uniform(seed, step, 2L * i), u2 = Seeds.uniform(seed, step, 2L * i + 1);
                    out[i] = mean + std * Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
                }
            }
        };
    }
}
