package org.neurosim.lif;

import java.util.List;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.units.Dimension;

/**
 * The leaky integrate-and-fire neuron (../shared/science.md section 2):
 * <pre>
 *   tau_m dV/dt = -(V - v_rest) + input        while V &lt; v_th
 *   V reaches v_th  -&gt;  spike, V = v_reset, held for tau_ref
 * </pre>
 * With its defaults (v_rest 0, v_th 1, v_reset 0, bare numbers) it is the course's normalised model
 * tau_m dv/dt = v_in - v with steady rate G(v_in) = 1 / (tau_ref - tau_m ln(1 - 1/v_in)) for v_in &gt; 1.
 * With voltages in mV it is the physical model of the CUBA benchmark; all voltage-like parameters and the input
 * share one dimension. With {@code c_m} (NEST's iaf_psc_exp / iaf_psc_alpha) the input is a current I:
 * C_m dV/dt = -(C_m / tau_m)(V - v_rest) + I, that is tau_m dV/dt = -(V - v_rest) + (tau_m / C_m) I.
 * Preferred integrator: {@code exact}, which also integrates current synapses in closed form (LifSynapses).
 *
 * <p>Every parameter may be given per neuron in a population's {@code params}, as a list of one value per neuron or a
 * distribution drawn per neuron ({@code tau_m: [10 ms, 20 ms]}, {@code v_th: "normal(-50 mV, 1 mV)"}; PyNN's lists and
 * RandomDistributions). Each neuron then behaves exactly as a population of that one neuron with its values, under
 * every integrator: the grid ones (derivatives, and the spike rule's threshold, reset and refractory period in whole
 * steps), {@code exact} (crossing times, anchors, current synapses in closed form with each neuron's propagators) and
 * {@code exact-grid} (each neuron's tau_ref in whole steps). The rate curve is then each neuron's
 * ({@code analyticRate(neuron, input)}). The capacitance is given to every neuron or to none (the input is a current
 * for all or a voltage for all); v_th must be above v_reset for each neuron.
 */
public final class LeakyIntegrateAndFire implements NeuronModel {
    public static final String NAME = "lif";

    @Override public String name() { return NAME; }

    @Override public String description() {
        return "leaky integrate-and-fire: tau_m dV/dt = -(V - v_rest) + input; spike at v_th, reset to v_reset, "
                + "refractory tau_ref";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.positive("tau_m", Dimension.TIME, "20 ms", "membrane time constant R C")
                        .range(1e-12, Double.POSITIVE_INFINITY),
                ParameterSpec.positive("tau_ref", Dimension.TIME, "2 ms", "refractory period"),
                voltage("v_rest", "0", "resting potential (leak reversal)"),
                voltage("v_th", "1", "spike threshold"),
                voltage("v_reset", "0", "reset potential after a spike"),
                ParameterSpec.positive("c_m", Dimension.CAPACITANCE, "0 pF",
                        "membrane capacitance; when set (> 0) the input is a current and voltages are in volts"));
    }

    private static ParameterSpec voltage(String name, String def, String description) {
        return ParameterSpec.quantity(name, Dimension.DIMENSIONLESS, def,
                description + " (a bare number in the normalised model, or a voltage)").alsoAccepting(Dimension.VOLTAGE);
    }

    @Override
    public NeuronDynamics create(PopulationContext context, Parameters p) {
        Dimension d = p.dimensionOf("v_th");
        for (String k : List.of("v_rest", "v_reset")) {
            if (!p.dimensionOf(k).equals(d)) {
                throw new InvalidInputException(k + ": v_rest, v_th and v_reset must share one unit; v_th is "
                        + d.describe() + " but " + k + " is '" + p.text(k) + "'");
            }
        }
        LifParameters values = values(context, p);
        boolean current = hasCapacitance(p, context);
        if (current && !d.equals(Dimension.VOLTAGE)) {
            throw new InvalidInputException("c_m: with a capacitance the input is a current and v_rest, v_th, v_reset "
                    + "are voltages; got v_th '" + p.text("v_th") + "'");
        }
        return new LifDynamics(values, d, current, context.size(), context.dt());
    }

    /**
     * The parameters' values, one for all or one per neuron, checked per neuron (v_th above v_reset; a capacitance
     * for every neuron or for none). Shared with lif-cond.
     */
    static LifParameters values(PopulationContext context, Parameters p) {
        int n = context.size();
        double[] vTh = each(p, "v_th", n), vReset = each(p, "v_reset", n);
        for (int i = 0, m = Math.max(vTh.length, vReset.length); i < m; i++) {
            double th = vTh[vTh.length == 1 ? 0 : i], reset = vReset[vReset.length == 1 ? 0 : i];
            if (!(th > reset)) {
                throw new InvalidInputException(m == 1
                        ? "v_th: expected a threshold above v_reset (" + p.text("v_reset") + "), got '"
                        + p.text("v_th") + "'"
                        : "v_th: expected a threshold above v_reset for every neuron; neuron " + i + " has v_th "
                        + th + " and v_reset " + reset + " (SI)");
            }
        }
        hasCapacitance(p, context);
        return new LifParameters(n, each(p, "tau_m", n), each(p, "tau_ref", n), each(p, "v_rest", n), vTh, vReset,
                each(p, "c_m", n), context.dt());
    }

    /** True when c_m is given (> 0), which must then be for every neuron. */
    static boolean hasCapacitance(Parameters p, PopulationContext context) {
        if (p.uniform("c_m")) return p.get("c_m") > 0;
        double[] cm = p.values("c_m", context.size());
        for (int i = 0; i < cm.length; i++) {
            if (!(cm[i] > 0)) {
                throw new InvalidInputException("c_m: give a capacitance to every neuron or to none (the input is a "
                        + "current for all or a voltage for all); neuron " + i + " has none");
            }
        }
        return true;
    }

    /**
     * One value per neuron; a parameter alike for all as an array of length 1 (LifParameters reads element 0 of
     * each array when all are alike), so that a large population whose values are alike allocates nothing per neuron.
     */
    private static double[] each(Parameters p, String name, int n) {
        return p.uniform(name) ? new double[] {p.get(name)} : p.values(name, n);
    }

    /**
     * The course's LIF rate curve G(v_in) = 1 / (tau_ref - tau_m ln(1 - 1/v_in)) for v_in &gt; 1, 0 otherwise
     * (normalised input; times in seconds, rate in Hz).
     */
    public static double rate(double vIn, double tauRef, double tauM) {
        if (!(vIn > 1)) return 0;
        return 1.0 / (tauRef - tauM * Math.log1p(-1.0 / vIn));
    }

    /** dG/dv_in = tau_m G^2 / (v_in (v_in - 1)) for v_in &gt; 1, 0 below. */
    public static double rateDerivative(double vIn, double tauRef, double tauM) {
        if (!(vIn > 1)) return 0;
        double g = rate(vIn, tauRef, tauM);
        return tauM * g * g / (vIn * (vIn - 1));
    }
}
