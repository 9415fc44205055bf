package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.AbstractNeuroSimPlugin;
import org.neurosim.core.plugin.NeuroSimPlugin;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.core.synapse.PlasticityRule;
import org.neurosim.core.synapse.SynapseContext;
import org.neurosim.core.synapse.SynapseDynamics;
import org.neurosim.core.units.Dimension;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.config.ConfigTree;
import org.neurosim.network.engine.SparseProjection;

/**
 * The synapse-model SPI carries short-term and spike-timing-dependent plasticity: both rules are written here as
 * a plugin writer would (a few lines against {@link SynapseDynamics}), loaded as plugins, and checked against
 * their closed forms through the engine's pre- and postsynaptic calls.
 */
class SynapseModelSpiTest {
    /** Tsodyks-Markram depression: x recovers as 1 - (1 - x) e^(-dt/tau_rec); a spike transmits w U x, then x -= U x. */
    static final class Depression implements PlasticityRule {
        @Override public String name() { return "depression-sketch"; }
        @Override public String description() { return "Tsodyks-Markram depression, fixed U"; }
        @Override public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.quantity("u", Dimension.DIMENSIONLESS, "0.5", "release fraction U"),
                    ParameterSpec.positive("tau_rec", Dimension.TIME, "100 ms", "recovery time"));
        }

        @Override
        public SynapseDynamics create(SynapseContext c, Parameters p) {
            double u = p.get("u"), tauRec = p.get("tau_rec");
            double[] x = new double[c.count()], last = new double[c.count()];
            java.util.Arrays.fill(x, 1);
            java.util.Arrays.fill(last, Double.NaN);
            return new SynapseDynamics() {
                @Override
                public void transmit(int row, int from, int to, double time, double[] efficacy) {
                    for (int s = from; s < to; s++) {
                        if (last[s] == last[s]) x[s] = 1 - (1 - x[s]) * Math.exp(-(time - last[s]) / tauRec);
                        efficacy[s] = weight(s) * u * x[s];
                        x[s] -= u * x[s];
                        last[s] = time;
                    }
                }

                @Override public double weight(int s) { return c.weights() == null ? c.weight() : c.weights()[s]; }
            };
        }
    }

    /** Additive pair STDP, nearest spikes: pre after post depresses by A- e^(-d/tau), post after pre potentiates. */
    static final class PairStdp implements PlasticityRule {
        @Override public String name() { return "stdp-sketch"; }
        @Override public String description() { return "additive nearest-neighbour STDP"; }
        @Override public boolean weightPerSynapse() { return true; }
        @Override public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.quantity("a_plus", Dimension.DIMENSIONLESS, "0.01", "potentiation"),
                    ParameterSpec.quantity("a_minus", Dimension.DIMENSIONLESS, "0.012", "depression"),
                    ParameterSpec.positive("tau", Dimension.TIME, "20 ms", "window"));
        }

        @Override
        public SynapseDynamics create(SynapseContext c, Parameters p) {
            double aPlus = p.get("a_plus"), aMinus = p.get("a_minus"), tau = p.get("tau");
            float[] w = c.weights();
            int[] sourceOf = new int[c.count()];
            for (int j = 0; j < c.sources(); j++) {
                for (int s = c.rowStart()[j]; s < c.rowStart()[j + 1]; s++) sourceOf[s] = j;
            }
            double[] lastPre = new double[c.sources()], lastPost = new double[c.targetCount()];
            java.util.Arrays.fill(lastPre, Double.NEGATIVE_INFINITY);
            java.util.Arrays.fill(lastPost, Double.NEGATIVE_INFINITY);
            return new SynapseDynamics() {
                @Override
                public void transmit(int row, int from, int to, double time, double[] efficacy) {
                    for (int s = from; s < to; s++) efficacy[s] = w[s];
                }

                @Override public boolean learns() { return true; }

                @Override
                public void onPre(int row, int from, int to, double time) {
                    for (int s = from; s < to; s++) {
                        w[s] -= (float) (aMinus * Math.exp(-(time - lastPost[c.targets()[s]]) / tau));
                    }
                    lastPre[c.source(row)] = time;
                }

                @Override public double weight(int s) { return w[s]; }

                @Override
                public void onPost(int target, double time, int[] incoming, int from, int to) {
                    for (int k = from; k < to; k++) {
                        int s = incoming[k];
                        w[s] += (float) (aPlus * Math.exp(-(time - lastPre[sourceOf[s]]) / tau));
                    }
                    lastPost[target] = time;
                }
            };
        }
    }

    static final class Sketches extends AbstractNeuroSimPlugin {
        @Override public String moduleName() { return "sketches"; }
        @Override protected void configure() {
            plasticityRule(new Depression());
            plasticityRule(new PairStdp());
        }
    }

    static PluginRegistry registry() {
        List<NeuroSimPlugin> plugins = new ArrayList<>();
        ServiceLoader.load(NeuroSimPlugin.class).forEach(plugins::add);
        plugins.add(new Sketches());
        return PluginRegistry.of(plugins);
    }

    static Network build(String yaml) {
        return NetworkLoader.build(ConfigTree.parse(yaml, "test.yaml"), null, registry());
    }

    @Test
    void depressingSynapseTransmitsTheTsodyksMarkramEfficacies() {
        // one source spiking at 10.05, 20.05, 30.05, 40.05 ms onto a LIF neuron that cannot fire (v_th 1e9), through a
        // delta synapse of weight 0.1: each spike makes v jump by J_k = 0.1 U x_k at its arrival time
        Network net = build("""
                dt: 0.1 ms
                duration: 50 ms
                populations:
                  pre: {model: spike-times, size: 1, times: [[10.05 ms, 20.05 ms, 30.05 ms, 40.05 ms]]}
                  post: {model: lif, size: 1, params: {tau_m: 20 ms, v_th: 1e9}}
                projections:
                  - {from: pre, to: post, connect: {all: true}, weight: 0.1,
                     synapse: {kernel: delta, plasticity: {rule: depression-sketch, u: 0.5, tau_rec: 100 ms}}}
                record: {state: [{population: post, variables: [v]}]}
                """);
        List<double[]> rows = Nets.run(net).recorder().traceRows();
        // Tsodyks & Markram (1997) with fixed U: x_1 = 1, x_(k+1) = 1 - (1 - (1 - U) x_k) e^(-10 ms / tau_rec);
        // by hand J_1 = 0.05, J_2 = 0.05 (1 - 0.5 e^-0.1) = 0.0273791
        double x = 1, v = 0;
        double[] jumps = new double[4];
        for (int k = 0; k < 4; k++) {
            if (k > 0) x = 1 - (1 - 0.5 * x) * Math.exp(-0.1);
            jumps[k] = 0.1 * 0.5 * x;
        }
        assertThat(jumps[0]).isCloseTo(0.05, within(1e-15));
        assertThat(jumps[1]).isCloseTo(0.0273791, within(1e-7));
        for (int k = 0; k < 4; k++) {
            int step = 100 * (k + 1);   // the spike's step; the jump shows at the end of it, row step + 1
            // the step's leak, and the jump at 0.05 ms into the step relaxing for the remaining 0.05 ms
            v = rows.get(step)[1] * Math.exp(-1e-4 / 0.020) + jumps[k] * Math.exp(-0.5e-4 / 0.020);
            assertThat(rows.get(step + 1)[1]).as("v after spike %d", k).isCloseTo(v, within(1e-16));
        }
    }

    @Test
    void pairStdpChangesTheWeightByTheExponentialWindowAtTheSpikesExactTimes() {
        // pre fires at 10.05 and 25.05 ms; a strong input forces post over threshold at the end of the step that
        // holds 15.05 ms, so post spikes at the start of the next step, 15.1 ms (LIF's exact spike time)
        Network net = build("""
                dt: 0.1 ms
                duration: 40 ms
                populations:
                  pre: {model: spike-times, size: 1, times: [[10.05 ms, 25.05 ms]]}
                  kick: {model: spike-times, size: 1, times: [[15.05 ms]]}
                  post: {model: lif, size: 1, params: {tau_m: 20 ms, tau_ref: 2 ms}}
                projections:
                  - {from: pre, to: post, connect: {all: true}, weight: 0.5,
                     synapse: {kernel: delta, plasticity: {rule: stdp-sketch}}}
                  - {from: kick, to: post, connect: {all: true}, weight: 1.5}
                record: {spikes: [post]}
                """);
        Simulation.Result r = Nets.run(net);
        assertThat(Nets.spikes(r, net)).singleElement().satisfies(s -> assertThat(Double.parseDouble(s.split(" ")[2]))
                .isCloseTo(0.0151, within(1e-12)));
        float w = ((SparseProjection) net.engineProjections().get(0)).weights()[0];
        // w = 0.5 + A+ e^(-(15.1 - 10.05) / 20) - A- e^(-(25.05 - 15.1) / 20) (Song, Miller & Abbott 2000, additive)
        double expected = 0.5 + 0.01 * Math.exp(-5.05 / 20) - 0.012 * Math.exp(-9.95 / 20);
        assertThat((double) w).isCloseTo(expected, within(1e-7));
        assertThat(expected - 0.5).isCloseTo(0.000472, within(1e-6));   // by hand: 0.0077686 - 0.0072965
    }
}
