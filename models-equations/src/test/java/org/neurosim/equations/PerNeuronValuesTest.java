package org.neurosim.equations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.network.Network;
import org.neurosim.network.PopulationView;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.config.ConfigTree;

/**
 * Per-neuron values of an equations model and what its synapses can reach (issue 29, items 3, 13, 14). The
 * references are the model's own equations: at a neuron's resting state every derivative is zero.
 */
class PerNeuronValuesTest {
    static final PluginRegistry PLUGINS = PluginRegistry.load();

    static Network build(String yaml) {
        return NetworkLoader.build(ConfigTree.parse(yaml, "test.yaml"), null, PLUGINS);
    }

    /** state[k][i]: state variable k of neuron i of the network's first population. */
    static double[][] state(Network net) {
        PopulationView p = net.populations().get(0);
        return p.variables().stream().map(p::values).toArray(double[][]::new);
    }

    /** AdEx with its input as a per-neuron constant I (Brette & Gerstner 2005's adapting parameters). */
    static final String ADEX = """
            name: adex
            dt: 0.1 ms
            duration: 1 ms
            populations:
              n:
                model: equations
                size: 3
                equations: |
                  dv/dt = (-g_l*(v - e_l) + g_l*delta_t*exp((v - v_t)/delta_t) - w + I)/c_m : volt
                  dw/dt = (a*(v - e_l) - w)/tau_w : amp
                  I : amp
                threshold: v > -40 mV
                params: {c_m: 281 pF, g_l: 30 nS, e_l: -70.6 mV, v_t: -50.4 mV, delta_t: 2 mV, a: 4 nS,
                         tau_w: 144 ms%s}
                %s
            """;

    @Test
    void eachNeuronStartsAtItsOwnRest() {
        // before: neuron 0's rest (w = 59.3 pA for I = 0.5 nA) was given to all three
        double[][] s = state(build(ADEX.formatted(", I: [0.1 nA, 0.3 nA, 0.5 nA]", "")));
        double gl = 30e-9, el = -70.6e-3, vt = -50.4e-3, delta = 2e-3, a = 4e-9;
        double[] input = {0.1e-9, 0.3e-9, 0.5e-9};
        for (int i = 0; i < 3; i++) {
            double v = s[0][i], w = s[1][i];
            assertThat(w).as("dw/dt = 0 at neuron " + i).isCloseTo(a * (v - el), offset(1e-20));
            double current = -gl * (v - el) + gl * delta * Math.exp((v - vt) / delta) - w + input[i];
            assertThat(current).as("dv/dt = 0 at neuron " + i).isCloseTo(0, offset(1e-20));
        }
        assertThat(s[1][0]).isLessThan(s[1][1]);
        assertThat(s[1][1]).isLessThan(s[1][2]);
        assertThat(s[1][2]).isCloseTo(59.3e-12, offset(0.05e-12));
    }

    @Test
    void initSetsAPerNeuronConstantAsConfigMdSays() {
        // before: "params.I: required"
        double[][] s = state(build(ADEX.formatted("", "init: {I: [0.1 nA, 0.3 nA, 0.5 nA], v: -65 mV}")));
        assertThat(s[0]).containsOnly(-65e-3);
        assertThat(s[1][2]).as("w at I = 0.5 nA's rest").isCloseTo(59.3e-12, offset(0.05e-12));
        assertThatThrownBy(() -> build(ADEX.formatted(", I: 1 nA", "init: {I: 2 nA}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("populations.n.init.I: is given in params too; give it once");
    }

    @Test
    void expressionsGiveParamsAndInitPerNeuron() {
        // config.md, third round: "v_rest + i*0.1*mV" reads the population's parameters by name
        double[][] s = state(build(ADEX.formatted(", I: \"0.1*nA + i*0.2*nA\"", "init: {v: \"e_l + i*0.1*mV\"}")));
        for (int i = 0; i < 3; i++) assertThat(s[0][i]).isEqualTo(-70.6e-3 + i * 0.1 * 1e-3);
        // w starts at each neuron's own rest, I = 0.1, 0.3, 0.5 nA
        assertThat(s[1][0]).isLessThan(s[1][1]);
        assertThat(s[1][2]).isCloseTo(59.3e-12, offset(0.05e-12));
        assertThatThrownBy(() -> build(ADEX.formatted("", "init: {I: \"1*mV*rand()\"}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("populations.n.init.I: expected a current, got a voltage ('1*mV*rand()')");
        assertThatThrownBy(() -> build(ADEX.formatted(", I: 1 nA", "init: {v: \"e_ll + 1*mV\"}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("populations.n.init.v: unknown name 'e_ll' (did you mean 'e_l'?); known: i, N");
    }

    static final String TWO = """
            name: syn
            dt: 0.1 ms
            duration: 10 ms
            populations:
              src: {model: poisson, size: 10, params: {rate: 100 Hz}}
              n:
                model: equations
                size: 2
                equations: |
                  dvm/dt = (-70*mV - vm)/(10*ms) + %s : volt
                threshold: vm > -50 mV
            projections:
              - {from: src, to: n, connect: {all: true}, weight: %s, synapse: {kernel: exponential, tau: 5 ms%s}}
            """;

    @Test
    void synapsesThatCouldNotReachTheModelAreRefused() {
        // a conductance synapse acts through v; this model's membrane is vm: before, 0 Hz and no word
        assertThatThrownBy(() -> build(TWO.formatted("I_syn/(200*pF)", "1 nS", ", reversal: 0 mV")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("projections[0].synapse.reversal: population 'n' (equations) cannot take conductance "
                        + "synapses: conductance synapses act through the membrane potential, a voltage named v, and "
                        + "its state variables are vm; name the membrane v");
        // a model that never reads I_syn would receive nothing
        assertThatThrownBy(() -> build(TWO.formatted("0*mV/ms", "1 pC", "")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("projections[0].synapse.kernel: population 'n' (equations) cannot take "
                        + "current synapses: its equations do not read I_syn");
        // with I_syn read, current synapses are taken
        assertThat(build(TWO.formatted("I_syn/(200*pF)", "1 pC", "")).populations()).hasSize(2);
    }

    /** "population neuron time" of every spike of a run. */
    private static java.util.List<String> spikes(Network net) {
        org.neurosim.network.output.Recorder rec = new org.neurosim.network.Simulation(net)
                .run(null, null, () -> false, 0).recorder();
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int k = 0; k < rec.rasterCount(); k++) {
            out.add(net.populations().get(rec.rasterPopulation(k)).name() + " " + rec.rasterNeuron(k) + " "
                    + rec.rasterTime(k));
        }
        return out;
    }

    private static java.util.List<String> times(java.util.List<String> spikes, String pop, int i) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String s : spikes) {
            String[] f = s.split(" ");
            if (f[0].equals(pop) && Integer.parseInt(f[1]) == i) out.add(f[2]);
        }
        return out;
    }

    @Test
    void anEquationsModelsConstantsPerNeuronUnderDormandPrince() {
        // a constant given per neuron and read by the equations, the reset and (through v) the threshold
        String model = "equations\n    equations: |\n      dv/dt = (e - v)/tau : volt\n      e : volt\n"
                + "      tau : second\n      jump : volt\n    threshold: v > -50 mV\n    reset: v = -70 mV + jump";
        StringBuilder yaml = new StringBuilder("dt: 0.1 ms\nduration: 100 ms\npopulations:\n");
        String[] e = {"-40 mV", "-45 mV", "-30 mV"}, tau = {"10 ms", "20 ms", "5 ms"}, jump = {"0 mV", "5 mV", "-5 mV"};
        yaml.append("  mixed:\n    model: ").append(model).append("\n    size: 3\n    integrator: dormand-prince\n")
                .append("    params: {e: [").append(String.join(", ", e)).append("], tau: [")
                .append(String.join(", ", tau)).append("], jump: [").append(String.join(", ", jump)).append("]}\n")
                .append("    init: {v: -70 mV}\n");
        for (int i = 0; i < 3; i++) {
            yaml.append("  one").append(i).append(":\n    model: ").append(model)
                    .append("\n    size: 1\n    integrator: dormand-prince\n    params: {e: ").append(e[i])
                    .append(", tau: ").append(tau[i]).append(", jump: ").append(jump[i]).append("}\n")
                    .append("    init: {v: -70 mV}\n");
        }
        yaml.append("record: {spikes: all}\n");
        Network net = build(yaml.toString());
        java.util.List<String> spikes = spikes(net);
        java.util.Set<Integer> counts = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            // the one-neuron populations' constants are compiled in as literals, the mixed one's read from arrays:
            // the same formula, rounded in another order, so equal to round-off (1e-15 s), not to the bit
            java.util.List<String> mixed = times(spikes, "mixed", i), alone = times(spikes, "one" + i, 0);
            assertThat(mixed).as("neuron %d", i).hasSameSizeAs(alone);
            for (int k = 0; k < alone.size(); k++) {
                assertThat(Double.parseDouble(mixed.get(k))).isCloseTo(Double.parseDouble(alone.get(k)), offset(1e-15));
            }
            counts.add(alone.size());
        }
        assertThat(counts).hasSize(3);
    }

    @Test
    void dormandPrinceReadsEachNeuronsOwnConstants() {
        // before: the adaptive solver evaluated every neuron at index 0, so both fired with tau 10 ms
        Network net = build("""
                dt: 0.1 ms
                duration: 50 ms
                integrator: dormand-prince
                populations:
                  p:
                    model: equations
                    size: 2
                    equations: |
                      dv/dt = (-v + I_ext)/tau : 1
                      tau : second
                    threshold: v > 1
                    reset: v = 0
                    params: {tau: [10 ms, 20 ms]}
                    input: 1.5
                record: {spikes: [p]}
                """);
        org.neurosim.network.output.Recorder rec = new org.neurosim.network.Simulation(net)
                .run(null, null, () -> false, 0).recorder();
        double[] first = {Double.NaN, Double.NaN};
        for (int k = rec.rasterCount() - 1; k >= 0; k--) first[rec.rasterNeuron(k)] = rec.rasterTime(k);
        // from v = 0 under v_in = 1.5 the first spike is at tau ln 3
        assertThat(first[0]).isCloseTo(0.010 * Math.log(3), offset(1e-9));
        assertThat(first[1]).isCloseTo(0.020 * Math.log(3), offset(1e-9));
    }
}
