package org.neurosim.core.synapse;

import java.util.List;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;

/**
 * A synaptic-kernel plugin: the post-synaptic current h(t) a spike produces, e.g. the gamma family
 * h(t) = kappa t^n exp(-t/tau_s) for t >= 0 with kappa = 1 / (n! tau_s^(n+1)) (area 1).
 */
public interface SynapticKernel {
    /** The name configs use: {@code synapse: {kernel: exponential}}. */
    String name();

    String description();

    List<ParameterSpec> parameters();

    /** The kernel with these parameters, normalised to unit area. */
    Kernel create(Parameters parameters);
}
