package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Spike delivery: delays in whole steps, delta jumps, and a LIF neuron driven through an exponential synapse. */
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
    void deltaSpikeArrivesExactlyDelayStepsLater() {
        // the spike at 1.05 ms lies in step 10 ([1.0, 1.1) ms); without delay the jump shows at t = 1.1 ms (sample 11)
        Simulation.Result none = Nets.run(Nets.build(oneSpikeInto("")));
        assertThat(firstChange(none)).isEqualTo(11);
        assertThat(none.recorder().traceRows().get(11)[1]).isEqualTo(0.5);
        for (int d : new int[] {1, 7, 25}) {
            Simulation.Result r = Nets.run(Nets.build(oneSpikeInto(", delay: " + (d * 0.1) + " ms")));
            assertThat(firstChange(r)).as("delay %d steps", d).isEqualTo(11 + d);
        }
    }

    @Test
    void delayThatIsNotAWholeNumberOfStepsIsRoundedWithAWarning() {
        Network net = Nets.build(oneSpikeInto(", delay: 0.33 ms"));
        assertThat(net.warnings()).singleElement().asString().contains("rounded to 3 steps");
        assertThat(firstChange(Nets.run(net))).isEqualTo(14);
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
