package org.neurosim.network.engine;

import org.neurosim.core.model.InputEvents;
import org.neurosim.core.model.SpikeBuffer;

/**
 * Arrivals as events for a target that integrates its synapses exactly
 * ({@link org.neurosim.core.model.ExactWithSynapses}). A step's
 * arrivals through delays of at least the rest of the emitting step are all known when the step begins (NEST's
 * min-delay principle): at the end of step n the ring's slot of step n + 1 is set aside ({@code upcoming}), and at
 * the start of step n + 1 the worker of each target chunk collects its part of every row, each at its time. An
 * arrival inside the emitting step itself (delay 0, or shorter than the rest of the step) is late: at the end of the
 * step, on one thread, the target adds its membrane's response to it and the filter takes it at its time
 * ({@link #deliverLate}); a crossing it causes is found at the next step's start.
 */
final class EventDelivery extends Delivery {
    /** The target's input index of this projection's filter, or {@link InputEvents#JUMP} for a delta synapse. */
    final int input;
    private final Slot upcoming = new Slot();   // the next step's arrivals

    /** The slot of step {@code first} is what the last step before it set aside (a continued or restored run). */
    EventDelivery(SparseProjection pr, int input, long first) {
        super(pr);
        this.input = input;
        upcoming.copy(pr.ring()[(int) (first % pr.ring().length)], 0);
    }

    @Override
    String kind() {
        return "events";
    }

    @Override
    boolean endsStepBefore() {
        return false;
    }

    /** Entry k of a slot splits at the chunks' boundaries, read now where a source's rows are adjacent. */
    @Override
    void added(Slot slot, int k, int row) {
        int chunks = pr.chunks(), width = chunks + 1, at = k * width;
        if (slot.bounds.length < at + width) {
            slot.bounds = java.util.Arrays.copyOf(slot.bounds, Math.max(at + width, 2 * slot.bounds.length));
        }
        int[] b = slot.bounds;
        for (int c = 0; c < chunks; c++) b[at + c] = pr.chunkStart(row, c);
        b[at + chunks] = pr.rowStart[row + 1];
    }

    /** Entries in flight (a continued or restored run) get the bounds of these chunks. */
    @Override
    void rechunked() {
        for (Slot slot : pr.ring()) rebound(slot);
        rebound(upcoming);
    }

    private void rebound(Slot slot) {
        for (int k = 0; k < slot.rows.count(); k++) added(slot, k, slot.rows.neuron(k));
    }

    /** A static synapse schedules into its own ring only: any worker may do it. */
    @Override
    boolean schedulesAlone() {
        return pr.isStatic() && !pr.learns();
    }

    /** Late arrivals transmit before this step's learning; the next step's arrivals are set aside for the workers. */
    @Override
    void arrived(SpikeBuffer arrived, SpikeBuffer late, long n, double dt) {
        if (!pr.isStatic()) {
            int[] rowStart = pr.rowStart;
            for (int k = 0; k < late.count(); k++) {
                int j = late.neuron(k);
                pr.synapse.transmit(j, rowStart[j], rowStart[j + 1], n * dt + late.offset(k), pr.efficacy);
            }
        }
    }

    /** After the schedule of step n: step n + 1's entries, for the workers. */
    void setAside(long n) {
        upcoming.copy(pr.ring()[(int) ((n + 1) % pr.ring().length)], pr.chunks() + 1);
    }

    /**
     * On the worker of chunk c at the start of step n: this step's arrivals into {@code now}, each with the weight it
     * transmits (once per step, after the schedule; the first step of a run takes what the last one of the previous
     * run left).
     */
    void collect(int c, long n, double dt, Arrivals now) {
        SpikeBuffer due = upcoming.rows;
        double stepStart = n * dt;
        int[] bounds = upcoming.bounds, targets = pr.targets;
        for (int k = 0, at = c, width = pr.chunks() + 1, count = due.count(); k < count; k++, at += width) {
            int from = bounds[at], to = bounds[at + 1];
            if (from >= to) continue;
            int j = due.neuron(k);
            double offset = due.offset(k);
            if (pr.isStatic()) {
                now.addRow(targets, from, to, pr.weights, pr.weight, offset, input);
            } else {   // what it transmits is a double: single arrivals, not a row of float weights
                pr.synapse.transmit(j, from, to, stepStart + offset, pr.efficacy);
                now.addEach(targets, from, to, pr.efficacy, offset, input);
            }
        }
    }

    /**
     * On one thread at the end of step n: each late arrival enters the filter at its time and joins {@code into}, the
     * events the target then adds its membrane's response to ({@link org.neurosim.core.model.ExactWithSynapses#addLate}).
     */
    void deliverLate(double dt, Arrivals into) {
        SpikeBuffer late = pr.late();
        int[] rowStart = pr.rowStart, targets = pr.targets;
        SynapseGroup group = pr.group;
        for (int k = 0; k < late.count(); k++) {
            int j = late.neuron(k);
            int from = rowStart[j], to = rowStart[j + 1];
            if (from == to) continue;
            double offset = late.offset(k), age = dt - offset;
            if (pr.isStatic()) {
                into.addRow(targets, from, to, pr.weights, pr.weight, offset, input);
                if (group != null) group.filter.addSpikes(targets, from, to, pr.weights, pr.weight, age);
            } else {   // transmitted in arrived()
                into.addEach(targets, from, to, pr.efficacy, offset, input);
                if (group != null) group.filter.addSpikes(targets, pr.efficacy, from, to, age);
            }
        }
    }
}
