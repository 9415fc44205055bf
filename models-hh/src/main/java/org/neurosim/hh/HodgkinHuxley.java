package org.neurosim.hh;

import java.util.List;
import org.neurosim.core.InvalidInputException;
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
 * The Hodgkin-Huxley (1952) squid giant axon at 6.3 degC, modern sign convention (../shared/science.md section 1):
 * <pre>
 *   C dV/dt = J_in - g_L (V - V_L) - g_Na m^3 h (V - V_Na) - g_K n^4 (V - V_K)
 *   dx/dt   = (x_inf(V) - x) / tau_x(V),  x_inf = a_x / (a_x + b_x),  tau_x = 1 / (a_x + b_x),  x in {n, m, h}
 *   a_n = 0.01 (V+55) / (1 - exp(-(V+55)/10))    b_n = 0.125 exp(-(V+65)/80)
 *   a_m = 0.1  (V+40) / (1 - exp(-(V+40)/10))    b_m = 4 exp(-(V+65)/18)
 *   a_h = 0.07 exp(-(V+65)/20)                   b_h = 1 / (1 + exp(-(V+35)/10))
 * </pre>
 * (V in mV, rates in 1/ms; the removable singularities at V = -55 and -40 mV are evaluated through
 * x / (1 - exp(-x)) without loss of accuracy.) Defaults C = 1 uF/cm^2, g_Na = 120, g_K = 36, g_L = 0.3 mS/cm^2,
 * V_Na = 50, V_K = -77, V_L = -54.387 mV. Input is a current density, or an absolute current when {@code area}
 * is set. A spike is an upward crossing of {@code spike_threshold}. The neuron starts at its resting steady state
 * (about -65.0 mV). Preferred integrator: {@code rk4}, because its fourth-order accuracy gives spike times within
 * 0.02 ms of the reference at dt = 0.01 ms while staying stable up to dt of about 0.1 ms; exponential-euler is
 * the robust choice for coarse steps but only first order.
 */
public final class HodgkinHuxley implements NeuronModel {
    @Override public String name() { return "hh"; }

    @Override public String description() {
        return "Hodgkin-Huxley 1952 squid axon: C dV/dt = J - g_L(V-V_L) - g_Na m^3 h (V-V_Na) - g_K n^4 (V-V_K)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.positive("c_m", Dimension.CAPACITANCE_DENSITY, "1 uF/cm^2", "membrane capacitance")
                        .range(1e-12, Double.POSITIVE_INFINITY),
                ParameterSpec.positive("g_na", Dimension.CONDUCTANCE_DENSITY, "120 mS/cm^2", "maximal Na+ conductance"),
                ParameterSpec.positive("g_k", Dimension.CONDUCTANCE_DENSITY, "36 mS/cm^2", "maximal K+ conductance"),
                ParameterSpec.positive("g_l", Dimension.CONDUCTANCE_DENSITY, "0.3 mS/cm^2", "leak conductance"),
                ParameterSpec.quantity("e_na", Dimension.VOLTAGE, "50 mV", "Na+ reversal potential"),
                ParameterSpec.quantity("e_k", Dimension.VOLTAGE, "-77 mV", "K+ reversal potential"),
                ParameterSpec.quantity("e_l", Dimension.VOLTAGE, "-54.387 mV", "leak reversal potential"),
                ParameterSpec.quantity("spike_threshold", Dimension.VOLTAGE, "0 mV", "upward crossing counted as a spike"),
                ParameterSpec.positive("area", Dimension.AREA, "0 um^2",
                        "membrane area; 0: input is a current density, > 0: input is an absolute current"));
    }

    /** Every parameter may take a value per neuron (a list or a distribution). */
    @Override
    public NeuronDynamics create(PopulationContext context, Parameters p) {
        int n = context.size();
        double[] area = p.values("area", n);
        for (double a : area) {
            if ((a > 0) != (area[0] > 0)) {
                throw new InvalidInputException(context.key() + ".params.area: either 0 for every neuron (input is a "
                        + "current density) or above 0 for every neuron (input is a current), not both");
            }
        }
        return new Dynamics(p.values("c_m", n), p.values("g_na", n), p.values("g_k", n), p.values("g_l", n),
                p.values("e_na", n), p.values("e_k", n), p.values("e_l", n), p.values("spike_threshold", n), area);
    }

    // gate rates one at a time, V in mV, result in 1/ms (resting state, tests)
    static double alphaN(double v) { return 0.1 * RateFunctions.vtrap((v + 55) / 10); }
    static double betaN(double v) { return 0.125 * Math.exp(-(v + 65) / 80); }
    static double alphaM(double v) { return RateFunctions.vtrap((v + 40) / 10); }
    static double betaM(double v) { return 4 * Math.exp(-(v + 65) / 18); }
    static double alphaH(double v) { return 0.07 * Math.exp(-(v + 65) / 20); }
    static double betaH(double v) { return 1 / (1 + Math.exp(-(v + 35) / 10)); }

    /**
     * The six rates at one voltage from three exponentials and a square root: with w = V + 65 mV,
     * exp(-(V+55)/10), exp(-(V+40)/10) and exp(-(V+35)/10) are constants times exp(-w/10), and
     * exp(-w/20) = sqrt(exp(-w/10)). The removable singularities use the series 1 + x/2 + x^2/12 of
     * x / (1 - exp(-x)) for |x| &lt; 1e-4, where the difference would cancel. About 2.5x cheaper than six calls
     * of the functions above (Math.expm1 is not a JIT intrinsic), and equal to them within 1e-12 relative.
     */
    static final class Rates {
        private static final double E1 = Math.exp(1), E25 = Math.exp(2.5), E3 = Math.exp(3);
        double an, bn, am, bm, ah, bh;

        void at(double v) {
            double w = v + 65;
            double e10 = Math.exp(-0.1 * w);
            an = 0.1 * xOverOneMinusExp(0.1 * w - 1, E1 * e10);
            am = xOverOneMinusExp(0.1 * w - 2.5, E25 * e10);
            bh = 1 / (1 + E3 * e10);
            ah = 0.07 * Math.sqrt(e10);
            bn = 0.125 * Math.exp(-w * (1.0 / 80));
            bm = 4 * Math.exp(-w * (1.0 / 18));
        }

        /** x / (1 - exp(-x)) given exp(-x). */
        private static double xOverOneMinusExp(double x, double expMinusX) {
            if (Math.abs(x) < 1e-4) return 1 + x * (0.5 + x * (1.0 / 12));
            return x / (1 - expMinusX);
        }
    }

    /** Population equations; state in SI: V (volts), n, m, h. Parameters per neuron (arrays of the population's size). */
    static final class Dynamics implements ConditionallyLinear {
        static final int V = 0, N = 1, M = 2, H = 3;
        final double[] cm, gNa, gK, gL, eNa, eK, eL, area;
        private final SpikeRule rule;
        private final double[] inputScale;

        Dynamics(double[] cm, double[] gNa, double[] gK, double[] gL, double[] eNa, double[] eK, double[] eL,
                 double[] threshold, double[] area) {
            this.cm = cm;
            this.gNa = gNa;
            this.gK = gK;
            this.gL = gL;
            this.eNa = eNa;
            this.eK = eK;
            this.eL = eL;
            SpikeRule one = SpikeRule.threshold(threshold[0]);
            this.rule = PerNeuronRest.allEqual(threshold) ? one : one.perNeuron(threshold, null);
            this.area = area;
            this.inputScale = new double[area.length];
            for (int i = 0; i < area.length; i++) inputScale[i] = area[i] > 0 ? 1 / area[i] : 1;
        }

        @Override
        public List<StateVariable> stateVariables() {
            return List.of(new StateVariable("v", Dimension.VOLTAGE), new StateVariable("n", Dimension.DIMENSIONLESS),
                    new StateVariable("m", Dimension.DIMENSIONLESS), new StateVariable("h", Dimension.DIMENSIONLESS));
        }

        @Override public Dimension inputDimension() { return area[0] > 0 ? Dimension.CURRENT : Dimension.CURRENT_DENSITY; }
        /** A spike is the upstroke through {@code spike_threshold}; HH needs no reset. */
        @Override public SpikeRule spikeRule() { return rule; }
        @Override public String preferredIntegrator() { return "rk4"; }

        /** Net ionic plus injected current density (A/m^2) of neuron i at steady-state gates: zero at rest. */
        double steadyCurrent(int i, double v, double input) {
            double mv = v * 1e3;
            double n = alphaN(mv) / (alphaN(mv) + betaN(mv));
            double m = alphaM(mv) / (alphaM(mv) + betaM(mv));
            double h = alphaH(mv) / (alphaH(mv) + betaH(mv));
            return input - gL[i] * (v - eL[i]) - gNa[i] * m * m * m * h * (v - eNa[i])
                    - gK[i] * n * n * n * n * (v - eK[i]);
        }

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
            return cm[i] == cm[j] && gNa[i] == gNa[j] && gK[i] == gK[j] && gL[i] == gL[j] && eNa[i] == eNa[j]
                    && eK[i] == eK[j] && eL[i] == eL[j];
        }

        private void restingState(int i, double[] values) {
            double v = new BrentSolver(1e-14, 1e-14).solve(200, x -> steadyCurrent(i, x, 0), -0.090, -0.040);
            double mv = v * 1e3;
            values[V] = v;
            values[N] = alphaN(mv) / (alphaN(mv) + betaN(mv));
            values[M] = alphaM(mv) / (alphaM(mv) + betaM(mv));
            values[H] = alphaH(mv) / (alphaH(mv) + betaH(mv));
        }

        @Override
        public void derivatives(double[][] s, Drive d, double[][] ds, int from, int to) {
            double[] v = s[V], n = s[N], m = s[M], h = s[H];
            Rates r = new Rates();
            for (int i = from; i < to; i++) {
                double vi = v[i], mv = vi * 1e3;
                double ni = n[i], mi = m[i], hi = h[i];
                double gna = gNa[i] * mi * mi * mi * hi, gk = gK[i] * ni * ni * ni * ni;
                double input = (d.current[i] + d.conductanceTimesReversal[i] - d.conductance[i] * vi) * inputScale[i];
                ds[V][i] = (input - gL[i] * (vi - eL[i]) - gna * (vi - eNa[i]) - gk * (vi - eK[i])) / cm[i];
                r.at(mv);
                double an = r.an, bn = r.bn, am = r.am, bm = r.bm, ah = r.ah, bh = r.bh;
                ds[N][i] = 1e3 * (an * (1 - ni) - bn * ni);
                ds[M][i] = 1e3 * (am * (1 - mi) - bm * mi);
                ds[H][i] = 1e3 * (ah * (1 - hi) - bh * hi);
            }
        }

        @Override
        public void linearForm(double[][] s, Drive d, double[][] a, double[][] b, int from, int to) {
            double[] v = s[V], n = s[N], m = s[M], h = s[H];
            Rates r = new Rates();
            for (int i = from; i < to; i++) {
                double vi = v[i], mv = vi * 1e3;
                double ni = n[i], mi = m[i], hi = h[i];
                double gna = gNa[i] * mi * mi * mi * hi, gk = gK[i] * ni * ni * ni * ni;
                double gSyn = d.conductance[i] * inputScale[i];
                a[V][i] = -(gL[i] + gna + gk + gSyn) / cm[i];
                b[V][i] = ((d.current[i] + d.conductanceTimesReversal[i]) * inputScale[i] + gL[i] * eL[i]
                        + gna * eNa[i] + gk * eK[i]) / cm[i];
                r.at(mv);
                double an = r.an, bn = r.bn, am = r.am, bm = r.bm, ah = r.ah, bh = r.bh;
                a[N][i] = -1e3 * (an + bn);
                b[N][i] = 1e3 * an;
                a[M][i] = -1e3 * (am + bm);
                b[M][i] = 1e3 * am;
                a[H][i] = -1e3 * (ah + bh);
                b[H][i] = 1e3 * ah;
            }
        }
    }
}
