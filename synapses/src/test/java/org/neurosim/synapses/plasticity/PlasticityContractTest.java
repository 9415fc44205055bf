package org.neurosim.synapses.plasticity;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.neurosim.core.synapse.PlasticityRule;
import org.neurosim.synapses.StaticSynapse;
import org.neurosim.testkit.PlasticityRuleContract;

/**
 * The module's rules (and core's static synapse) against the plasticity contract. STDP in each of its modes and
 * pairings, with the pair window of Stdp's documentation: a_plus w_max e^(-s/tau_plus) for s = t_post - t_pre &gt;= 0,
 * -a_minus w_max e^(s/tau_minus) (additive; Song, Miller &amp; Abbott 2000) or -a_minus w0 e^(s/tau_minus)
 * (multiplicative; van Rossum, Bi &amp; Turrigiano 2000) for s &lt; 0, and for gutig (Gutig et al. 2003) the factors
 * (1 - w0/w_max)^mu_plus and (w0/w_max)^mu_minus; hard bounds [w_min, w_max]. Tsodyks-Markram, bernoulli and static
 * learn nothing: their window is 0 and their weights stay as given; their checkpoint round trip is checked on what
 * they transmit.
 */
class PlasticityContractTest {
    static final double TAU_PLUS = 16.8e-3, TAU_MINUS = 33.7e-3, A_PLUS = 0.01, A_MINUS = 0.012;

    /** The additive rule's parameters, w in [0.1, 0.9], plus those given. */
    static Map<String, String> stdp(String... more) {
        Map<String, String> p = new java.util.HashMap<>(Map.of("tau_plus", "16.8 ms", "tau_minus", "33.7 ms",
                "a_plus", "0.01", "a_minus", "0.012", "w_min", "0.1", "w_max", "0.9"));
        for (int k = 0; k < more.length; k += 2) p.put(more[k], more[k + 1]);
        return p;
    }

    abstract static class StdpContract extends PlasticityRuleContract {
        @Override protected PlasticityRule rule() { return new Stdp(); }
        @Override protected double lowerBound() { return 0.1; }
        @Override protected double upperBound() { return 0.9; }
        @Override protected double initialWeight() { return 0.4; }

        /** The depression factor's weight: w_max (additive) or w0 (multiplicative). */
        double depressionScale(double w0) {
            return 0.9;
        }

        @Override
        protected double pairWindow(double lag, double w0) {
            return lag >= 0 ? A_PLUS * 0.9 * Math.exp(-lag / TAU_PLUS)
                    : -A_MINUS * depressionScale(w0) * Math.exp(lag / TAU_MINUS);
        }
    }

    @Nested
    class AdditiveAllToAll extends StdpContract {
        @Override protected Map<String, String> parameters() { return stdp(); }
    }

    @Nested
    class AdditiveNearest extends StdpContract {
        @Override protected Map<String, String> parameters() { return stdp("pairing", "nearest"); }
    }

    @Nested
    class Multiplicative extends StdpContract {
        @Override protected Map<String, String> parameters() { return stdp("mode", "multiplicative"); }
        @Override double depressionScale(double w0) { return w0; }
    }

    @Nested
    class MultiplicativeNearest extends StdpContract {
        @Override protected Map<String, String> parameters() {
            return stdp("mode", "multiplicative", "pairing", "nearest");
        }
        @Override double depressionScale(double w0) { return w0; }
    }

    /** Gutig needs w_min = 0. */
    @Nested
    class Gutig extends StdpContract {
        @Override protected Map<String, String> parameters() {
            return stdp("mode", "gutig", "w_min", "0", "mu_plus", "0.3", "mu_minus", "2");
        }
        @Override protected double lowerBound() { return 0; }

        @Override
        protected double pairWindow(double lag, double w0) {
            return lag >= 0 ? A_PLUS * 0.9 * Math.pow(1 - w0 / 0.9, 0.3) * Math.exp(-lag / TAU_PLUS)
                    : -A_MINUS * 0.9 * Math.pow(w0 / 0.9, 2) * Math.exp(lag / TAU_MINUS);
        }
    }

    /** Depression and facilitation through the active state (tau_psc > 0), the path with most state. */
    @Nested
    class TsodyksMarkramWithActiveState extends PlasticityRuleContract {
        @Override protected PlasticityRule rule() { return new TsodyksMarkram(); }
        @Override protected Map<String, String> parameters() {
            return Map.of("u", "0.3", "tau_rec", "200 ms", "tau_fac", "50 ms", "tau_psc", "5 ms");
        }
    }

    @Nested
    class TsodyksMarkramDepressing extends PlasticityRuleContract {
        @Override protected PlasticityRule rule() { return new TsodyksMarkram(); }
        @Override protected Map<String, String> parameters() { return Map.of("u", "0.45", "tau_rec", "500 ms"); }
    }

    @Nested
    class BernoulliRelease extends PlasticityRuleContract {
        @Override protected PlasticityRule rule() { return new Bernoulli(); }
        @Override protected Map<String, String> parameters() { return Map.of("p", "0.4"); }
    }

    @Nested
    class Static extends PlasticityRuleContract {
        @Override protected PlasticityRule rule() { return new StaticSynapse(); }
    }
}
