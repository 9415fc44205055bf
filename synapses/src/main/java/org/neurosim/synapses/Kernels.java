package org.neurosim.synapses;

import java.util.List;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginContext;
import org.neurosim.core.synapse.Kernel;
import org.neurosim.core.synapse.SynapticKernel;
import org.neurosim.core.units.Dimension;

/** The kernel plugins: exponential, alpha, gamma, double-exponential, delta. */
public final class Kernels {
    private Kernels() { }

    static ParameterSpec tau(String def) {
        return ParameterSpec.positive("tau", Dimension.TIME, def, "synaptic time constant tau_s (decay)")
                .range(1e-12, Double.POSITIVE_INFINITY);
    }

    private record Plugin(String name, String description, List<ParameterSpec> parameters,
                          java.util.function.Function<Parameters, Kernel> factory) implements SynapticKernel {
        @Override public Kernel create(PluginContext context, Parameters p) { return factory.apply(p); }
    }

    public static final SynapticKernel EXPONENTIAL = new Plugin("exponential",
            "h(t) = exp(-t/tau) / tau (gamma n = 0)", List.of(tau("5 ms")), p -> new GammaKernel(0, p.get("tau")));
    public static final SynapticKernel ALPHA = new Plugin("alpha",
            "h(t) = t exp(-t/tau) / tau^2 (gamma n = 1)", List.of(tau("5 ms")), p -> new GammaKernel(1, p.get("tau")));
    public static final SynapticKernel GAMMA = new Plugin("gamma",
            "h(t) = t^n exp(-t/tau) / (n! tau^(n+1))",
            List.of(tau("5 ms"), ParameterSpec.integer("n", "2", 0, 20, "order n of the gamma kernel")),
            p -> new GammaKernel(p.getInt("n"), p.get("tau")));
    public static final SynapticKernel DOUBLE_EXPONENTIAL = new Plugin("double-exponential",
            "h(t) = (exp(-t/tau) - exp(-t/tau_rise)) / (tau - tau_rise)",
            List.of(tau("5 ms"), ParameterSpec.positive("tau_rise", Dimension.TIME, "1 ms", "rise time constant")
                    .range(1e-12, Double.POSITIVE_INFINITY)),
            p -> {
                if (!(p.get("tau_rise") < p.get("tau"))) {
                    throw new InvalidInputException("tau_rise: expected a rise time shorter than tau ("
                            + p.text("tau") + "), got '" + p.text("tau_rise") + "'");
                }
                return new DoubleExponentialKernel(p.get("tau"), p.get("tau_rise"));
            });
    public static final SynapticKernel DELTA = new Plugin("delta",
            "h(t) = delta(t): each spike adds its weight to the target at once", List.of(), p -> new DeltaKernel());

    public static final List<SynapticKernel> ALL = List.of(EXPONENTIAL, ALPHA, GAMMA, DOUBLE_EXPONENTIAL, DELTA);
}
