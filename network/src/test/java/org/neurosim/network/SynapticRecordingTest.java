package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosim.core.InvalidInputException;

/**
 * Recorded synaptic variables (i_syn, g_c) against the kernel's closed form, and weights.csv as config.md specifies it.
 */
class SynapticRecordingTest {
    static final String CURRENT = """
            dt: 0.1 ms
            duration: 12 ms
            populations:
              pre: {model: spike-times, size: 1, times: [[1.05 ms]]}
              post: {model: lif, size: 2, params: {tau_m: 20 ms, v_th: 1e9}}
            projections:
              - {from: pre, to: post, connect: {all: true}, weight: 0.5, delay: 1 ms,
                 synapse: {kernel: exponential, tau: 5 ms, normalize: peak}}
            record: {state: [{population: post, variables: [v, i_syn], neurons: [1]}]}
            """;

    /** One spike arriving at 2.05 ms through an exponential PSC of peak 0.5: i_syn(t) = 0.5 e^(-(t - 2.05 ms)/5 ms). */
    static void checkCurrent(List<double[]> rows) {
        for (int k : new int[] {0, 20, 21, 30, 100, 120}) {
            double t = k * 1e-4, expected = t < 2.05e-3 ? 0 : 0.5 * Math.exp(-(t - 2.05e-3) / 5e-3);
            assertThat(rows.get(k)[0]).isCloseTo(t, within(1e-15));
            assertThat(rows.get(k)[2]).as("i_syn at step %d", k).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void totalSynapticCurrentIsTheKernelAfterTheArrival() {
        Network exact = Nets.build(CURRENT);
        checkCurrent(Nets.run(exact).recorder().traceRows());   // exact LIF: filters are its inputs
        assertThat(exact.populations().get(1).stepping()).isEqualTo("events");
        Network held = Nets.build(CURRENT.replace("v_th: 1e9}", "v_th: 1e9}, stepping: held"));
        Simulation.Result r = Nets.run(held);
        checkCurrent(r.recorder().traceRows());   // the drive path, chosen in the config
        assertThat(held.populations().get(1).stepping()).isEqualTo("held");
        assertThat(r.summary().get("populations").get("post").get("stepping").asText()).isEqualTo("held");
    }

    /**
     * Conductance synapses onto lif-cond: g_0 is the kernel, i_syn = g_0 (E - V) with the recorded V. The spike
     * arrives at 2.05 ms, inside a step, and opens its conductance whole at the step's end, 2.1 ms (as NEST's
     * iaf_cond_exp at its next grid point; see ConductanceWithinStepTest).
     */
    @Test
    void conductanceAndItsCurrent() {
        Network net = Nets.build("""
                dt: 0.1 ms
                duration: 12 ms
                populations:
                  pre: {model: spike-times, size: 1, times: [[1.05 ms]]}
                  post: {model: lif-cond, size: 1, params: {tau_m: 10 ms, v_rest: -74 mV, v_th: -54 mV, v_reset: -60 mV}}
                projections:
                  - {from: pre, to: post, connect: {all: true}, weight: 0.3, delay: 1 ms,
                     synapse: {kernel: exponential, tau: 5 ms, normalize: peak, reversal: 0 mV}}
                record: {state: [{population: post, variables: [v, i_syn, g_0]}]}
                """);
        List<double[]> rows = Nets.run(net).recorder().traceRows();
        for (int k : new int[] {21, 40, 100}) {
            double t = k * 1e-4, g = 0.3 * Math.exp(-(t - 2.1e-3) / 5e-3);
            assertThat(rows.get(k)[3]).as("g_0 at step %d", k).isCloseTo(g, within(1e-12));
            assertThat(rows.get(k)[2]).isCloseTo(g * (0 - rows.get(k)[1]), within(1e-15));
        }
        assertThat(rows.get(100)[1]).isGreaterThan(-0.074);   // the conductance pulled V up from rest
    }

    @Test
    void anUnknownSynapticVariableListsTheKnownOnes() {
        assertThat(catchThrowable(() -> Nets.build(CURRENT.replace("[v, i_syn]", "[v, g_0]"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("record.state[0].variables: unknown state variable 'g_0' of lif; it has v, i_syn");
    }

    /** weights.csv: header time_s,projection,source,target,weight; a row per recorded synapse and sample. */
    @Test
    void weightsCsvHasARowPerSynapseAndSample(@TempDir Path dir) throws Exception {
        Network net = Nets.build("""
                dt: 0.1 ms
                duration: 30 ms
                populations:
                  pre: {model: spike-times, size: 2, times: [[10.05 ms], [12.05 ms]]}
                  kick: {model: spike-times, size: 1, times: [[15.05 ms]]}
                  post: {model: lif, size: 1, params: {tau_m: 20 ms, tau_ref: 2 ms}}
                projections:
                  - {from: pre, to: post, connect: {all: true}, weight: 0.25, delay: 1 ms,
                     synapse: {kernel: delta, plasticity: {rule: stdp, w_max: 1}}}
                  - {from: kick, to: post, connect: {all: true}, weight: 1.5, delay: 1 ms}
                record: {spikes: [post], weights: [{projection: 0, synapses: [[1, 0]], every: 10 ms}]}
                """);
        Simulation.Result r = new Simulation(net).run(dir);
        List<String> lines = Files.readAllLines(dir.resolve("weights.csv"));
        assertThat(lines.get(0)).isEqualTo("time_s,projection,source,target,weight");
        assertThat(lines).hasSize(1 + 4);   // t = 0, 10, 20, 30 ms
        assertThat(lines.get(1)).isEqualTo("0.0,0,1,0,0.25");
        double tPost = r.recorder().rasterTime(0);   // 16.05 ms: the kick's arrival
        double w = 0.25 + 0.01 * Math.exp(-(tPost - 13.05e-3) / 20e-3);   // pre 1 arrived at 13.05 ms
        String[] last = lines.get(4).split(",");
        assertThat(Double.parseDouble(last[0])).isCloseTo(0.03, within(1e-12));
        assertThat(Double.parseDouble(last[4])).isCloseTo(w, within(1e-12));
    }
}
