package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Off-grid spikes carried exactly through a chain: A fires at t_A = 20 ms ln(1.2 / 0.2) = 35.835 ms (its closed-form
 * crossing, no grid point), B receives it through an exponential synapse after 1.05 ms and fires from it; B's spike
 * time is a property of the model alone, so it must not depend on dt (0.01, 0.1, 0.5 ms) beyond 1e-9 s, as in NEST's
 * precise models.
 */
class OffGridChainTest {
    static double[] spikeTimes(String dt) {
        String yaml = """
                dt: %s
                duration: 60 ms
                populations:
                  a: {model: lif, size: 1, params: {tau_m: 20 ms, tau_ref: 30 ms}, input: 1.2}
                  b: {model: lif, size: 1, params: {tau_m: 20 ms, tau_ref: 30 ms}, input: 0.9}
                projections:
                  - {from: a, to: b, connect: {all: true}, weight: 0.4, delay: 1.05 ms,
                     synapse: {kernel: exponential, tau: 5 ms, normalize: peak}}
                record: {spikes: all}
                """.formatted(dt);
        Network net = Nets.build(yaml);
        List<String> spikes = Nets.spikes(Nets.run(net), net);
        double a = Double.NaN, b = Double.NaN;
        for (String s : spikes) {
            String[] f = s.split(" ");
            if (f[0].equals("a") && a != a) a = Double.parseDouble(f[2]);
            if (f[0].equals("b") && b != b) b = Double.parseDouble(f[2]);
        }
        return new double[] {a, b};
    }

    @Test
    void bFiresAtTheSameTimeAtEveryDt() {
        double[] fine = spikeTimes("0.01 ms");
        assertThat(fine[0]).isCloseTo(0.020 * Math.log(6), within(1e-12));
        // B alone relaxes to 0.9, below threshold: only A's PSP (0.4 at its peak, t_A + 1.05 ms on) makes it fire
        assertThat(fine[1]).isGreaterThan(fine[0] + 0.00105);
        for (String dt : new String[] {"0.1 ms", "0.5 ms"}) {
            double[] coarse = spikeTimes(dt);
            assertThat(coarse[0]).as("A at dt %s", dt).isCloseTo(fine[0], within(1e-12));
            assertThat(coarse[1]).as("B at dt %s", dt).isCloseTo(fine[1], within(1e-9));
        }
    }
}
