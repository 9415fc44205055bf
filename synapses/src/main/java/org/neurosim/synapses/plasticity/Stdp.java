package org.neurosim.synapses.plasticity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.synapse.PlasticityRule;
import org.neurosim.core.synapse.SynapseContext;
import org.neurosim.core.synapse.SynapseDynamics;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Units;

/**
 * Pair-based spike-timing-dependent plasticity with a presynaptic trace per row and a postsynaptic trace per
 * neuron (Song, Miller &amp; Abbott 2000; Morrison, Diesmann &amp; Gerstner 2008, section 4):
 * <pre>
 *   traces   x_pre(t) = sum over presynaptic arrivals  e^(-(t - t_k) / tau_plus)     (pairing: all)
 *            x_post(t) = sum over postsynaptic spikes  e^(-(t - t_k) / tau_minus)
 *            pairing: nearest keeps only the last spike of each: x = e^(-(t - t_last) / tau)
 *   at a postsynaptic spike   w += a_plus w_max x_pre(t)                          (both modes)
 *   at a presynaptic arrival  w -= a_minus w_max x_post(t)     mode: additive   (Song, Miller &amp; Abbott 2000)
 *                             w -= a_minus w x_post(t)          mode: multiplicative (van Rossum, Bi &amp; Turrigiano 2000)
 *   mode: gutig (Gütig et al. 2003; NEST's stdp_synapse with mu_plus, mu_minus; needs w_min = 0):
 *     at a postsynaptic spike  w += a_plus w_max (1 - w / w_max)^mu_plus x_pre(t)
 *     at a presynaptic arrival w -= a_minus w_max (w / w_max)^mu_minus x_post(t)
 *     (mu_plus = mu_minus = 0 is additive; mu_plus = 0, mu_minus = 1 multiplicative)
 *   then w is clipped to [w_min, w_max] (hard bounds)
 * </pre>
 * so one pair with lag s = t_post - t_pre changes w by a_plus w_max e^(-s / tau_plus) for s &gt; 0 and by
 * -a_minus w_max e^(s / tau_minus) (additive) for s &lt; 0. Traces decay in closed form from the exact time of the
 * last event; the events of a step are taken in time order (see {@link SynapseDynamics}), an arrival before a
 * postsynaptic spike at the same time (so s = 0 potentiates). Delays are axonal: an arrival is the presynaptic
 * event; the postsynaptic spike reaches the synapse at once.
 *
 * <p>State: w (double, so the weight changes are exact to round-off) per synapse, the row of each synapse, a trace and its time per row and per target neuron.
 */
public final class Stdp implements PlasticityRule {
    @Override public String name() { return "stdp"; }

    @Override
    public String description() {
        return "pair-based STDP with traces: additive (Song et al. 2000) or multiplicative (van Rossum et al. 2000), "
                + "all-to-all or nearest pairing, hard bounds";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.positive("tau_plus", Dimension.TIME, "20 ms", "decay of the presynaptic trace (potentiation window)"),
                ParameterSpec.positive("tau_minus", Dimension.TIME, "20 ms", "decay of the postsynaptic trace (depression window)"),
                ParameterSpec.quantity("a_plus", Dimension.DIMENSIONLESS, "0.01", "potentiation per pair, in units of w_max"),
                ParameterSpec.quantity("a_minus", Dimension.DIMENSIONLESS, "0.0105",
                        "depression per pair (a magnitude >= 0, subtracted), in units of w_max (additive) or of w (multiplicative)"),
                ParameterSpec.text("w_min", "0", "lower bound of the weight (in the projection's weight unit)"),
                ParameterSpec.text("w_max", "", "upper bound of the weight (required; in the projection's weight unit)"),
                ParameterSpec.text("mode", "additive", "additive, multiplicative or gutig"),
                ParameterSpec.quantity("mu_plus", Dimension.DIMENSIONLESS, "0.5",
                        "mode gutig: exponent of (1 - w / w_max) in potentiation"),
                ParameterSpec.quantity("mu_minus", Dimension.DIMENSIONLESS, "0.5",
                        "mode gutig: exponent of w / w_max in depression"),
                ParameterSpec.text("pairing", "all", "all (all-to-all) or nearest (nearest spikes)"));
    }

    @Override
    public SynapseDynamics create(SynapseContext c, Parameters p) {
        String key = c.key();
        double wMax = bound(p.text("w_max"), c, key + ".w_max");
        double wMin = bound(p.text("w_min"), c, key + ".w_min");
        if (!(wMin < wMax)) {
            throw new InvalidInputException(key + ".w_max: expected a bound above w_min (" + p.text("w_min") + "), got '"
                    + p.text("w_max") + "'");
        }
        String mode = p.text("mode");
        if (!List.of("additive", "multiplicative", "gutig").contains(mode)) {
            throw new InvalidInputException(key + ".mode: expected additive, multiplicative or gutig, got '" + mode + "'");
        }
        boolean gutig = mode.equals("gutig"), multiplicative = mode.equals("multiplicative");
        boolean nearest = choice(p.text("pairing"), key + ".pairing", "all", "nearest");
        double aMinus = aMinus(p, key);
        Traces t = new Traces(c, p.get("tau_plus"), p.get("tau_minus"), p.get("a_plus") * wMax,
                multiplicative ? aMinus : aMinus * wMax, multiplicative, nearest, wMin, wMax);
        if (gutig) {
            if (wMin != 0) {
                throw new InvalidInputException(key + ".w_min: mode gutig needs w_min 0 (its factors are w / w_max "
                        + "and 1 - w / w_max), got '" + p.text("w_min") + "'");
            }
            for (String mu : new String[] {"mu_plus", "mu_minus"}) {
                if (!(p.get(mu) >= 0)) {
                    throw new InvalidInputException(key + "." + mu + ": expected an exponent >= 0, got '"
                            + p.text(mu) + "'");
                }
            }
            t.gutig(p.get("mu_plus"), p.get("mu_minus"));
        }
        return t;
    }

    /** A bound in the projection's weight unit; a bare 0 is zero in any unit. */
    static double bound(String text, SynapseContext c, String key) {
        if (text.isBlank()) {
            throw new InvalidInputException(key + ": required; expected " + c.weightDimension().describe()
                    + " (the weight's bound)");
        }
        if (text.strip().equals("0")) return 0;
        return Units.parse(text, c.weightDimension(), key);
    }

    /**
     * a_minus is a magnitude: depression subtracts it, {@code w -= a_minus w_max x_post} (additive), as a_plus is
     * added. Brian2's STDP examples write the signed form instead (Apost &lt; 0, {@code w += Apost}); taken here, a
     * negative value would turn depression into potentiation without a word, so it is refused, saying which
     * convention applies.
     */
    private static double aMinus(Parameters p, String key) {
        double value = p.get("a_minus");
        if (!(value >= 0)) {
            throw new InvalidInputException(key + ".a_minus: expected a magnitude >= 0 (depression subtracts a_minus; "
                    + "a negative A- added to w, as in Brian2's examples, is not this convention), got '"
                    + p.text("a_minus") + "'");
        }
        return value;
    }

    private static boolean choice(String value, String key, String first, String second) {
        if (value.equals(first)) return false;
        if (value.equals(second)) return true;
        throw new InvalidInputException(String.format(Locale.ROOT, "%s: expected %s or %s, got '%s'", key, first, second,
                value));
    }

    /**
     * The rule's state for one projection. A trace is kept in a frame that does not decay: y = x(t) e^((t - t_ref) / tau)
     * is constant between events, so x(t) = y e^(-(t - t_ref) / tau) costs one exponential per event for a whole row
     * or a whole target's incoming synapses, not one per synapse. An event adds e^((t_k - t_ref) / tau) (all-to-all)
     * or sets y to it (nearest). Every 100 tau the frame moves to the present (y *= e^(-(t - t_ref) / tau)), so no y
     * exceeds e^100.
     */
    static final class Traces implements SynapseDynamics {
        private static final double REBASE = 100;   // in units of tau
        private final int[] targets;
        private final double[] w;
        private final int[] rowOf;
        private int[] boundIncoming, incomingRow;   // see bindIncoming
        private final double[] yPre, yPost;          // traces per row and per target neuron, in their frames
        private double refPre, refPost;              // the frames' reference times
        private final double tauPlus, tauMinus, aPlus, aMinus, wMin, wMax;
        private final boolean multiplicative, nearest;
        private boolean gutig;
        private double muPlus, muMinus;

        Traces(SynapseContext c, double tauPlus, double tauMinus, double aPlus, double aMinus, boolean multiplicative,
               boolean nearest, double wMin, double wMax) {
            this.targets = c.targets();
            this.tauPlus = tauPlus;
            this.tauMinus = tauMinus;
            this.aPlus = aPlus;
            this.aMinus = aMinus;
            this.multiplicative = multiplicative;
            this.nearest = nearest;
            this.wMin = wMin;
            this.wMax = wMax;
            w = new double[c.count()];
            float[] given = c.weights();   // null: the projection's single weight, kept exact in double
            for (int s = 0; s < w.length; s++) w[s] = Math.min(wMax, Math.max(wMin, given == null ? c.weight() : given[s]));
            rowOf = new int[c.count()];
            for (int r = 0; r < c.rows(); r++) Arrays.fill(rowOf, c.rowStart()[r], c.rowStart()[r + 1], r);
            yPre = new double[c.rows()];
            yPost = new double[c.targetCount()];
        }

        /** Mode gutig: potentiation scaled by (1 - w / w_max)^mu_plus, depression by (w / w_max)^mu_minus. */
        void gutig(double muPlus, double muMinus) {
            this.gutig = true;
            this.muPlus = muPlus;
            this.muMinus = muMinus;
        }

        @Override public boolean learns() { return true; }

        @Override
        public void transmit(int row, int from, int to, double time, double[] efficacy) {
            System.arraycopy(w, from, efficacy, from, to - from);
        }

        @Override
        public void onPre(int row, int from, int to, double time) {
            if (time - refPost > REBASE * tauMinus) refPost = rebase(yPost, refPost, time, tauMinus);
            double decay = Math.exp(-(time - refPost) / tauMinus);   // x_post(t) = yPost[i] decay
            double[] y = yPost, ws = w;
            int[] tg = targets;
            if (gutig) {
                double a = aMinus * decay;
                for (int s = from; s < to; s++) {
                    double v = ws[s] - a * y[tg[s]] * Math.pow(ws[s] / wMax, muMinus);
                    ws[s] = v < wMin ? wMin : v;
                }
            } else if (multiplicative) {
                double a = aMinus * decay;
                for (int s = from; s < to; s++) {
                    double v = ws[s] * (1 - a * y[tg[s]]);
                    ws[s] = v < wMin ? wMin : v;
                }
            } else {
                double a = aMinus * decay;
                for (int s = from; s < to; s++) {
                    double v = ws[s] - a * y[tg[s]];
                    ws[s] = v < wMin ? wMin : v;
                }
            }
            if (time - refPre > REBASE * tauPlus) refPre = rebase(yPre, refPre, time, tauPlus);
            double one = Math.exp((time - refPre) / tauPlus);   // 1 at t, in the frame
            yPre[row] = nearest ? one : yPre[row] + one;
        }

        @Override
        public void onPost(int target, double time, int[] incoming, int from, int to) {
            if (time - refPre > REBASE * tauPlus) refPre = rebase(yPre, refPre, time, tauPlus);
            double a = aPlus * Math.exp(-(time - refPre) / tauPlus);   // aPlus x_pre(t) = a yPre[r]
            if (incoming != boundIncoming) bindIncoming(incoming);
            double[] y = yPre, ws = w;
            int[] rows = incomingRow;
            if (gutig) {
                for (int k = from; k < to; k++) {
                    int s = incoming[k];
                    double v = ws[s] + a * y[rows[k]] * Math.pow(1 - ws[s] / wMax, muPlus);
                    ws[s] = v > wMax ? wMax : v;
                }
            } else {
                for (int k = from; k < to; k++) {
                    int s = incoming[k];
                    double v = ws[s] + a * y[rows[k]];
                    ws[s] = v > wMax ? wMax : v;
                }
            }
            if (time - refPost > REBASE * tauMinus) refPost = rebase(yPost, refPost, time, tauMinus);
            double one = Math.exp((time - refPost) / tauMinus);
            yPost[target] = nearest ? one : yPost[target] + one;
        }

        /** The row of each incoming synapse, in the engine's by-target order: read in sequence in {@link #onPost}. */
        private void bindIncoming(int[] incoming) {
            int[] rows = new int[incoming.length];
            for (int k = 0; k < rows.length; k++) rows[k] = rowOf[incoming[k]];
            incomingRow = rows;
            boundIncoming = incoming;
        }

        /** Moves a frame to {@code now}; traces below 1e-300 (e^-690) are 0, so no denormal lingers. */
        private static double rebase(double[] y, double ref, double now, double tau) {
            double f = Math.exp(-(now - ref) / tau);
            for (int k = 0; k < y.length; k++) {
                double v = y[k] * f;
                y[k] = v < 1e-300 ? 0 : v;
            }
            return now;
        }

        /** The weights, both traces and their frames' reference times. */
        @Override
        public void save(org.neurosim.core.checkpoint.StateWriter out) {
            out.section("stdp").doubles(w).doubles(yPre).doubles(yPost).writeDouble(refPre).writeDouble(refPost);
        }

        @Override
        public void restore(org.neurosim.core.checkpoint.StateReader in) {
            in.section("stdp");
            in.doubles(w, "stdp weights");
            in.doubles(yPre, "stdp presynaptic traces");
            in.doubles(yPost, "stdp postsynaptic traces");
            refPre = in.readDouble();
            refPost = in.readDouble();
        }

        @Override public List<String> variables() { return List.of("w"); }
        @Override public double value(int k, int s) { return w[s]; }
        @Override public double weight(int s) { return w[s]; }
    }
}
