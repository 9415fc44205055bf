package org.neurosim.network.engine;

import org.neurosim.core.model.SpikeBuffer;

/**
 * How one projection's spikes reach its target in this run, chosen once by the engine from the target's stepping
 * (and reported in summary.json):
 * <ul>
 *   <li>{@link FilterDelivery} ({@code filter}): into the target's synaptic filter at each arrival's time, staged at
 *       the end of the step and added by the worker of each target chunk at the next step's start;</li>
 *   <li>{@link JumpDelivery} ({@code jump}): a delta synapse onto a target whose input is held: its membrane jumps
 *       at the end of the arrival's step;</li>
 *   <li>{@link EventDelivery} ({@code events}): the target integrates its synapses exactly and is handed each step's
 *       arrivals as events at their times;</li>
 *   <li>{@link GridDelivery} ({@code grid}): the target is on the grid (exact-grid); each spike's weights go into
 *       the ring of its filter (or of jumps) when it is emitted, as NEST's ring buffers;</li>
 *   <li>{@link PlasticGridDelivery} ({@code grid}): a plastic projection onto the grid: what its arrivals transmit
 *       enters the filter's ring as they arrive.</li>
 * </ul>
 * The spikes in flight (the projection's ring of {@link Slot}s) and the learning rule's events are the projection's;
 * a delivery decides what happens to the step's arrivals and where an arrival on a grid point belongs.
 */
abstract sealed class Delivery permits FilterDelivery, JumpDelivery, EventDelivery, GridDelivery, PlasticGridDelivery {
    final SparseProjection pr;

    Delivery(SparseProjection pr) {
        this.pr = pr;
    }

    /** The name summary.json gives this delivery. */
    abstract String kind();

    /**
     * True where arrivals take effect at the end of a step (jumps, grid rings, conductances taken whole): an arrival
     * on a grid point then takes effect at the end of the step ending there, as NEST applies an input arriving at
     * t + d; an event-driven target takes the arrival's own time.
     */
    abstract boolean endsStepBefore();

    /** Entry k of a ring slot was added for row {@code row}. */
    void added(Slot slot, int k, int row) {
    }

    /**
     * At the end of step n, on the thread that scheduled it: the arrivals of step n ({@code arrived}) and those
     * inside the emitting step ({@code late}), before the learning rule hears them.
     */
    abstract void arrived(SpikeBuffer arrived, SpikeBuffer late, long n, double dt);

    /** True when the projection's rows are split at the target's chunk boundaries (all but jumps, made on one thread). */
    boolean splitsRows() {
        return true;
    }

    /** The target's chunks changed (the rows were split anew). */
    void rechunked() {
    }

    /** True when scheduling touches only this projection's own state, so that it may run on any worker. */
    boolean schedulesAlone() {
        return false;
    }
}
