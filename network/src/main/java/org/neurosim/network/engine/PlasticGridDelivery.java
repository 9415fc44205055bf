package org.neurosim.network.engine;

import org.neurosim.core.model.SpikeBuffer;

/**
 * A plastic projection onto a population on the grid: the arrivals of step n (all at or before its end) transmit at
 * their times and enter the filter's ring at the next grid point, the start of step n + 1, after which the rule hears
 * them. An arrival exactly at a grid point was scheduled as the end of the step before, so that it too enters at
 * that point.
 */
final class PlasticGridDelivery extends Delivery {
    private final double[][] ring;   // the target filter's ring of arrival steps

    PlasticGridDelivery(SparseProjection pr, double[][] ring) {
        super(pr);
        this.ring = ring;
    }

    @Override
    String kind() {
        return "grid";
    }

    @Override
    boolean endsStepBefore() {
        return true;
    }

    @Override
    void arrived(SpikeBuffer arrived, SpikeBuffer late, long n, double dt) {
        toGrid(arrived, n, dt);
        toGrid(late, n, dt);
    }

    private void toGrid(SpikeBuffer due, long n, double dt) {
        double[] into = ring[(int) ((n + 1) % ring.length)];
        int[] rowStart = pr.rowStart, targets = pr.targets;
        for (int k = 0; k < due.count(); k++) {
            int j = due.neuron(k);
            int from = rowStart[j], to = rowStart[j + 1];
            pr.synapse.transmit(j, from, to, n * dt + due.offset(k), pr.efficacy);
            for (int s = from; s < to; s++) into[targets[s]] += pr.efficacy[s];
        }
    }
}
