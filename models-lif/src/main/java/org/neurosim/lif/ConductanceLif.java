package org.neurosim.lif;

import java.util.List;
import org.neurosim.core.InvalidInputException;
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
 * Leaky integrate-and-fire with conductance-based synapses (NEST's iaf_cond_exp, the neuron of Song, Miller &amp;
 * Abbott 2000 and of Brian2's STDP example):
 * <pre>
 *   tau_m dV/dt = (v_rest - V) + R (I + sum_k g_k (E_k - V))      while V &lt; v_th
 *   V reaches v_th  -&gt;  spike, V = v_reset, held for tau_ref
 * </pre>
 * with R = 1 and conductances relative to the leak (bare numbers) in the normalised form, or R = tau_m / c_m and
 * conductances in siemens when {@code c_m} is given. With g held over a step, V obeys dV/dt = a V + b with
 * a = -(1 + R g) / tau_m and b = (v_rest + R (I + sum g_k E_k)) / tau_m, which {@code exponential-euler} (the
 * default) solves exactly; the threshold is checked at the end of each step and the crossing time interpolated.
 *
 * <p>Every parameter may be given per neuron (a list or a distribution in a population's {@code params}, as for
 * {@link LeakyIntegrateAndFire}): each neuron then has its own a and b, threshold, reset and refractory period, and
 * behaves exactly as a population of that one neuron with its values.
 */
public final class ConductanceLif implements NeuronModel {
    public static final String NAME = "lif-cond";

    @Override public String name() { return NAME; }

    @Override
    public String description() {
        return "leaky integrate-and-fire with conductance synapses: tau_m dV/dt = (v_rest - V) + R (I + sum g (E - V))";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return new LeakyIntegrateAndFire().parameters();
    }

    @Override
    public NeuronDynamics create(PopulationContext context, Parameters p) {
        Dimension d = p.dimensionOf("v_th");
        if (!d.equals(Dimension.VOLTAGE)) {
            throw new InvalidInputException("v_th: lif-cond takes voltages (conductance synapses drive V towards "
                    + "their reversal potentials), got '" + p.text("v_th") + "'");
        }
        for (String k : List.of("v_rest", "v_reset")) {
            if (!p.dimensionOf(k).equals(d)) {
                throw new InvalidInputException(k + ": expected a voltage like v_th, got '" + p.text(k) + "'");
            }
        }
        LifParameters v = LeakyIntegrateAndFire.values(context, p);   // checks v_th > v_reset for each neuron
        Dimension input = LeakyIntegrateAndFire.hasCapacitance(p, context) ? Dimension.CURRENT : Dimension.VOLTAGE;
        SpikeRule rule = LifDynamics.spikeRule(v);
        if (v.oneMembrane) return new Dynamics(v.tauM, v.scale, v.vRest, input, rule);   // v_th etc. in the rule
        return new EachNeuron(v.tauMs, v.scales, v.vRests, input, rule);
    }

    /** The same equations with each neuron's tau_m, R and v_rest. */
    private record EachNeuron(double[] tau, double[] r, double[] vRest, Dimension input, SpikeRule rule)
            implements ConditionallyLinear {
        @Override public List<StateVariable> stateVariables() { return List.of(new StateVariable("v", Dimension.VOLTAGE)); }
        @Override public Dimension inputDimension() { return input; }
        /** Neuron 0's; {@link #restingState(double[][])} gives each its own. */
        @Override public void restingState(double[] values) { values[0] = vRest[0]; }
        @Override public String preferredIntegrator() { return "exponential-euler"; }
        @Override public SpikeRule spikeRule() { return rule; }

        @Override
        public void restingState(double[][] state) {
            if (state[0].length != vRest.length) {
                throw new IllegalStateException("lif-cond: parameters given for " + vRest.length + " neurons, "
                        + state[0].length + " in the state");
            }
            System.arraycopy(vRest, 0, state[0], 0, vRest.length);
        }

        @Override
        public void derivatives(double[][] s, Drive drive, double[][] ds, int from, int to) {
            double[] v = s[0], dv = ds[0], in = drive.current, g = drive.conductance, ge = drive.conductanceTimesReversal;
            for (int i = from; i < to; i++) {
                dv[i] = (vRest[i] - v[i] + r[i] * (in[i] + ge[i] - g[i] * v[i])) / tau[i];
            }
        }

        @Override
        public void linearForm(double[][] s, Drive drive, double[][] a, double[][] b, int from, int to) {
            double[] in = drive.current, g = drive.conductance, ge = drive.conductanceTimesReversal;
            double[] a0 = a[0], b0 = b[0];
            for (int i = from; i < to; i++) {
                a0[i] = -(1 + r[i] * g[i]) / tau[i];
                b0[i] = (vRest[i] + r[i] * (in[i] + ge[i])) / tau[i];
            }
        }
    }

    private record Dynamics(double tau, double r, double vRest, Dimension input, SpikeRule rule)
            implements ConditionallyLinear {
        @Override public List<StateVariable> stateVariables() { return List.of(new StateVariable("v", Dimension.VOLTAGE)); }
        @Override public Dimension inputDimension() { return input; }
        @Override public void restingState(double[] values) { values[0] = vRest; }
        @Override public String preferredIntegrator() { return "exponential-euler"; }
        @Override public SpikeRule spikeRule() { return rule; }

        @Override
        public void derivatives(double[][] s, Drive drive, double[][] ds, int from, int to) {
            double[] v = s[0], dv = ds[0], in = drive.current, g = drive.conductance, ge = drive.conductanceTimesReversal;
            for (int i = from; i < to; i++) {
                dv[i] = (vRest - v[i] + r * (in[i] + ge[i] - g[i] * v[i])) / tau;
            }
        }

        @Override
        public void linearForm(double[][] s, Drive drive, double[][] a, double[][] b, int from, int to) {
            double[] in = drive.current, g = drive.conductance, ge = drive.conductanceTimesReversal;
            double[] a0 = a[0], b0 = b[0];
            for (int i = from; i < to; i++) {
                a0[i] = -(1 + r * g[i]) / tau;
                b0[i] = (vRest + r * (in[i] + ge[i])) / tau;
            }
        }
    }
}
