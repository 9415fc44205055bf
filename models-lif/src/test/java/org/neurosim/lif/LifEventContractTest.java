package org.neurosim.lif;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.synapses.Kernels;
import org.neurosim.testkit.ExactWithSynapsesContract;

/**
 * lif with its current synapses in closed form (LifSynapses) against the event-driven contract: the exact step with
 * events off the grid, late events, and the grid-constrained step, each against a fine-step reference of lif's own
 * equations. The exponential input is one lif advances itself (a first-order filter it folds into its pass), the alpha
 * input one the network advances; both together, and in physical units with a capacitance (input a current).
 */
class LifEventContractTest {
    /** The normalised model (v_rest 0, v_th 1, tau_m 20 ms, tau_ref 2 ms): a weight-1 event moves V by about 0.04. */
    abstract static class Normalised extends ExactWithSynapsesContract {
        @Override protected NeuronModel model() { return new LeakyIntegrateAndFire(); }
        @Override protected boolean takesJumps() { return true; }
        @Override protected double jumpWeight() { return 0.05; }
        @Override protected double subthresholdInput() { return 0.5; }
        @Override protected double spikingInput() { return 3; }
    }

    @Nested
    class Exponential extends Normalised {
        @Override protected List<Input> inputs() {
            return List.of(new Input(Kernels.EXPONENTIAL, Map.of("tau", "5 ms"), 1.5e-3));
        }
    }

    @Nested
    class Alpha extends Normalised {
        @Override protected List<Input> inputs() {
            return List.of(new Input(Kernels.ALPHA, Map.of("tau", "3 ms"), 1.5e-3));
        }
    }

    @Nested
    class ExponentialAndAlpha extends Normalised {
        @Override protected List<Input> inputs() {
            return List.of(new Input(Kernels.EXPONENTIAL, Map.of("tau", "5 ms"), 1.5e-3),
                    new Input(Kernels.ALPHA, Map.of("tau", "2 ms"), 1.2e-3));
        }
    }

    /**
     * NEST's iaf_psc_exp values (tau_m 10 ms, C_m 250 pF, v_rest = v_reset -65 mV, v_th -50 mV): the input is a current
     * (R = 40 MOhm), a weight-1 event a charge of 0.2 pC through the exponential kernel; jumps of 0.75 mV.
     */
    @Nested
    class PhysicalUnits extends ExactWithSynapsesContract {
        @Override protected NeuronModel model() { return new LeakyIntegrateAndFire(); }
        @Override protected Map<String, String> parameters() {
            return Map.of("tau_m", "10 ms", "c_m", "250 pF", "v_rest", "-65 mV", "v_reset", "-65 mV",
                    "v_th", "-50 mV", "tau_ref", "2 ms");
        }
        @Override protected List<Input> inputs() {
            return List.of(new Input(Kernels.EXPONENTIAL, Map.of("tau", "2 ms"), 2e-13),
                    new Input(Kernels.ALPHA, Map.of("tau", "4 ms"), 1.5e-13));
        }
        @Override protected boolean takesJumps() { return true; }
        @Override protected double jumpWeight() { return 0.75e-3; }
        @Override protected double subthresholdInput() { return 180e-12; }
        @Override protected double spikingInput() { return 1.1e-9; }
    }
}
