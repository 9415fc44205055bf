package org.neurosim.network;

import java.util.List;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.AbstractNeuroSimPlugin;
import org.neurosim.core.plugin.PluginContext;
import org.neurosim.core.synapse.Kernel;
import org.neurosim.core.synapse.ModalFilter;
import org.neurosim.core.synapse.SynapticFilter;
import org.neurosim.core.synapse.SynapticKernel;

/**
 * Test plugin: kernels {@code exponential-plain} and {@code exponential-opaque} (below); {@code exponential-plain} is the synapses module's exponential kernel with its filter's
 * {@link SynapticFilter#pointwiseDecay} hidden. Every speed-up that relies on it (the decay folded into the drive
 * pass, LIF's folded inputs, Poisson input written straight into the filter's state) then steps aside, and the
 * engine takes its plain path: the filter advances itself after the neurons and takes its spikes through
 * {@code addSpikes} / {@code addToEach}. {@link PlainPathTest} runs the same networks both ways.
 */
public final class PlainPathPlugin extends AbstractNeuroSimPlugin {
    @Override public String moduleName() { return "plain-path (tests)"; }

    @Override
    protected void configure() {
        kernel(new PlainExponential(false));
        kernel(new PlainExponential(true));
    }

    /** {@code exponential-plain}; with {@code withoutModes}, {@code exponential-opaque}: a filter that is not modal. */
    static final class PlainExponential implements SynapticKernel {
        private final boolean withoutModes;

        PlainExponential(boolean withoutModes) {
            this.withoutModes = withoutModes;
        }

        private static SynapticKernel exponential() {
            return org.neurosim.synapses.Kernels.ALL.stream().filter(k -> k.name().equals("exponential")).findFirst()
                    .orElseThrow();
        }

        @Override public String name() { return withoutModes ? "exponential-opaque" : "exponential-plain"; }
        @Override public String description() {
            return withoutModes ? "exponential, its filter's modes hidden too (tests)"
                    : "exponential, without its filter's pointwise decay (tests)";
        }
        @Override public List<ParameterSpec> parameters() { return exponential().parameters(); }

        @Override
        public Kernel create(PluginContext context, Parameters parameters) {
            Kernel k = exponential().create(context, parameters);
            return new Kernel() {
                @Override public double value(double t) { return k.value(t); }
                @Override public double peakTime() { return k.peakTime(); }
                @Override public double peakValue() { return k.peakValue(); }
                @Override public SynapticFilter newFilter(int size, double dt, double scale) {
                    Plain plain = new Plain((ModalFilter) k.newFilter(size, dt, scale));
                    return withoutModes ? new Opaque(plain) : plain;
                }
            };
        }
    }

    /** A filter that says nothing of its modes: exact and exact-grid cannot integrate it with the membrane. */
    record Opaque(SynapticFilter f) implements SynapticFilter {
        @Override public void advance(int from, int to) { f.advance(from, to); }
        @Override public void addSpike(int target, double weight, double since) { f.addSpike(target, weight, since); }
        @Override public void set(int target, double value) { f.set(target, value); }
        @Override public double[] output() { return f.output(); }
        @Override public List<double[]> stateArrays() { return f.stateArrays(); }
    }

    /** The same filter, every call passed on, except that it does not say its step is x *= f. */
    record Plain(ModalFilter f) implements ModalFilter {
        @Override public void advance(int from, int to) { f.advance(from, to); }
        @Override public void addSpike(int target, double weight, double since) { f.addSpike(target, weight, since); }
        @Override public void addSpikes(int[] targets, int from, int to, float[] weights, double weight, double since) {
            f.addSpikes(targets, from, to, weights, weight, since);
        }
        @Override public void addSpikes(int[] targets, double[] weights, int from, int to, double since) {
            f.addSpikes(targets, weights, from, to, since);
        }
        @Override public void addToEach(double[] weights, int from, int to) { f.addToEach(weights, from, to); }
        @Override public void set(int target, double value) { f.set(target, value); }
        @Override public double[] output() { return f.output(); }
        @Override public List<double[]> stateArrays() { return f.stateArrays(); }
        @Override public double[] modeTimeConstants() { return f.modeTimeConstants(); }
        @Override public int[] modeDegrees() { return f.modeDegrees(); }
        @Override public double[] state(int group, int k) { return f.state(group, k); }
        @Override public double multiplier(int group, int k) { return f.multiplier(group, k); }
        @Override public double unitSpike(int group, int k) { return f.unitSpike(group, k); }
    }
}
