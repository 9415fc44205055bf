package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurosim.core.InvalidInputException;

/**
 * A population's params given per neuron, as a list or a distribution ({@code params: {tau_m: [10 ms, 20 ms]}},
 * {@code tau_m: "uniform(10 ms, 30 ms)"}), for lif and lif-cond in a network: with a DC input and current synapses
 * (exponential or alpha, excitatory and inhibitory, and a delta synapse) receiving the same spikes, each neuron of a
 * population with every parameter per neuron spikes at the same times and has the same membrane, bit for bit, as a
 * population of that one neuron with its values as scalars, under each integrator (for exact, with the synapses
 * integrated in closed form: each neuron's propagators and each target's own response to an arrival).
 */
class PerNeuronParamsTest {
    static final String[] TAU_M = {"10 ms", "20 ms", "15 ms", "8 ms", "12.5 ms"};
    static final String[] TAU_REF = {"2 ms", "0.5 ms", "3.33 ms", "0 ms", "1.26 ms"};
    static final String[] V_REST = {"-65 mV", "-70 mV", "-60 mV", "-68 mV", "-66 mV"};
    static final String[] V_TH = {"-50 mV", "-52 mV", "-48 mV", "-55 mV", "-51 mV"};
    static final String[] V_RESET = {"-65 mV", "-60 mV", "-70 mV", "-58 mV", "-62 mV"};
    static final String[] C_M = {"250 pF", "200 pF", "300 pF", "150 pF", "220 pF"};
    static final int N = TAU_M.length;

    static final String[] NAMES = {"tau_m", "tau_ref", "v_rest", "v_th", "v_reset", "c_m"};
    static final String[][] VALUES = {TAU_M, TAU_REF, V_REST, V_TH, V_RESET, C_M};

    /**
     * The params of the population (i &lt; 0: a list for {@code varying}, for every parameter when it is "all") or of
     * neuron i alone (its value of {@code varying}); neuron 0's value of the others.
     */
    static String params(int i, String varying) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < NAMES.length; k++) {
            boolean varies = varying.equals("all") || varying.equals(NAMES[k]);
            out.add(NAMES[k] + ": " + (!varies ? VALUES[k][0] : i < 0 ? list(VALUES[k]) : VALUES[k][i]));
        }
        return "{" + String.join(", ", out) + "}";
    }

    static String list(String[] values) {
        return "[" + String.join(", ", values) + "]";
    }

    /**
     * Population {@code all} with a list per parameter and {@code n0 .. n4} with neuron i's values, all driven alike:
     * 330 pA, excitatory and inhibitory spikes through {@code kernel} synapses, and jumps of 1 mV. lif-cond takes
     * conductance synapses (reversal 0 and -80 mV) instead of the current ones.
     */
    static String network(String model, String integrator, String kernel, String varying) {
        StringBuilder targets = new StringBuilder("[all");
        StringBuilder yaml = new StringBuilder("""
                dt: 0.1 ms
                duration: 120 ms
                integrator: %s
                populations:
                  exc: {model: spike-times, size: 1, times: [[5 ms, 12.33 ms, 13.1 ms, 20 ms, 31.07 ms, 45 ms, 60.55 ms, 61 ms, 90 ms]]}
                  inh: {model: spike-times, size: 1, times: [[8.71 ms, 25 ms, 40.04 ms, 70 ms, 95.5 ms]]}
                  all: {model: %s, size: %d, params: %s, input: 330 pA}
                """.formatted(integrator, model, N, params(-1, varying)));
        for (int i = 0; i < N; i++) {
            yaml.append("  n%d: {model: %s, size: 1, params: %s, input: 330 pA}\n".formatted(i, model,
                    params(i, varying)));
            targets.append(", n").append(i);
        }
        targets.append("]");
        yaml.append("projections:\n");
        if (model.equals("lif")) {
            yaml.append("""
                      - {from: exc, to: %1$s, connect: {all: true}, weight: 200 pA, delay: 1.5 ms,
                         synapse: {kernel: %2$s, tau: 2 ms, normalize: peak}}
                      - {from: inh, to: %1$s, connect: {all: true}, weight: -150 pA, delay: 0.8 ms,
                         synapse: {kernel: %2$s, tau: 5 ms, normalize: peak}}
                      - {from: exc, to: %1$s, connect: {all: true}, weight: 1 mV, delay: 2.35 ms}
                    """.formatted(targets, kernel));
        } else {
            yaml.append("""
                      - {from: exc, to: %1$s, connect: {all: true}, weight: 10 nS, delay: 1.5 ms,
                         synapse: {kernel: %2$s, tau: 2 ms, normalize: peak, reversal: 0 mV}}
                      - {from: inh, to: %1$s, connect: {all: true}, weight: 10 nS, delay: 0.8 ms,
                         synapse: {kernel: %2$s, tau: 5 ms, normalize: peak, reversal: -80 mV}}
                    """.formatted(targets, kernel));
        }
        yaml.append("record:\n  spikes: all\n  state:\n    - {population: all, variables: [v], neurons: all}\n");
        for (int i = 0; i < N; i++) yaml.append("    - {population: n%d, variables: [v]}\n".formatted(i));
        return yaml.toString();
    }

    @ParameterizedTest(name = "{0}, {1}, {2} synapses, {3} per neuron")
    @CsvSource({
            "lif, euler, exponential, all", "lif, euler, alpha, all", "lif, rk4, exponential, all",
            "lif, rk4, alpha, all", "lif, dormand-prince, exponential, all", "lif, dormand-prince, alpha, all",
            "lif, exact, exponential, all", "lif, exact, alpha, all", "lif, exact-grid, exponential, all",
            "lif, exact-grid, alpha, all", "lif-cond, exponential-euler, exponential, all",
            "lif-cond, exponential-euler, alpha, all", "lif-cond, rk4, exponential, all",
            "lif-cond, dormand-prince, alpha, all",
            // one parameter per neuron, the others alike (a threshold, reset or refractory period alone keeps the
            // membrane's passes in their scalar form)
            "lif, exact, exponential, v_th", "lif, exact, alpha, v_reset", "lif, exact, exponential, tau_ref",
            "lif, exact, alpha, tau_m", "lif, exact, exponential, c_m", "lif, exact, exponential, v_rest",
            "lif, exact-grid, exponential, v_th", "lif, exact-grid, alpha, tau_ref", "lif, exact-grid, alpha, tau_m",
            "lif, rk4, exponential, v_th"})
    void eachNeuronOfAPopulationIsAPopulationOfItsOwn(String model, String integrator, String kernel, String varying) {
        Network net = Nets.build(network(model, integrator, kernel, varying));
        Simulation.Result result = Nets.run(net);
        Map<String, List<String>> spikes = new TreeMap<>();
        for (String line : Nets.spikes(result, net)) {
            String[] f = line.split(" ");
            if (f[0].equals("exc") || f[0].equals("inh")) continue;
            String who = f[0].equals("all") ? "n" + f[1] : f[0];
            spikes.computeIfAbsent((f[0].equals("all") ? "all " : "one ") + who, k -> new ArrayList<>()).add(f[2]);
        }
        int total = 0;
        for (int i = 0; i < N; i++) {
            List<String> mine = spikes.getOrDefault("all n" + i, List.of());
            assertThat(mine).as("neuron %d's spike times", i).isEqualTo(spikes.getOrDefault("one n" + i, List.of()));
            total += mine.size();
        }
        assertThat(total).as("spikes").isGreaterThanOrEqualTo(varying.equals("all") ? 3 * N : N);
        List<double[]> rows = result.recorder().traceRows();
        assertThat(rows).hasSize(1201);
        for (double[] row : rows) {
            for (int i = 0; i < N; i++) {
                assertThat(row[1 + i]).as("neuron %d's v at %s s", i, row[0]).isEqualTo(row[1 + N + i]);
            }
        }
    }

    /**
     * The normalised lif (v_rest 0, v_th 1, v_reset 0) under input 1.5 from rest: spikes at tau_m ln 3, then every
     * tau_ref + tau_m ln 3.
     */
    static String drawn(String tauM, int size, long seed) {
        return """
                dt: 0.1 ms
                duration: 200 ms
                seed: %d
                integrator: exact
                populations:
                  p: {model: lif, size: %d, params: {tau_m: %s, tau_ref: 2 ms}, input: 1.5}
                record: {spikes: [p]}
                """.formatted(seed, size, tauM);
    }

    /** Each neuron's spike times. */
    static List<List<Double>> spikeTimes(String yaml, int size) {
        Network net = Nets.build(yaml);
        List<List<Double>> out = new ArrayList<>();
        for (int i = 0; i < size; i++) out.add(new ArrayList<>());
        for (String line : Nets.spikes(Nets.run(net), net)) {
            String[] f = line.split(" ");
            out.get(Integer.parseInt(f[1])).add(Double.parseDouble(f[2]));
        }
        return out;
    }

    @Test
    void aListGivesEachNeuronItsValue() {
        double[] tauM = {0.010, 0.020, 0.030};
        List<List<Double>> t = spikeTimes(drawn("[10 ms, 20 ms, 30 ms]", 3, 1), 3);
        for (int i = 0; i < 3; i++) {
            double first = tauM[i] * Math.log(3), period = 0.002 + tauM[i] * Math.log(3);
            assertThat(t.get(i)).as("neuron %d", i).hasSizeGreaterThan(3);
            for (int s = 0; s < t.get(i).size(); s++) {
                assertThat(t.get(i).get(s)).as("neuron %d spike %d", i, s).isCloseTo(first + s * period, within(1e-12));
            }
        }
    }

    @Test
    void aDistributionIsDrawnPerNeuronReproducibly() {
        int n = 20;
        List<List<Double>> t = spikeTimes(drawn("\"uniform(10 ms, 30 ms)\"", n, 1), n);
        java.util.Set<Double> distinct = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            List<Double> mine = t.get(i);
            assertThat(mine).as("neuron %d", i).hasSizeGreaterThan(2);
            double tauM = mine.get(0) / Math.log(3);   // the neuron's tau_m, read off its first spike
            assertThat(tauM).as("neuron %d's tau_m", i).isBetween(0.010, 0.030);
            distinct.add(tauM);
            for (int s = 1; s < mine.size(); s++) {   // and its own period with that tau_m
                assertThat(mine.get(s) - mine.get(s - 1)).isCloseTo(0.002 + tauM * Math.log(3), within(1e-12));
            }
        }
        assertThat(distinct).hasSize(n);
        assertThat(spikeTimes(drawn("\"uniform(10 ms, 30 ms)\"", n, 1), n)).isEqualTo(t);   // the same every run
        assertThat(spikeTimes(drawn("\"uniform(10 ms, 30 ms)\"", n, 2), n)).isNotEqualTo(t);   // another seed
    }

    @Test
    void aListOfTheWrongLengthNamesItsKey() {
        assertThatThrownBy(() -> Nets.build(drawn("[10 ms, 20 ms]", 3, 1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("populations.p.params.tau_m: expected 3 values (one per neuron), got 2");
    }
}
