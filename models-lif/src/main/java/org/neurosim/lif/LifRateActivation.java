package org.neurosim.lif;

import java.util.List;
import org.neurosim.core.activation.Activation;
import org.neurosim.core.activation.ActivationFunction;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginContext;
import org.neurosim.core.units.Dimension;

/**
 * The LIF rate curve as an activation function: s(z) = G(z) = 1 / (tau_ref - tau_m ln(1 - 1/z)) for z &gt; 1,
 * 0 otherwise, in Hz (../shared/science.md section 2).
 */
final class LifRateActivation implements ActivationFunction {
    @Override public String name() { return "lif-rate"; }

    @Override public String description() {
        return "s(z) = G(z) = 1 / (tau_ref - tau_m ln(1 - 1/z)) for z > 1, else 0 (Hz)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.positive("tau_m", Dimension.TIME, "20 ms", "LIF membrane time constant")
                        .range(1e-12, Double.POSITIVE_INFINITY),
                ParameterSpec.positive("tau_ref", Dimension.TIME, "2 ms", "LIF refractory period"));
    }

    @Override
    public Activation create(PluginContext context, Parameters p) {
        double tauM = p.get("tau_m");
        double tauRef = p.get("tau_ref");
        return new Activation() {
            @Override public double value(double z) { return LeakyIntegrateAndFire.rate(z, tauRef, tauM); }
            @Override public double derivative(double z) {
                return LeakyIntegrateAndFire.rateDerivative(z, tauRef, tauM);
            }
        };
    }
}
