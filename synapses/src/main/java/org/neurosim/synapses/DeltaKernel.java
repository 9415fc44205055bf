package org.neurosim.synapses;

import org.neurosim.core.synapse.Kernel;
import org.neurosim.core.synapse.SynapticFilter;

/**
 * The Dirac delta h(t) = delta(t): a spike of weight w makes the target jump by w at once (a network applies it to
 * the membrane). As a filter on a grid, its output over a step is the weight that arrived in it divided by dt, the
 * step's average of the delta train.
 */
final class DeltaKernel implements Kernel {
    @Override public double value(double t) { return 0; }
    @Override public double peakTime() { return 0; }
    @Override public double peakValue() { return Double.POSITIVE_INFINITY; }
    @Override public boolean isInstant() { return true; }

    @Override
    public SynapticFilter newFilter(int size, double dt, double scale) {
        double[] out = new double[size];
        return new SynapticFilter() {
            @Override public void advance(int from, int to) { java.util.Arrays.fill(out, from, to, 0); }
            @Override public void addSpike(int target, double weight, double r) { out[target] += weight * scale / dt; }
            @Override public void set(int target, double value) { out[target] = value; }
            @Override public double[] output() { return out; }
            @Override public java.util.List<double[]> stateArrays() { return java.util.List.of(out); }
        };
    }
}
