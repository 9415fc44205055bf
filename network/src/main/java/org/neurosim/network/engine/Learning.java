package org.neurosim.network.engine;

import org.neurosim.core.model.SpikeBuffer;
import org.neurosim.core.synapse.SynapseDynamics;

/**
 * What a learning synapse model hears each step, on one thread at the step's end: the step's arrivals (rows) and the
 * target's spikes, in time order, an arrival first at equal times. Holds the synapses by target (CSC) for the
 * postsynaptic side and, with dendritic timing, the target's spikes on their way to the rule.
 */
final class Learning {
    private final SparseProjection pr;
    private final SynapseDynamics synapse;
    // postsynaptic spikes for the synapse model: incoming[inStart[i] .. inStart[i+1]) are the synapses onto i
    private final int[] inStart, incoming;
    private final SpikeBuffer preSorted = new SpikeBuffer(), postSorted = new SpikeBuffer();
    // dendritic timing (timeDendritically): the target's spikes on their way to the rule, first-in first-out, each
    // at its time plus twice the delay (times in seconds from the start, targets); null for axonal timing
    private double[] postDueTime;
    private int[] postDueTarget;
    private int postHead, postCount;

    /** The synapses by target (CSC), for a synapse model that hears postsynaptic spikes. */
    Learning(SparseProjection pr) {
        this.pr = pr;
        this.synapse = pr.synapse;
        int n = pr.target.size;
        int[] targets = pr.targets;
        inStart = new int[n + 1];
        for (int t : targets) inStart[t + 1]++;
        for (int i = 0; i < n; i++) inStart[i + 1] += inStart[i];
        int[] fill = java.util.Arrays.copyOf(inStart, n);
        incoming = new int[targets.length];
        for (int s = 0; s < targets.length; s++) incoming[fill[targets[s]]++] = s;
    }

    /** See {@link SparseProjection#timeDendritically}. */
    void timeDendritically() {
        postDueTime = new double[64];
        postDueTarget = new int[64];
    }

    /** The target's spikes of step n (t0 = n dt) join the queue at their times plus 2d. */
    private void queuePost(SpikeBuffer post, double t0, double dt) {
        double shift = 2 * (pr.delaySteps * dt + pr.delayFraction);
        postSorted.clear();
        postSorted.addAll(post);
        postSorted.sortByOffset();
        for (int k = 0; k < postSorted.count(); k++) {
            if (postCount == postDueTime.length) {   // grow, unrolling the ring so that it starts at 0
                double[] t = new double[2 * postCount];
                int[] g = new int[2 * postCount];
                for (int j = 0; j < postCount; j++) {
                    t[j] = postDueTime[(postHead + j) % postCount];
                    g[j] = postDueTarget[(postHead + j) % postCount];
                }
                postDueTime = t;
                postDueTarget = g;
                postHead = 0;
            }
            int at = (postHead + postCount) % postDueTime.length;
            postDueTime[at] = t0 + postSorted.offset(k) + shift;
            postDueTarget[at] = postSorted.neuron(k);
            postCount++;
        }
    }

    /** The queued postsynaptic spikes due before t1, taken off the queue into postSorted as offsets from t0. */
    private void duePost(double t0, double t1) {
        postSorted.clear();
        while (postCount > 0 && postDueTime[postHead] < t1) {
            postSorted.spike(postDueTarget[postHead], postDueTime[postHead] - t0);
            postHead = (postHead + 1) % postDueTime.length;
            postCount--;
        }
    }

    /**
     * A learning rule's events of step n, on one thread: the step's arrivals (rows) and the target's spikes (or,
     * timed dendritically, those due now), in time order, an arrival first at equal times.
     */
    void learn(long n, double dt, SpikeBuffer arrivedRows, SpikeBuffer lateRows) {
        SpikeBuffer post = pr.target.spikes;
        int[] rowStart = pr.rowStart;
        double t0 = n * dt;
        if (postDueTime != null) {
            if (post.count() > 0) queuePost(post, t0, dt);
            if (arrivedRows.count() == 0 && lateRows.count() == 0 && postCount == 0) return;
            duePost(t0, t0 + dt);
        } else {
            if (arrivedRows.count() == 0 && lateRows.count() == 0 && post.count() == 0) return;
            postSorted.clear();
            postSorted.addAll(post);
            postSorted.sortByOffset();
        }
        preSorted.clear();
        preSorted.addAll(arrivedRows);
        preSorted.addAll(lateRows);
        preSorted.sortByOffset();
        int a = 0, b = 0, na = preSorted.count(), nb = postSorted.count();
        while (a < na || b < nb) {
            if (b == nb || (a < na && preSorted.offset(a) <= postSorted.offset(b))) {
                int r = preSorted.neuron(a);
                synapse.onPre(r, rowStart[r], rowStart[r + 1], t0 + preSorted.offset(a));
                a++;
            } else {
                int i = postSorted.neuron(b);
                synapse.onPost(i, t0 + postSorted.offset(b), incoming, inStart[i], inStart[i + 1]);
                b++;
            }
        }
    }

    /** The postsynaptic spikes on their way to the rule (dendritic timing only; nothing otherwise). */
    void save(org.neurosim.core.checkpoint.StateWriter out) {
        if (postDueTime == null) return;
        double[] t = new double[postCount];
        double[] g = new double[postCount];
        for (int j = 0; j < postCount; j++) {
            t[j] = postDueTime[(postHead + j) % postDueTime.length];
            g[j] = postDueTarget[(postHead + j) % postDueTime.length];
        }
        out.section("dendritic queue").doubles(t).doubles(g);
    }

    /** The inverse of {@link #save}. */
    void restore(org.neurosim.core.checkpoint.StateReader in) {
        if (postDueTime == null) return;
        in.section("dendritic queue");
        double[] t = in.doubles("dendritic queue times"), g = in.doubles("dendritic queue targets");
        if (g.length != t.length) throw in.mismatch("dendritic queue of projection " + pr.label + ": lengths differ");
        postDueTime = java.util.Arrays.copyOf(t, Math.max(64, t.length));
        postDueTarget = new int[postDueTime.length];
        for (int j = 0; j < g.length; j++) postDueTarget[j] = (int) g[j];
        postHead = 0;
        postCount = t.length;
    }
}
