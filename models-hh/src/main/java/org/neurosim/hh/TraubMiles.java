package org.neurosim.hh;

import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.neurosim.core.model.ConditionallyLinear;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.model.SpikeRule;
import org.neurosim.core.model.StateVariable;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.units.Dimension;

/**
 * The Traub-Miles Hodgkin-Huxley variant of the COBAHH benchmark (Brette et al. 2007; ../shared/peers/brian2_cobahh.py),
 * with absolute conductances (densities times {@code area}) and conductance-based synaptic input:
 * <pre>
 *   C dV/dt = g_L (E_L - V) - g_Na m^3 h (V - E_Na) - g_Kd n^4 (V - E_K) + I_syn,   I_syn = sum g_syn (E_syn - V)
 *   dx/dt = a_x (1 - x) - b_x x
 *   a_m = 0.32 * 4 / exprel((13 - V + VT)/4)     b_m = 0.28 * 5 / exprel((V - VT - 40)/5)
 *   a_h = 0.128 exp((17 - V + VT)/18)            b_h = 4 / (1 + exp((40 - V + VT)/5))
 *   a_n = 0.032 * 5 / exprel((15 - V + VT)/5)    b_n = 0.5 exp((10 - V + VT)/40)
 * </pre>
 * (V in mV, rates in 1/ms, exprel(x) = (e^x - 1)/x.) Spike: upward crossing of -20 mV, refractory 3 ms (no
 * clamp: the membrane keeps integrating, only spike counting pauses). Preferred integrator: exponential-euler, as
 * the benchmark uses.
 */
public final class TraubMiles implements NeuronModel {
    @Override public String name() { return "hh-traub"; }

    @Override public String description() {
        return "Traub-Miles HH of the COBAHH benchmark: absolute conductances over an area, threshold -20 mV, "
                + "refractory 3 ms";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.positive("area", Dimension.AREA, "20000 um^2", "membrane area")
                        .range(1e-20, Double.POSITIVE_INFINITY),
                ParameterSpec.positive("c_m", Dimension.CAPACITANCE_DENSITY, "1 uF/cm^2", "membrane capacitance")
                        .range(1e-12, Double.POSITIVE_INFINITY),
                ParameterSpec.positive("g_l", Dimension.CONDUCTANCE_DENSITY, "0.05 mS/cm^2", "leak conductance"),
                ParameterSpec.positive("g_na", Dimension.CONDUCTANCE_DENSITY, "100 mS/cm^2", "maximal Na+ conductance"),
                ParameterSpec.positive("g_kd", Dimension.CONDUCTANCE_DENSITY, "30 mS/cm^2",
                        "maximal delayed-rectifier K+ conductance"),
                ParameterSpec.quantity("e_l", Dimension.VOLTAGE, "-60 mV", "leak reversal potential"),
                ParameterSpec.quantity("e_na", Dimension.VOLTAGE, "50 mV", "Na+ reversal potential"),
                ParameterSpec.quantity("e_k", Dimension.VOLTAGE, "-90 mV", "K+ reversal potential"),
                ParameterSpec.quantity("v_t", Dimension.VOLTAGE, "-63 mV", "VT, shifts the rate functions"),
                ParameterSpec.quantity("spike_threshold", Dimension.VOLTAGE, "-20 mV", "upward crossing counted as a spike"),
                ParameterSpec.positive("tau_ref", Dimension.TIME, "3 ms", "refractory period (no spike counted)"));
    }

    /** Every parameter may take a value per neuron (a list or a distribution). */
    @Override
    public NeuronDynamics create(PopulationContext context, Parameters p) {
        int n = context.size();
        double[] a = p.values("area", n);
        return new Dynamics(times(p.values("c_m", n), a), times(p.values("g_l", n), a), times(p.values("g_na", n), a),
                times(p.values("g_kd", n), a), p.values("e_l", n), p.values("e_na", n), p.values("e_k", n),
                p.values("v_t", n), p.values("spike_threshold", n), p.values("tau_ref", n));
    }

    private static double[] times(double[] x, double[] a) {
        for (int i = 0; i < x.length; i++) x[i] *= a[i];
        return x;
    }

    /** Population equations; absolute conductances and capacitance per neuron (arrays of the population's size). */
    static final class Dynamics implements ConditionallyLinear {
        static final int V = 0, M = 1, N = 2, H = 3;
        final double[] c, gL, gNa, gKd, eL, eNa, eK, vtMv;
        private final double[] invC;   // 1/c per neuron, made once (the step multiplies by it)
        private final SpikeRule rule;

        Dynamics(double[] c, double[] gL, double[] gNa, double[] gKd, double[] eL, double[] eNa, double[] eK,
                 double[] vt, double[] threshold, double[] tauRef) {
            this.c = c;
            this.gL = gL;
            this.gNa = gNa;
            this.gKd = gKd;
            this.eL = eL;
            this.eNa = eNa;
            this.eK = eK;
            this.invC = new double[c.length];
            for (int i = 0; i < c.length; i++) invC[i] = 1 / c[i];
            this.vtMv = new double[vt.length];
            for (int i = 0; i < vt.length; i++) vtMv[i] = vt[i] * 1e3;
            SpikeRule one = new SpikeRule(V, threshold[0], tauRef[0], false, SpikeRule.Reset.NOTHING);
            boolean th = PerNeuronRest.allEqual(threshold), ref = PerNeuronRest.allEqual(tauRef);
            this.rule = th && ref ? one : one.perNeuron(th ? null : threshold, ref ? null : tauRef);
        }

        double alphaM(double u) { return 0.32 * 4 / RateFunctions.exprel((13 - u) / 4); }
        double betaM(double u) { return 0.28 * 5 / RateFunctions.exprel((u - 40) / 5); }
        double alphaH(double u) { return 0.128 * Math.exp((17 - u) / 18); }
        double betaH(double u) { return 4 / (1 + Math.exp((40 - u) / 5)); }
        double alphaN(double u) { return 0.032 * 5 / RateFunctions.exprel((15 - u) / 5); }
        double betaN(double u) { return 0.5 * Math.exp((10 - u) / 40); }

        @Override
        public List<StateVariable> stateVariables() {
            return List.of(new StateVariable("v", Dimension.VOLTAGE), new StateVariable("m", Dimension.DIMENSIONLESS),
                    new StateVariable("n", Dimension.DIMENSIONLESS), new StateVariable("h", Dimension.DIMENSIONLESS));
        }

        @Override public Dimension inputDimension() { return Dimension.CURRENT; }
        /** A spike is the upstroke through {@code spike_threshold}, counted once per {@code tau_ref}; no reset. */
        @Override public SpikeRule spikeRule() { return rule; }
        @Override public String preferredIntegrator() { return "exponential-euler"; }

        /** Neuron 0's resting state. */
        @Override
        public void restingState(double[] values) {
            restingState(0, values);
        }

        /** Each neuron's own resting state (its parameters may differ). */
        @Override
        public void restingState(double[][] state) {
            PerNeuronRest.fill(state, this::sameParameters, this::restingState);
        }

        private boolean sameParameters(int i, int j) {
            return c[i] == c[j] && gL[i] == gL[j] && gNa[i] == gNa[j] && gKd[i] == gKd[j] && eL[i] == eL[j]
                    && eNa[i] == eNa[j] && eK[i] == eK[j] && vtMv[i] == vtMv[j];
        }

        private void restingState(int i, double[] values) {
            double v = new BrentSolver(1e-14, 1e-14).solve(200, x -> {
                double u = x * 1e3 - vtMv[i];
                double m = alphaM(u) / (alphaM(u) + betaM(u));
                double n = alphaN(u) / (alphaN(u) + betaN(u));
                double h = alphaH(u) / (alphaH(u) + betaH(u));
                return gL[i] * (eL[i] - x) - gNa[i] * m * m * m * h * (x - eNa[i])
                        - gKd[i] * n * n * n * n * (x - eK[i]);
            }, -0.1, -0.03);
            double u = v * 1e3 - vtMv[i];
            values[V] = v;
            values[M] = alphaM(u) / (alphaM(u) + betaM(u));
            values[N] = alphaN(u) / (alphaN(u) + betaN(u));
            values[H] = alphaH(u) / (alphaH(u) + betaH(u));
        }

        @Override
        public void derivatives(double[][] s, Drive d, double[][] ds, int from, int to) {
            double[] v = s[V], m = s[M], n = s[N], h = s[H];
            for (int i = from; i < to; i++) {
                double vi = v[i], u = vi * 1e3 - vtMv[i], mi = m[i], ni = n[i], hi = h[i];
                double gna = gNa[i] * mi * mi * mi * hi, gk = gKd[i] * ni * ni * ni * ni;
                ds[V][i] = (gL[i] * (eL[i] - vi) - gna * (vi - eNa[i]) - gk * (vi - eK[i]) + d.current[i]
                        + d.conductanceTimesReversal[i] - d.conductance[i] * vi) / c[i];
                ds[M][i] = 1e3 * (alphaM(u) * (1 - mi) - betaM(u) * mi);
                ds[N][i] = 1e3 * (alphaN(u) * (1 - ni) - betaN(u) * ni);
                ds[H][i] = 1e3 * (alphaH(u) * (1 - hi) - betaH(u) * hi);
            }
        }

        @Override
        public void linearForm(double[][] s, Drive d, double[][] a, double[][] b, int from, int to) {
            double[] v = s[V], m = s[M], n = s[N], h = s[H];
            double[] av = a[V], bv = b[V], am = a[M], bm = b[M], an = a[N], bn = b[N], ah = a[H], bh = b[H];
            double[] cur = d.current, g = d.conductance, gE = d.conductanceTimesReversal;
            primeSeriesBranches();
            for (int i = from; i < to; i++) {
                double u = v[i] * 1e3 - vtMv[i], mi = m[i], ni = n[i], hi = h[i];
                double gna = gNa[i] * mi * mi * mi * hi, n2 = ni * ni, gk = gKd[i] * n2 * n2;
                av[i] = -(gL[i] + gna + gk + g[i]) * invC[i];
                bv[i] = (gL[i] * eL[i] + gna * eNa[i] + gk * eK[i] + cur[i] + gE[i]) * invC[i];
                // the six rates from three exponentials and three square roots: exp(-u/4) and exp(-u/5) serve
                // alpha_m, beta_m, alpha_n and beta_h (their arguments differ by constants), and
                // exp(-u/40) = exp(-u/5)^(1/8) serves beta_n
                double e4 = Math.exp(-0.25 * u), e5 = Math.exp(-0.2 * u);
                double alm = 1.28 * xOverExpm1((13 - u) * 0.25, E13_4 * e4);
                double bem = 1.4 * betaMFactor((u - 40) * 0.2, e5);
                double aln = 0.16 * xOverExpm1((15 - u) * 0.2, E3 * e5);
                double beh = 4 / (1 + E8 * e5);
                double alh = 0.128 * Math.exp((17 - u) * (1.0 / 18));
                double ben = HALF_E_QUARTER * Math.sqrt(Math.sqrt(Math.sqrt(e5)));
                am[i] = -1e3 * (alm + bem);
                bm[i] = 1e3 * alm;
                an[i] = -1e3 * (aln + ben);
                bn[i] = 1e3 * aln;
                ah[i] = -1e3 * (alh + beh);
                bh[i] = 1e3 * alh;
            }
        }

        private static final double E13_4 = Math.exp(3.25), EM8 = Math.exp(-8), E3 = Math.exp(3), E8 = Math.exp(8),
                HALF_E_QUARTER = 0.5 * Math.exp(0.25);

        /**
         * Takes the series branches of {@link #xOverExpm1} and {@link #betaMFactor} once per call. A neuron reaches a
         * removable singularity only now and then; had the JIT never seen the branch taken it would compile it as a
         * trap, and the first neuron to get there would send the whole step back to the interpreter for a
         * recompilation (three of them in the first second of COBAHH, 15-20 ms each).
         */
        private static void primeSeriesBranches() {
            xOverExpm1(0, 1);
            betaMFactor(0, 1);
        }

        /** beta_m = 1.4 y / (exp(y) - 1) with exp(y) = e^-8 / e5: y e5 / (e^-8 - e5), the series near y = 0. */
        private static double betaMFactor(double y, double e5) {
            return Math.abs(y) < 1e-4 ? 1 - 0.5 * y + y * y / 12 : y * e5 / (EM8 - e5);
        }

        /** x / (exp(x) - 1) given exp(x); the series 1 - x/2 + x^2/12 where the difference would cancel. */
        private static double xOverExpm1(double x, double expX) {
            if (Math.abs(x) < 1e-4) return 1 - 0.5 * x + x * x / 12;
            return x / (expX - 1);
        }
    }
}
