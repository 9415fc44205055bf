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
        if (!(p.get("v_th") > p.get("v_reset"))) {
            throw new InvalidInputException("v_th: expected a threshold above v_reset (" + p.text("v_reset")
                    + "), got '" + p.text("v_th") + "'");
        }
        double cm = p.get("c_m");
        if (cm > 0 && !d.equals(Dimension.VOLTAGE)) {
            throw new InvalidInputException("c_m: with a capacitance the input is a current and v_rest, v_th, v_reset "
                    + "are voltages; got v_th '" + p.text("v_th") + "'");
        }
        return new LifDynamics(p.get("tau_m"), p.get("tau_ref"), p.get("v_rest"), p.get("v_th"), p.get("v_reset"), d,
                cm, context.size(), context.dt());
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
