package org.neurosim.synapses;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.neurosim.core.synapse.SynapticKernel;
import org.neurosim.testkit.SynapticKernelContract;

/**
 * Every kernel of the module against the kernel contract (closed form with off-grid spikes, area, peak,
 * checkpoint, modes); tau 8 ms, and for double-exponential a rise of 1.3 ms.
 */
class KernelContractTest {
    @Nested
    class Exponential extends SynapticKernelContract {
        @Override protected SynapticKernel kernel() { return Kernels.EXPONENTIAL; }
        @Override protected Map<String, String> parameters() { return Map.of("tau", "8 ms"); }
    }

    @Nested
    class Alpha extends SynapticKernelContract {
        @Override protected SynapticKernel kernel() { return Kernels.ALPHA; }
        @Override protected Map<String, String> parameters() { return Map.of("tau", "8 ms"); }
    }

    /** The default order n = 2. */
    @Nested
    class Gamma extends SynapticKernelContract {
        @Override protected SynapticKernel kernel() { return Kernels.GAMMA; }
        @Override protected Map<String, String> parameters() { return Map.of("tau", "8 ms"); }
    }

    /** A high order, n = 5: the cascade's propagator sums six stages. */
    @Nested
    class GammaFive extends SynapticKernelContract {
        @Override protected SynapticKernel kernel() { return Kernels.GAMMA; }
        @Override protected Map<String, String> parameters() { return Map.of("tau", "3 ms", "n", "5"); }
    }

    @Nested
    class DoubleExponential extends SynapticKernelContract {
        @Override protected SynapticKernel kernel() { return Kernels.DOUBLE_EXPONENTIAL; }
        @Override protected Map<String, String> parameters() { return Map.of("tau", "8 ms", "tau_rise", "1.3 ms"); }
    }

    /** Instant: its grid form is the weight arrived in the step over dt (DeltaKernel's documentation). */
    @Nested
    class Delta extends SynapticKernelContract {
        @Override protected SynapticKernel kernel() { return Kernels.DELTA; }
    }
}
