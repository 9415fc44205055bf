package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Spike delivery: delays, delta jumps at their exact times, and a LIF neuron driven through an exponential synapse. */
class DelayAndSynapseTest {
    static String oneSpikeInto(String projectionExtras) {
        return """
                dt: 0.1 ms
                duration: 10 ms
                populations:
                  src: {model: spike-times, size: 1, times: [[1.05 ms]]}
                  post: {model: lif, size: 1, params: {tau_m: 20 ms, v_th: 100}}
                projections:
                  - {from: src, to: post, connect: {all: true}, weight: 0.5%s}
                record:
                  state: [{population: post, variables: [v], neurons: [0]}]
                """.formatted(projectionExtras);
    }

    /** Index of the first recorded sample where v left 0. */
    static int firstChange(Simulation.Result r) {
        List<double[]> rows = r.recorder().traceRows();
        for (int j = 0; j < rows.size(); j++) if (rows.get(j)[1] != 0) return j;
        return -1;
    }

    @Test
    void deltaSpikeArrivesExactlyDelayLater() {
        // the spike at 1.05 ms lies in step 10 ([1.0, 1.1) ms); with delay d the membrane jumps by 0.5 at exactly
        // 1.05 ms + d and relaxes from there: at the first sample after it, 0.5 exp(-(t - 1.05 ms - d) / 20 ms)
        Simulation.Result none = Nets.run(Nets.build(oneSpikeInto("")));
        assertThat(firstChange(none)).isEqualTo(11);
        assertThat(none.recorder().traceRows().get(11)[1]).isCloseTo(0.5 * Math.exp(-0.05 / 20), within(1e-15));
        for (int d : new int[] {1, 7, 25}) {
            Simulation.Result r = Nets.run(Nets.build(oneSpikeInto(", delay: " + (d * 0.1) + " ms")));
            assertThat(firstChange(r)).as("delay %d steps", d).isEqualTo(11 + d);
            assertThat(r.recorder().traceRows().get(11 + d)[1]).isCloseTo(0.5 * Math.exp(-0.05 / 20), within(1e-15));
        }
    }

    @Test
    void delayThatIsNotAWholeNumberOfStepsArrivesAtItsExactTime() {
        // 1.05 ms + 0.33 ms = 1.38 ms, inside step 13: seen at sample 14 (1.4 ms), 0.02 ms after the jump
        Network net = Nets.build(oneSpikeInto(", delay: 0.33 ms"));
        assertThat(net.warnings()).isEmpty();
        Simulation.Result r = Nets.run(net);
        assertThat(firstChange(r)).isEqualTo(14);
        assertThat(r.recorder().traceRows().get(14)[1]).isCloseTo(0.5 * Math.exp(-0.02 / 20), within(1e-13));
    }

    @Test
    void lifThroughAnExponentialSynapseMatchesTheClosedForm() {
        // tau_m dV/dt = -V + w exp(-t/tau_s) from V(0) = 0 (peak-normalised kernel, spike at t = 0):
        // V(t) = w tau_s (exp(-t/tau_s) - exp(-t/tau_m)) / (tau_s - tau_m)   (issue 6; solved by hand)
        double w = 0.5, tauS = 0.005, tauM = 0.020, dt = 1e-5;
        String yaml = """
                dt: 0.01 ms
                duration: 60 ms
                populations:
                  src: {model: spike-times, size: 1, times: [[0 ms]]}
                  post: {model: lif, size: 1, params: {tau_m: 20 ms, v_th: 100}}
                projections:
                  - {from: src, to: post, connect: {all: true}, weight: 0.5, synapse: {kernel: exponential, tau: 5 ms, normalize: peak}}
                record:
                  state: [{population: post, variables: [v], neurons: [0]}]
                """;
        List<double[]> rows = Nets.run(Nets.build(yaml)).recorder().traceRows();
        double peak = 0;
        for (double[] row : rows) {
            double t = row[0];
            double exact = w * tauS * (Math.exp(-t / tauS) - Math.exp(-t / tauM)) / (tauS - tauM);
            peak = Math.max(peak, exact);
            // the input is held at its value at the start of each step: an O(dt) error, below 0.5% of the
            // peak (0.0787) at dt = 0.01 ms
            assertThat(row[1]).as("t = %s", t).isCloseTo(exact, within(0.005 * 0.0787));
        }
        assertThat(peak).isCloseTo(0.0787, within(1e-4));
    }

    @Test
    void conductanceSynapseDrivesTowardItsReversal() {
        // a strong inhibitory conductance pulls an HH neuron from rest (-65 mV) toward E_rev = -80 mV
        String yaml = """
                dt: 0.01 ms
                duration: 20 ms
                populations:
                  src: {model: spike-times, size: 1, times: [[1 ms]]}
                  post: {model: hh-traub, size: 1}
                projections:
                  - {from: src, to: post, connect: {all: true}, weight: 100 nS,
                     synapse: {kernel: exponential, tau: 10 ms, normalize: peak, reversal: -80 mV}}
                record:
                  state: [{population: post, variables: [v], neurons: [0]}]
                """;
        List<double[]> rows = Nets.run(Nets.build(yaml)).recorder().traceRows();
        double rest = rows.get(0)[1];
        double min = rows.stream().mapToDouble(r -> r[1]).min().orElseThrow();
        assertThat(min).isLessThan(rest - 0.005).isGreaterThan(-0.080);
    }
}
