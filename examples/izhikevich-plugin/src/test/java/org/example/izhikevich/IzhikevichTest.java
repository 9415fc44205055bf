package org.example.izhikevich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.integrators.DormandPrince;
import org.neurosim.integrators.Euler;
import org.neurosim.integrators.SingleNeuron;

class IzhikevichTest {
    static NeuronDynamics regularSpiking() {
        Izhikevich m = new Izhikevich();
        return m.create(PopulationContext.single(Double.NaN), Parameters.defaults(m.parameters()));
    }

    @Test
    void restsAtTheStableRootMinus70() {
        // 0.04 v^2 + 4.8 v + 140 = 0  ->  v = (-4.8 - 0.8) / 0.08 = -70 mV, u = b v = -14 mV (by hand)
        double[] rest = new double[2];
        regularSpiking().restingState(rest);
        assertThat(rest[0]).isCloseTo(-0.070, within(1e-12));
        assertThat(rest[1]).isCloseTo(-0.014, within(1e-12));
        assertThat(SingleNeuron.run(regularSpiking(), new Euler(), 0, 0.5, 1e-5).spikeCount()).isZero();
    }

    @Test
    void regularSpikingFiresTonicallyAndResetsToC() {
        SingleNeuron.Result r = SingleNeuron.run(regularSpiking(), new Euler(), Parameters.defaults(List.of()), 10,
                1.0, 1e-5, true);
        assertThat(r.spikeCount()).isGreaterThan(5);
        // spike-frequency adaptation: the first interval is shorter than the last (regular spiking)
        double[] t = r.spikeTimes();
        assertThat(t[1] - t[0]).isLessThan(t[t.length - 1] - t[t.length - 2]);
        // right after the first spike v is at c = -65 mV
        int after = (int) Math.ceil(t[0] / 1e-5);
        assertThat(r.trace()[0][after] * 1e3).isCloseTo(-65, within(1.0));
    }

    @Test
    void eulerFirstSpikeAgreesWithTheAdaptiveReference() {
        DormandPrince dp = new DormandPrince();
        double ref = SingleNeuron.run(regularSpiking(), dp,
                Parameters.resolve(dp.parameters(), Map.of("abs_tol", "1e-12", "rel_tol", "1e-12"), "p"),
                10, 0.1, 1e-4, false).spikeTimes()[0];
        double euler = SingleNeuron.run(regularSpiking(), new Euler(), 10, 0.1, 1e-6).spikeTimes()[0];
        assertThat(euler).isCloseTo(ref, within(2e-5));
    }

    @Test
    void discoveredThroughServiceLoader() {
        assertThat(PluginRegistry.load().all(PluginKind.NEURON_MODEL)).containsKey("izhikevich");
    }
}
