package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each speed-up of the engine and of LIF against the plain path it replaces (issue 31: "each checked against the
 * plain path in a test"). The same network runs with kernel {@code exponential} and with {@code exponential-plain}
 * ({@link PlainPathPlugin}: the same filter without its pointwise decay), which turns off the decay folded into the
 * drive pass ({@code Population.buildDrive}), the Poisson events written straight into a first-order filter
 * ({@code PoissonInput.addToFilter}) and LIF's folded inputs ({@code LifSynapses}: decay and arrivals in the pass
 * over the membrane, their own increments taken back out when a neuron is redone).
 */
class PlainPathTest {
    /** 400 LIF neurons, recurrent exc/inh exponential currents with delays, Poisson input through the same kernel. */
    static String network(String kernel, String integrator, String stepping) {
        return """
                name: plain
                dt: 0.1 ms
                duration: 300 ms
                seed: 4
                integrator: %2$s
                populations:
                  exc:
                    model: lif
                    size: 320
                    stepping: %3$s
                    params: {tau_m: 20 ms, tau_ref: 2 ms, v_rest: -60 mV, v_th: -50 mV, v_reset: -60 mV}
                    init: {v: "uniform(-60 mV, -50 mV)"}
                    poisson_input: {rate: 2 kHz, weight: 1.2 mV, synapse: {kernel: %1$s, tau: 5 ms, normalize: peak}}
                  inh:
                    model: lif
                    size: 80
                    stepping: %3$s
                    params: {tau_m: 20 ms, tau_ref: 2 ms, v_rest: -60 mV, v_th: -50 mV, v_reset: -60 mV}
                    init: {v: "uniform(-60 mV, -50 mV)"}
                    poisson_input: {rate: 2 kHz, weight: 1.2 mV, synapse: {kernel: %1$s, tau: 5 ms, normalize: peak}}
                projections:
                  - {from: exc, to: [exc, inh], connect: {probability: 0.05}, weight: 0.5 mV, delay: 1.5 ms,
                     synapse: {kernel: %1$s, tau: 5 ms, normalize: peak}}
                  - {from: inh, to: [exc, inh], connect: {probability: 0.05}, weight: -2 mV, delay: 0.75 ms,
                     synapse: {kernel: %1$s, tau: 10 ms, normalize: peak}}
                record: {spikes: all, state: [{population: exc, variables: [v], neurons: [0, 1, 2, 3]}]}
                """.formatted(kernel, integrator, stepping);
    }

    record Run(List<String> spikes, List<double[]> trace) { }

    static Run run(String kernel, String integrator, String stepping) {
        Network net = Nets.build(network(kernel, integrator, stepping));
        Simulation.Result r = Nets.run(net);
        return new Run(Nets.spikes(r, net), r.recorder().traceRows());
    }

    /**
     * The drive held over the step (rk4, and exact with stepping: held): the folded decay and the Poisson shortcut do
     * the same arithmetic as the plain path, in the same order, so the runs are identical to the last bit.
     */
    @ParameterizedTest(name = "{0}, stepping {1}")
    @CsvSource({"rk4, auto", "exact, held"})
    void heldDriveFoldedDecayAndPoissonShortcutEqualThePlainPathBitForBit(String integrator, String stepping) {
        Run folded = run("exponential", integrator, stepping), plain = run("exponential-plain", integrator, stepping);
        assertThat(folded.spikes()).hasSizeGreaterThan(500).isEqualTo(plain.spikes());
        for (int k = 0; k < folded.trace().size(); k++) assertThat(folded.trace().get(k)).isEqualTo(plain.trace().get(k));
    }

    /**
     * Events (exact with synapses in closed form): a redone neuron starts from its filters' state at the step's
     * start, which the folded path recovers as (x_end - own increments) / f and the plain path reads directly, so the
     * two differ by round-off only: every spike at the same time within 1e-12 s (the time step is 1e-4 s), and the
     * membrane within 1e-12 V, over 300 ms (the network is driven by independent Poisson input and runs well below
     * the rates where round-off would be amplified into other spikes).
     */
    @Test
    void eventsFoldedInputsEqualThePlainPathToRoundOff() {
        Run folded = run("exponential", "exact", "auto"), plain = run("exponential-plain", "exact", "auto");
        assertThat(folded.spikes()).hasSizeGreaterThan(500).hasSameSizeAs(plain.spikes());
        for (int k = 0; k < folded.spikes().size(); k++) {
            String[] a = folded.spikes().get(k).split(" "), b = plain.spikes().get(k).split(" ");
            assertThat(a[0] + " " + a[1]).isEqualTo(b[0] + " " + b[1]);
            assertThat(Double.parseDouble(a[2])).isCloseTo(Double.parseDouble(b[2]), org.assertj.core.api.Assertions.within(1e-12));
        }
        for (int k = 0; k < folded.trace().size(); k++) {
            double[] a = folded.trace().get(k), b = plain.trace().get(k);
            for (int j = 0; j < a.length; j++) assertThat(a[j]).isCloseTo(b[j], org.assertj.core.api.Assertions.within(1e-12));
        }
    }
}
