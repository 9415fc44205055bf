package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.neurosim.network.config.ConfigTree;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.models.Microcircuit;
import org.neurosim.network.output.SpikeStatistics;

/** Potjans &amp; Diesmann (2014): the generated model against the published numbers, and a run at scale 0.1. */
class MicrocircuitTest {
    @Test
    void publishedNumbers() {
        // NEST's helpers.get_weight: a PSP of 0.15 mV is a PSC of 87.81 pA for C_m 250 pF, tau_m 10 ms, tau_syn 0.5 ms
        assertThat(Microcircuit.pscOfPsp(0.15e-3) * 1e12).isCloseTo(87.8085, within(1e-4));
        String full = Microcircuit.yaml(1, "1 s");
        long synapses = 0;
        for (String line : full.lines().toList()) {
            int k = line.indexOf("total: ");
            if (k >= 0) synapses += Long.parseLong(line.substring(k + 7, line.indexOf(',', k)));
        }
        // "about 0.3 billion synapses" (Potjans & Diesmann 2014); n = ln(1 - p) / ln(1 - 1/(N_pre N_post)) summed
        assertThat(synapses).isBetween(298_000_000L, 300_000_000L);
        assertThat(full).contains("L23E:\n    model: lif\n    size: 20683").doesNotContain("\n    input: ");   // no DC at full scale
    }

    /**
     * Scale 0.1 with the in-degree compensation: every population's rate stays within 40% of the full-scale rates of
     * NEST's example (the compensation keeps the mean input, not the fluctuations, so a reduced network drifts a
     * little; the full-scale figures are in BENCHMARKS.md).
     */
    @Test
    void scaledDownVersionKeepsTheFullScaleRates() {
        Network net = NetworkLoader.build(ConfigTree.parse(Microcircuit.yaml(0.1, "1 s")
                .replace("analysis: {start: 0.5 s}", "analysis: {start: 0.2 s}").replace("spikes: all", "spikes: []"),
                "microcircuit.yaml"), null, Nets.PLUGINS);
        assertThat(net.neuronCount()).isEqualTo(7713);
        Simulation.Result r = Nets.run(net);
        for (int p = 0; p < 8; p++) {
            SpikeStatistics.Result a = r.recorder().statistics().result(p, 1.0);
            assertThat(a.rateHz()).as(Microcircuit.POPULATIONS[p])
                    .isBetween(0.6 * Microcircuit.FULL_MEAN_RATES[p], 1.4 * Microcircuit.FULL_MEAN_RATES[p]);
        }
    }
}
