package org.neurosim.synapses.plasticity;

import java.util.Arrays;
import java.util.List;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.synapse.PlasticityRule;
import org.neurosim.core.synapse.SynapseContext;
import org.neurosim.core.synapse.SynapseDynamics;
import org.neurosim.core.units.Dimension;

/**
 * Short-term depression and facilitation (Tsodyks &amp; Markram 1997; with facilitation, Tsodyks, Pawelzik &amp;
 * Markram 1998): resources x recover towards 1 with tau_rec, the utilisation u relaxes to U with tau_fac. At the
 * n-th spike reaching a synapse, Delta after the previous one,
 * <pre>
 *   x_n = 1 + (x_(n-1) - u_(n-1) x_(n-1) - 1) e^(-Delta / tau_rec)
 *   u_n = U + u_(n-1) (1 - U) e^(-Delta / tau_fac)          (u_n = U when tau_fac = 0: depression only)
 *   the spike transmits w u_n x_n
 * </pre>
 * with x_1 = 1, u_1 = U (a synapse at rest). This is NEST's tsodyks2_synapse and Brian2's usual
 * {@code u += U (1 - u); r = u x; x -= r} in closed form between spikes. Delays are axonal: the spike's arrival is
 * the event. State per synapse: u, x and the time of the last arrival (each synapse is touched only on its own
 * target's thread).
 *
 * <p>With {@code tau_psc > 0} the used resources do not recover at once: they pass through the active state y,
 * which decays with tau_psc into the inactive state z = 1 - x - y, which recovers into x with tau_rec (Tsodyks,
 * Uziel &amp; Markram 2000; NEST's tsodyks_synapse, PyNN's TsodyksMarkramSynapse with tau_psc the postsynaptic
 * current's time constant). Between spikes, in closed form,
 * <pre>
 *   y(t) = y e^(-t/tau_psc)
 *   x(t) = x + y P_xy + z (1 - e^(-t/tau_rec)),  P_xy = ((e^(-t/tau_rec) - 1) tau_rec - (e^(-t/tau_psc) - 1) tau_psc) / (tau_psc - tau_rec)
 *   at a spike: u as above, then r = u x, x -= r, y += r, and the spike transmits w r
 * </pre>
 * tau_psc -&gt; 0 gives the recursion above.
 */
public final class TsodyksMarkram implements PlasticityRule {
    @Override public String name() { return "tsodyks-markram"; }

    @Override
    public String description() {
        return "short-term plasticity (Tsodyks & Markram 1997): depression with tau_rec, facilitation with tau_fac";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.quantity("u", Dimension.DIMENSIONLESS, "0.5", "utilisation U of the resources by a spike, 0 < U <= 1"),
                ParameterSpec.positive("tau_rec", Dimension.TIME, "800 ms", "recovery time of the resources"),
                ParameterSpec.quantity("tau_fac", Dimension.TIME, "0 ms", "decay time of facilitation (0: none)"),
                ParameterSpec.quantity("tau_psc", Dimension.TIME, "0 ms",
                        "decay of the active resources before they recover (0: at once; NEST's tsodyks_synapse)"));
    }

    @Override
    public SynapseDynamics create(SynapseContext c, Parameters p) {
        double big = p.get("u"), tauRec = p.get("tau_rec"), tauFac = p.get("tau_fac"), tauPsc = p.get("tau_psc");
        if (!(big > 0 && big <= 1)) {
            throw new org.neurosim.core.InvalidInputException(c.key() + ".u: expected 0 < u <= 1, got '" + p.text("u") + "'");
        }
        if (!(tauFac >= 0)) {
            throw new org.neurosim.core.InvalidInputException(c.key() + ".tau_fac: expected a time >= 0, got '"
                    + p.text("tau_fac") + "'");
        }
        if (!(tauPsc >= 0) || tauPsc == tauRec) {
            throw new org.neurosim.core.InvalidInputException(c.key() + ".tau_psc: expected a time >= 0 other than "
                    + "tau_rec, got '" + p.text("tau_psc") + "'");
        }
        return new Dynamics(c, big, tauRec, tauFac, tauPsc);
    }

    /** The state per synapse: u, x, the time of the last arrival and, with tau_psc &gt; 0, the active resources y. */
    private static final class Dynamics implements SynapseDynamics {
        private final double big, tauRec, tauFac, tauPsc;
        private final double[] u, x, last, y;
        private final float[] w;
        private final double single;

        Dynamics(SynapseContext c, double big, double tauRec, double tauFac, double tauPsc) {
            this.big = big;
            this.tauRec = tauRec;
            this.tauFac = tauFac;
            this.tauPsc = tauPsc;
            int n = c.count();
            y = tauPsc > 0 ? new double[n] : null;
            u = new double[n];
            x = new double[n];
            last = new double[n];
            Arrays.fill(u, big);
            Arrays.fill(x, 1);
            Arrays.fill(last, Double.NEGATIVE_INFINITY);
            w = c.weights();
            single = c.weight();
        }

        @Override
        public void transmit(int row, int from, int to, double time, double[] efficacy) {
            if (y != null) {
                transmitThroughY(from, to, time, efficacy);
                return;
            }
            for (int s = from; s < to; s++) {
                double delta = time - last[s];
                x[s] = 1 + (x[s] - u[s] * x[s] - 1) * Math.exp(-delta / tauRec);
                u[s] = tauFac == 0 ? big : big + u[s] * (1 - big) * Math.exp(-delta / tauFac);
                last[s] = time;
                efficacy[s] = weight(s) * u[s] * x[s];
            }
        }

        /**
         * tau_psc &gt; 0: u, x and y are kept as they were just before the last spike (as without y): that spike
         * moved r = u x from x to y; then x, y and z = 1 - x - y are propagated in closed form (NEST's order).
         */
        private void transmitThroughY(int from, int to, double time, double[] efficacy) {
            for (int s = from; s < to; s++) {
                double delta = time - last[s];
                double pyy = Math.exp(-delta / tauPsc), pzz = Math.exp(-delta / tauRec);
                double pxy = ((pzz - 1) * tauRec - (pyy - 1) * tauPsc) / (tauPsc - tauRec);
                double used = u[s] * x[s];
                double x0 = x[s] - used, y0 = y[s] + used, z0 = 1 - x[s] - y[s];
                x[s] = x0 + pxy * y0 + (1 - pzz) * z0;
                y[s] = y0 * pyy;
                u[s] = tauFac == 0 ? big : big + u[s] * (1 - big) * Math.exp(-delta / tauFac);
                last[s] = time;
                efficacy[s] = weight(s) * u[s] * x[s];
            }
        }

        /** u, x and each synapse's last spike time. */
        @Override
        public void save(org.neurosim.core.checkpoint.StateWriter out) {
            out.section("tsodyks-markram").doubles(u).doubles(x).doubles(last);
            if (y != null) out.doubles(y);
        }

        @Override
        public void restore(org.neurosim.core.checkpoint.StateReader in) {
            in.section("tsodyks-markram");
            in.doubles(u, "tsodyks-markram u");
            in.doubles(x, "tsodyks-markram x");
            in.doubles(last, "tsodyks-markram last spike times");
            if (y != null) in.doubles(y, "tsodyks-markram active resources y");
        }

        @Override public List<String> variables() { return List.of("w", "u", "x"); }

        @Override
        public double value(int k, int s) {
            return switch (k) {
                case 0 -> weight(s);
                case 1 -> u[s];
                case 2 -> x[s];
                default -> throw new IndexOutOfBoundsException("no variable " + k);
            };
        }

        @Override public double weight(int s) { return w == null ? single : w[s]; }
    }
}
