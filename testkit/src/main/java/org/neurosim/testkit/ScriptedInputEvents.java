package org.neurosim.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.neurosim.core.model.InputEvents;

/**
 * A plain {@link InputEvents} for tests: one step's events for a range of neurons, as rows (one presynaptic spike's
 * synapses, its arrays referenced as given) and single events, written by the test and read by the model. The
 * per-neuron view ({@link #want}, {@link #select}, {@link #first}, {@link #end}) gathers the named neurons' events,
 * rows in row order then the single events, and orders each neuron's by time, equal times in that order (a stable
 * sort), as {@link InputEvents#select} promises. Straightforward rather than fast: lists and a sort, no bit sets.
 *
 * <p>It is strict where the interface leaves things unspecified, so that a model that leans on them fails: in a step
 * with events, asking {@link #first} or {@link #end} of a neuron that was not named before {@link #select} throws, and
 * so does naming a neuron outside the range (a step without events answers 0 for every neuron, as
 * {@link InputEvents#NONE} does).
 */
public final class ScriptedInputEvents implements InputEvents {
    private record Row(int[] targets, int from, int to, float[] weights, double weight, double offset, int input) { }

    private record Single(int target, double offset, double weight, int input) { }

    /** One selected event, with its place in the gathering order (what keeps equal times stable). */
    private record Selected(int target, double offset, double weight, int input, int order) { }

    private final List<Row> rows = new ArrayList<>();
    private final List<Single> singles = new ArrayList<>();
    private final java.util.BitSet wanted = new java.util.BitSet();
    private Selected[] selected = new Selected[0];
    private java.util.BitSet selectedNeurons = new java.util.BitSet();

    /**
     * Adds one presynaptic spike's events at targets[from..to), with weights[k] (or {@code weight} when
     * {@code weights} is null), all at {@code offset} after the step's start through {@code input}. The arrays are kept, not
     * copied.
     */
    public void addRow(int[] targets, int from, int to, float[] weights, double weight, double offset, int input) {
        if (from < to) rows.add(new Row(targets, from, to, weights, weight, offset, input));
    }

    /** Adds a single event: neuron {@code target}, {@code offset} after the step's start, weight, input. */
    public void add(int target, double offset, double weight, int input) {
        singles.add(new Single(target, offset, weight, input));
    }

    /** Empties the events and the selection, for the next step. */
    public void clear() {
        rows.clear();
        singles.clear();
        wanted.clear();
        selected = new Selected[0];
        selectedNeurons = new java.util.BitSet();
    }

    @Override public boolean isEmpty() { return rows.isEmpty() && singles.isEmpty(); }

    @Override public int rows() { return rows.size(); }
    @Override public int[] rowTargets(int r) { return rows.get(r).targets(); }
    @Override public float[] rowWeights(int r) { return rows.get(r).weights(); }
    @Override public double rowWeight(int r) { return rows.get(r).weight(); }
    @Override public int rowFrom(int r) { return rows.get(r).from(); }
    @Override public int rowTo(int r) { return rows.get(r).to(); }
    @Override public int rowInput(int r) { return rows.get(r).input(); }
    @Override public double rowOffset(int r) { return rows.get(r).offset(); }

    @Override public int count() { return singles.size(); }
    @Override public int target(int k) { return singles.get(k).target(); }
    @Override public double offset(int k) { return singles.get(k).offset(); }
    @Override public double weight(int k) { return singles.get(k).weight(); }
    @Override public int input(int k) { return singles.get(k).input(); }

    @Override
    public void want(int neuron, int from, int to) {
        if (neuron < from || neuron >= to) {
            throw new IllegalArgumentException("want(" + neuron + ") outside the range " + from + ".." + to);
        }
        wanted.set(neuron);
    }

    @Override
    public void select() {
        List<Selected> out = new ArrayList<>();
        for (Row r : rows) {
            for (int k = r.from(); k < r.to(); k++) {
                int i = r.targets()[k];
                if (wanted.get(i)) {
                    double w = r.weights() == null ? r.weight() : r.weights()[k];
                    out.add(new Selected(i, r.offset(), w, r.input(), out.size()));
                }
            }
        }
        for (Single s : singles) {
            if (wanted.get(s.target())) out.add(new Selected(s.target(), s.offset(), s.weight(), s.input(), out.size()));
        }
        out.sort(Comparator.comparingInt(Selected::target).thenComparingDouble(Selected::offset)
                .thenComparingInt(Selected::order));
        selected = out.toArray(Selected[]::new);
        selectedNeurons = (java.util.BitSet) wanted.clone();
    }

    @Override
    public int first(int neuron) {
        named(neuron);
        int lo = 0, hi = selected.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (selected[mid].target() < neuron) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    @Override
    public int end(int neuron) {
        int p = first(neuron);
        while (p < selected.length && selected[p].target() == neuron) p++;
        return p;
    }

    private void named(int neuron) {
        if (!isEmpty() && !selectedNeurons.get(neuron)) {   // a step without events has none for anyone (as NONE)
            throw new IllegalStateException("neuron " + neuron + "'s events were read without naming it (want) "
                    + "before select()");
        }
    }

    @Override public double selectedOffset(int p) { return selected[p].offset(); }
    @Override public double selectedWeight(int p) { return selected[p].weight(); }
    @Override public int selectedInput(int p) { return selected[p].input(); }

    @Override
    public String toString() {
        return rows.size() + " rows, " + singles.size() + " single events, selected " + Arrays.toString(selected);
    }
}
