package org.neurosim.network.engine;

import org.neurosim.core.Seeds;

/**
 * Independent Poisson input to every neuron of a population (Brian2's PoissonInput, NEST's poisson_generator
 * connected one-to-one): each neuron receives events at {@code rate}, each transmitting {@code weight}, counted per
 * step and delivered at the step's start, k ~ Poisson(rate dt) (NEST's generator also emits on the grid, with
 * multiplicity). The count of neuron i in step n depends only on (seed, n, i), drawn by inversion of the Poisson
 * CDF (tables made once) from a counter-based uniform: the same at any thread count, one uniform per neuron and
 * step, and nearly always a single table read.
 */
public final class PoissonInput {
    public final double rate, weight;
    /** The filter the events enter, or null: they make the membrane jump (a delta synapse). */
    public final SynapseGroup group;
    private final long seed;
    private final double[] cdf;   // cdf[k] = P(K <= k), up to where 1 - cdf < 1e-16
    int input = org.neurosim.core.model.InputEvents.JUMP;   // for an exact target: the filter's input index
    /**
     * The filter's state when it is one first-order mode whose state is its output with multiplier 1 (the
     * exponential current): an event of weight w adds w times its unit to it, so the counts go straight in.
     */
    private final double[] firstOrderState;
    private final double firstOrderUnit;

    public PoissonInput(double rate, double weight, double dt, SynapseGroup group, long seed) {
        this.rate = rate;
        this.weight = weight;
        this.group = group;
        this.seed = seed;
        double lambda = rate * dt;
        int max = (int) Math.ceil(lambda + 12 * Math.sqrt(lambda) + 20);
        double[] c = new double[max];
        double sum = 0, logP = -lambda, logLambda = Math.log(lambda);
        int n = 0;
        for (int k = 0; k < max; k++) {
            // log p_k = -lambda + k ln(lambda) - ln k!, in logs so that a large lambda does not underflow e^-lambda
            if (k > 0) logP += logLambda - Math.log(k);
            sum += Math.exp(logP);
            c[n++] = Math.min(1, sum);
            if (k > lambda && 1 - sum < 1e-16) break;
        }
        this.cdf = java.util.Arrays.copyOf(c, n);
        boolean direct = isFirstOrder(group);
        this.firstOrderState = direct ? ((org.neurosim.core.synapse.ModalFilter) group.filter).state(0, 0) : null;
        this.firstOrderUnit = direct ? ((org.neurosim.core.synapse.ModalFilter) group.filter).unitSpike(0, 0) : 0;
        // u's top bits pick a bucket; a bucket inside one CDF step gives k at once, one that holds a step boundary
        // starts the comparisons at its lowest k (so a draw costs a table read, and a comparison in 1 case of ~300)
        first = new byte[BUCKETS];
        exact = new boolean[BUCKETS];
        for (int b = 0; b < BUCKETS; b++) {
            double lo = (double) b / BUCKETS, hi = (double) (b + 1) / BUCKETS;
            int k = 0;
            while (k < cdf.length && lo >= cdf[k]) k++;
            int kHi = k;
            while (kHi < cdf.length && hi > cdf[kHi]) kHi++;
            first[b] = (byte) Math.min(k, 127);
            exact[b] = kHi == k && k < 127;
        }
    }

    private static final int BUCKET_BITS = 12, BUCKETS = 1 << BUCKET_BITS;
    private final byte[] first;      // per bucket of u: the count of its lower end
    private final boolean[] exact;   // the whole bucket has that count

    /**
     * Step n's events of neurons from..to as arrivals at the step's start, one per neuron with events (count times
     * the weight), appended in one pass.
     */
    void addTo(Arrivals a, long step, int from, int to) {
        a.addNonZero(from, to, events(step, from, to), 0, input);
    }

    /** Per neuron of from..to, step n's count times the weight, in a scratch array (chunks write disjoint ranges). */
    private double[] events(long step, int from, int to) {
        if (scratch == null || scratch.length < to) {
            synchronized (this) {
                if (scratch == null || scratch.length < to) scratch = new double[Math.max(to, scratch == null ? 0 : scratch.length)];
            }
        }
        double[] events = scratch;
        for (int i = from; i < to; i++) events[i] = count(step, i) * weight;
        return events;
    }

    private volatile double[] scratch;

    /**
     * Step n's events of neurons from..to straight into the filter, at the step's start (elapsed 0): for a target that
     * integrates its synapses exactly this is the same as arrivals at offset 0, since the filter's modes at the
     * step's start carry their response, and it needs no arrival per neuron.
     */
    void addToFilter(long step, int from, int to) {
        if (firstOrderState != null) {   // one pass, no scratch: x_i += (k_i w) u, what addToEach would add
            double[] x = firstOrderState;
            double w = weight, u = firstOrderUnit;
            for (int i = from; i < to; i++) x[i] += (count(step, i) * w) * u;
        } else {
            // two passes without a branch on the count (a neuron gets none in a fifth of the steps here: a branch on
            // it was mispredicted often enough to cost 11 ns per neuron against 4 now)
            group.filter.addToEach(events(step, from, to), from, to);
        }
    }

    private static boolean isFirstOrder(SynapseGroup group) {
        return group != null && group.filter instanceof org.neurosim.core.synapse.ModalFilter f
                && f.pointwiseDecay() == f.pointwiseDecay() && java.util.Arrays.equals(f.modeDegrees(), new int[] {0})
                && f.state(0, 0) == f.output() && f.multiplier(0, 0) == 1;
    }

    /** The number of events neuron i receives in step n. */
    public int count(long step, int neuron) {
        long z = Seeds.bits(seed, step, neuron);
        int b = (int) (z >>> (64 - BUCKET_BITS));   // = (int) (u * BUCKETS), u = (z >>> 11) 2^-53
        int k = first[b];
        if (exact[b]) return k;
        double u = (z >>> 11) * 0x1.0p-53;
        double[] c = cdf;
        while (k < c.length && u >= c[k]) k++;
        return k;
    }
}
