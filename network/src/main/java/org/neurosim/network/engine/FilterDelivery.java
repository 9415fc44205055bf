package org.neurosim.network.engine;

import org.neurosim.core.model.SpikeBuffer;

/**
 * Arrivals into the target's synaptic filter (a target whose drive is held over each step): staged on one thread at
 * the end of the step, then added by the worker of each target chunk to its own targets at the next step's start
 * (rows are split at the chunk boundaries, so no two threads write one filter state and each target's sum keeps the
 * serial order), each at its time inside the step it arrived in.
 */
final class FilterDelivery extends Delivery {
    private final SpikeBuffer staged = new SpikeBuffer();   // to add to the filter at the next step's start

    FilterDelivery(SparseProjection pr) {
        super(pr);
    }

    @Override
    String kind() {
        return "filter";
    }

    /**
     * True when arrivals enter the filter with their full weight at the end of their step: a conductance, which the
     * target's integrator samples, as NEST's iaf_cond_exp takes its spikes at grid points. Its integrator then follows
     * the conductance's exact course from there ({@link ConductanceCourse}), so each spike's conductance integral,
     * int g dt = w tau for an exponential, is whole, only up to one step late. (Decayed from its time inside the step
     * instead, the part before the step's end would be lost: up to 1 - exp(-dt / tau), 39% with tau = 0.2 ms at dt
     * 0.1 ms.)
     */
    private boolean atStepEnd() {
        return pr.group.conductance;
    }

    @Override
    boolean endsStepBefore() {
        return atStepEnd();
    }

    @Override
    void arrived(SpikeBuffer arrived, SpikeBuffer late, long n, double dt) {
        staged.clear();
        staged.addAll(arrived);
        staged.addAll(late);
        if (!pr.isStatic()) transmitStaged(n * dt);
    }

    /**
     * What the staged spikes transmit, on one thread while they are staged (so a learning rule's changes of this
     * step, made right after, come after the transmission, as on the other paths).
     */
    private void transmitStaged(double stepStart) {
        int[] rowStart = pr.rowStart;
        for (int k = 0; k < staged.count(); k++) {
            int j = staged.neuron(k);
            pr.synapse.transmit(j, rowStart[j], rowStart[j + 1], stepStart + staged.offset(k), pr.efficacy);
        }
    }

    /** Adds the staged spikes to the targets of chunk c (all targets when unchunked). */
    void deliverStaged(double dt, int c) {
        boolean whole = atStepEnd();
        SpikeBuffer due = staged;
        for (int k = 0; k < due.count(); k++) {
            int j = due.neuron(k);
            int from = pr.chunkStart(j, c), to = pr.chunkEnd(j, c);
            if (from >= to) continue;
            double since = whole ? 0 : dt - due.offset(k);
            if (pr.isStatic()) pr.group.filter.addSpikes(pr.targets, from, to, pr.weights, pr.weight, since);
            else pr.group.filter.addSpikes(pr.targets, pr.efficacy, from, to, since);   // see transmitStaged
        }
    }

    /** Applies and drops what is staged, on one thread (at the end of a run). */
    void deliverStagedNow(double dt) {
        for (int c = 0; c < pr.chunks(); c++) deliverStaged(dt, c);
        staged.clear();
    }
}
