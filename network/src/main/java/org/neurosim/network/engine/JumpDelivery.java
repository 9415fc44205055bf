package org.neurosim.network.engine;

import org.neurosim.core.model.SpikeBuffer;

/**
 * Delta synapses onto a target whose input is held over each step: the targets' membranes jump by the weight at the
 * end of the arrival's step, on the thread that schedules (a crossing shows at the next step's start).
 */
final class JumpDelivery extends Delivery {
    private final int jumpVariable;   // the target's state variable the weights are added to

    JumpDelivery(SparseProjection pr) {
        super(pr);
        this.jumpVariable = pr.target.dynamics.spikeRule().membrane();
    }

    @Override
    String kind() {
        return "jump";
    }

    @Override
    boolean endsStepBefore() {
        return true;
    }

    @Override
    boolean splitsRows() {
        return false;
    }

    @Override
    void arrived(SpikeBuffer arrived, SpikeBuffer late, long n, double dt) {
        jump(arrived, n, dt);
        jump(late, n, dt);
    }

    private void jump(SpikeBuffer due, long n, double dt) {
        double[] jumped = pr.target.state()[jumpVariable];
        int[] rowStart = pr.rowStart, targets = pr.targets;
        for (int k = 0; k < due.count(); k++) {
            int j = due.neuron(k);
            int from = rowStart[j], to = rowStart[j + 1];
            if (pr.isStatic()) {
                for (int s = from; s < to; s++) jumped[targets[s]] += pr.weights == null ? pr.weight : pr.weights[s];
            } else {
                pr.synapse.transmit(j, from, to, n * dt + due.offset(k), pr.efficacy);
                for (int s = from; s < to; s++) jumped[targets[s]] += pr.efficacy[s];
            }
        }
    }
}
