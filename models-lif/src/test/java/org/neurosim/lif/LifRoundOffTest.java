package org.neurosim.lif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.Parameters;
import org.neurosim.integrators.Exact;
import org.neurosim.integrators.SingleNeuron;

/**
 * A DC-driven LIF stays at round-off from its closed form over many small steps, as NEST's precise models do: the
 * reference check of Morrison et al. (2007) and NEST's test suite, 5 ms at h = 2^-13 ms (40,960 steps), where NEST
 * stays within 1e-13 mV. References: V(t) = v_inf + (V_0 - v_inf) e^(-t/tau_m) with v_inf = E_L + R I, and for a
 * firing neuron t_1 = tau_m ln((v_inf - V_0)/(v_inf - V_th)), t_(k+1) = t_k + t_ref + tau_m ln((v_inf - V_reset) /
 * (v_inf - V_th)).
 */
class LifRoundOffTest {
    static final double H = Math.scalb(1e-3, -13);   // 2^-13 ms in seconds (1.220703125e-7 s, exact in binary)

    static NeuronDynamics lif(String vTh) {
        LeakyIntegrateAndFire m = new LeakyIntegrateAndFire();
        return m.create(PopulationContext.single(H), Parameters.resolve(m.parameters(), Map.of("c_m", "250 pF",
                "tau_m", "10 ms", "tau_ref", "2 ms", "v_rest", "-70 mV", "v_th", vTh, "v_reset", "-70 mV"), "p"));
    }

    @Test
    void subthresholdMembraneStaysAtRoundOffFromTheClosedForm() {
        // 300 pA into R = tau_m / C_m = 40 MOhm: v_inf = -70 mV + 12 mV
        SingleNeuron.Result r = SingleNeuron.run(lif("-50 mV"), new Exact(), Parameters.defaults(new Exact().parameters()),
                300e-12, 0.005, H, true);
        double[] v = r.trace()[0];
        assertThat(v).hasSize(40_961);
        double worst = 0;
        for (int k = 0; k < v.length; k++) {
            double ref = -0.058 + (-0.070 + 0.058) * Math.exp(-k * H / 0.010);
            worst = Math.max(worst, Math.abs(v[k] - ref));
        }
        assertThat(worst).as("largest deviation in volts").isLessThan(1e-16);   // 1e-13 mV
    }

    @Test
    void spikeTimesStayAtRoundOffFromTheClosedForm() {
        // 400 pA: v_inf = -54 mV above V_th = -55 mV; 60 ms hold about 4 spikes
        SingleNeuron.Result r = SingleNeuron.run(lif("-55 mV"), new Exact(), Parameters.defaults(new Exact().parameters()),
                400e-12, 0.060, H, false);
        double vInf = -0.054, first = 0.010 * Math.log((vInf + 0.070) / (vInf + 0.055));
        double period = 0.002 + 0.010 * Math.log((vInf + 0.070) / (vInf + 0.055));
        assertThat(r.spikeCount()).isGreaterThanOrEqualTo(2);
        for (int k = 0; k < r.spikeCount(); k++) {
            assertThat(r.spikeTimes()[k]).as("spike %d", k).isCloseTo(first + k * period, within(1e-15));
        }
    }
}
