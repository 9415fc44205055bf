package org.neurosim.core.stimulus;

import java.util.Arrays;

/**
 * A stimulus as it runs: the value it gives each neuron in each step, held over the step [n dt, (n + 1) dt).
 * A uniform signal gives every neuron the same value (sine, pulses, steps), which the network then adds once per
 * step instead of once per neuron; a per-neuron signal (noise, a list per neuron) fills an array. A signal is
 * called from several threads at once on disjoint neuron ranges, so a value must depend only on (step, neuron),
 * never on the order of calls.
 */
public interface Signal {
    /** True when every neuron gets the same value in each step; {@link #value} then serves all. */
    default boolean uniform() {
        return true;
    }

    /** True when the value never changes: it is read once, before the run. */
    default boolean constant() {
        return false;
    }

    /** The common value in step n (uniform signals). */
    double value(long step);

    /** out[i] = the value of neuron i in step n, for i in from..to. */
    default void fill(long step, double[] out, int from, int to) {
        Arrays.fill(out, from, to, value(step));
    }

    /** A value that never changes. */
    static Signal constant(double value) {
        return new Signal() {
            @Override public boolean constant() { return true; }
            @Override public double value(long step) { return value; }
        };
    }

    /** A constant value per neuron. */
    static Signal perNeuron(double[] values) {
        double[] v = values.clone();
        return new Signal() {
            @Override public boolean uniform() { return false; }
            @Override public boolean constant() { return true; }
            @Override public double value(long step) { throw new UnsupportedOperationException("per-neuron signal"); }
            @Override public void fill(long step, double[] out, int from, int to) {
                System.arraycopy(v, from, out, from, to - from);
            }
        };
    }
}
