package org.neurosim.synapses.plasticity;

import java.util.List;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.synapse.PlasticityRule;
import org.neurosim.core.synapse.SynapseContext;
import org.neurosim.core.synapse.SynapseDynamics;
import org.neurosim.core.units.Dimension;

/**
 * Stochastic transmission (NEST's bernoulli_synapse, PyNN's SimpleStochasticSynapse): each presynaptic spike that
 * reaches a synapse is transmitted by it with probability p, independently of every other synapse and spike, with
 * the synapse's weight; else the synapse transmits nothing. NEST draws {@code drand() < p_transmit} from the
 * thread's stream; here the draw is a pure function of the projection's seed, the synapse's storage index s and the
 * time of the arrival t (seconds from the start of the run, as the engine passes it),
 * <pre>
 *   h = mix(mix(seed + G (s + 1)) + G round(t 2^40)),   u = (h &gt;&gt;&gt; 11) 2^-53 in [0, 1),   transmitted when u &lt; p
 * </pre>
 * with mix SplitMix64's finaliser (Stafford's variant 13) and G = 0x9E3779B97F4A7C15 its increment. The time enters
 * in units of 2^-40 s (0.9 ps), so an arrival time the engine composes in two ways (the end of one step or the start
 * of the next, on the grid) is one trial, for runs up to 2^23 s (97 days). A synapse receives at most one spike at a
 * time (a source spikes at most once a step, and each synapse has one source and one delay), so every trial has its
 * own (s, t). Since nothing is drawn from a sequential stream, the outcome does
 * not depend on which thread handles a row or where the rows are split, nor on a run being stopped and continued
 * or checkpointed: the same seed gives the same transmissions at any thread count. p = 0 never transmits, p = 1
 * always (u &lt; 1). The rule keeps no state (its checkpoint section is empty) and learns nothing; the weights stay
 * as given. p is one value for the projection (the PyNN backend sends each distinct p as a projection of its own).
 */
public final class Bernoulli implements PlasticityRule {
    static final long GAMMA = 0x9E3779B97F4A7C15L;

    @Override public String name() { return "bernoulli"; }

    @Override
    public String description() {
        return "stochastic transmission (NEST's bernoulli_synapse): each spike is transmitted by each synapse "
                + "independently with probability p, with the weight, else not at all";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.quantity("p", Dimension.DIMENSIONLESS, null,
                "release probability: the chance that a spike is transmitted, 0 <= p <= 1 (required)"));
    }

    @Override
    public SynapseDynamics create(SynapseContext c, Parameters params) {
        double p = params.get("p");
        if (!(p >= 0 && p <= 1)) {
            throw new InvalidInputException(c.key() + ".p: expected a probability 0 <= p <= 1, got '"
                    + params.text("p") + "'");
        }
        float[] w = c.weights();
        double single = c.weight();
        long seed = c.seed();
        return new SynapseDynamics() {
            @Override
            public void transmit(int row, int from, int to, double time, double[] efficacy) {
                long at = GAMMA * Math.round(time * 0x1p40);
                for (int s = from; s < to; s++) {
                    efficacy[s] = uniform(seed, s, at) < p ? weight(s) : 0;
                }
            }

            /** Stateless: an empty section, so a checkpoint still says which rule wrote it. */
            @Override
            public void save(org.neurosim.core.checkpoint.StateWriter out) {
                out.section("bernoulli");
            }

            @Override
            public void restore(org.neurosim.core.checkpoint.StateReader in) {
                in.section("bernoulli");
            }

            @Override public List<String> variables() { return List.of("w"); }

            @Override
            public double value(int k, int s) {
                if (k != 0) throw new IndexOutOfBoundsException("no variable " + k);
                return weight(s);
            }

            @Override public double weight(int s) { return w == null ? single : w[s]; }
        };
    }

    /** The draw of synapse s at the time whose key times G is {@code at}: uniform in [0, 1). */
    static double uniform(long seed, int s, long at) {
        long h = mix(mix(seed + GAMMA * (s + 1L)) + at);
        return (h >>> 11) * 0x1.0p-53;
    }

    /** The draw of synapse s for a spike reaching it at {@code time} (seconds from the start of the run). */
    public static double uniform(long seed, int s, double time) {
        return uniform(seed, s, GAMMA * Math.round(time * 0x1p40));
    }

    /** SplitMix64's finaliser (Stafford's variant 13): a bijection of 64-bit words that mixes every bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
