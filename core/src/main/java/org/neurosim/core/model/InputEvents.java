package org.neurosim.core.model;

/**
 * The synaptic events one step brings to a range of neurons, read-only, for a model that integrates its synapses
 * exactly ({@link ExactWithSynapses}). Each event has a target neuron, its time as an offset inside the step, a
 * weight and an input (the index of the filter it enters, in the order {@link ExactWithSynapses#bindInputs} gave
 * them, or {@link #JUMP} for a delta synapse, whose weight is added to the membrane). The engine gathers them; the
 * model reads them in two forms, neither with an object per event:
 * <ul>
 *   <li>all of them, for a pass over every neuron: <b>rows</b>, each one presynaptic spike's synapses onto the
 *       range (targets {@code rowTargets(r)[rowFrom(r) .. rowTo(r))}, weights {@code rowWeights(r)[k]} or one
 *       {@link #rowWeight}, one time and one input), then <b>single events</b> k (Poisson events, what a plastic synapse transmits);</li>
 *   <li>per neuron and in time order, for the few neurons a model follows event by event: it names them
 *       ({@link #want}), then {@link #select}s, and reads neuron i's events at positions {@link #first}(i) ..
 *       {@link #end}(i) (simultaneous events keep the order in which they arrived, which is the same at any number
 *       of threads).</li>
 * </ul>
 */
public interface InputEvents {
    /** Input index of a delta synapse: the weight is added to the membrane itself. */
    int JUMP = -1;

    /** A step without events. */
    InputEvents NONE = new InputEvents() {
        @Override public boolean isEmpty() { return true; }
        @Override public int rows() { return 0; }
        @Override public int[] rowTargets(int r) { throw new IndexOutOfBoundsException(r); }
        @Override public float[] rowWeights(int r) { throw new IndexOutOfBoundsException(r); }
        @Override public double rowWeight(int r) { throw new IndexOutOfBoundsException(r); }
        @Override public int rowFrom(int r) { throw new IndexOutOfBoundsException(r); }
        @Override public int rowTo(int r) { throw new IndexOutOfBoundsException(r); }
        @Override public int rowInput(int r) { throw new IndexOutOfBoundsException(r); }
        @Override public double rowOffset(int r) { throw new IndexOutOfBoundsException(r); }
        @Override public int count() { return 0; }
        @Override public int target(int k) { throw new IndexOutOfBoundsException(k); }
        @Override public double offset(int k) { throw new IndexOutOfBoundsException(k); }
        @Override public double weight(int k) { throw new IndexOutOfBoundsException(k); }
        @Override public int input(int k) { throw new IndexOutOfBoundsException(k); }
        @Override public void want(int neuron, int from, int to) { }
        @Override public void select() { }
        @Override public int first(int neuron) { return 0; }
        @Override public int end(int neuron) { return 0; }
        @Override public double selectedOffset(int p) { throw new IndexOutOfBoundsException(p); }
        @Override public double selectedWeight(int p) { throw new IndexOutOfBoundsException(p); }
        @Override public int selectedInput(int p) { throw new IndexOutOfBoundsException(p); }
    };

    /** True when the step has no event. */
    boolean isEmpty();

    /** The number of rows. */
    int rows();
    int[] rowTargets(int r);
    /** Row r's weights, or null when {@link #rowWeight} applies to all its synapses. */
    float[] rowWeights(int r);
    double rowWeight(int r);
    int rowFrom(int r);
    int rowTo(int r);
    int rowInput(int r);
    double rowOffset(int r);

    /** The number of single events. */
    int count();
    int target(int k);
    double offset(int k);
    double weight(int k);
    int input(int k);

    /** Names neuron i (in from..to, the range the events are for) as one whose own events {@link #select} gathers. */
    void want(int neuron, int from, int to);

    /** Gathers the events of the neurons named by {@link #want}, each neuron's in time order. */
    void select();

    /** After {@link #select}: the position of neuron i's first event (i must have been named). */
    int first(int neuron);

    /** After {@link #select}: one past neuron i's last event. */
    int end(int neuron);

    double selectedOffset(int p);
    double selectedWeight(int p);
    int selectedInput(int p);
}
