package org.example.izhikevich;

import java.util.List;
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
 * The Izhikevich (2003) simple model:
 * <pre>
 *   v' = 0.04 v^2 + 5 v + 140 - u + I
 *   u' = a (b v - u)
 *   if v &gt;= v_peak (30 mV): v = c, u = u + d
 * </pre>
 * with v and u in mV, t in ms and I a bare number, as in the paper. Defaults a = 0.02, b = 0.2, c = -65 mV,
 * d = 8 mV: regular spiking. The state is kept in SI (volts); since mV/ms = V/s the derivatives keep the paper's
 * numbers. At rest (I = 0) v is the stable root of 0.04 v^2 + (5 - b) v + 140 = 0, -70 mV for b = 0.2.
 */
public final class Izhikevich implements NeuronModel {
    @Override public String name() { return "izhikevich"; }

    @Override public String description() {
        return "Izhikevich 2003: v' = 0.04v^2 + 5v + 140 - u + I, u' = a(bv - u); at 30 mV v = c, u += d";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.quantity("a", Dimension.DIMENSIONLESS, "0.02", "recovery rate (1/ms)"),
                ParameterSpec.quantity("b", Dimension.DIMENSIONLESS, "0.2", "sensitivity of u to v"),
                ParameterSpec.quantity("c", Dimension.VOLTAGE, "-65 mV", "reset potential"),
                ParameterSpec.quantity("d", Dimension.VOLTAGE, "8 mV", "reset increment of u"),
                ParameterSpec.quantity("v_peak", Dimension.VOLTAGE, "30 mV", "spike cut-off"));
    }

    @Override
    public NeuronDynamics create(PopulationContext context, Parameters p) {
        return new Dynamics(p.get("a"), p.get("b"), p.get("c") * 1e3, p.get("d") * 1e3, p.get("v_peak"));
    }

    static final class Dynamics implements NeuronDynamics {
        private final double a, b, cMv, dMv, vPeak;

        Dynamics(double a, double b, double cMv, double dMv, double vPeak) {
            this.a = a;
            this.b = b;
            this.cMv = cMv;
            this.dMv = dMv;
            this.vPeak = vPeak;
        }

        @Override
        public List<StateVariable> stateVariables() {
            return List.of(new StateVariable("v", Dimension.VOLTAGE), new StateVariable("u", Dimension.VOLTAGE));
        }

        @Override public Dimension inputDimension() { return Dimension.DIMENSIONLESS; }
        @Override public String preferredIntegrator() { return "euler"; }

        @Override
        public void restingState(double[] values) {
            // stable root of 0.04 v^2 + (5 - b) v + 140 = 0
            double p = 5 - b;
            double v = (-p - Math.sqrt(p * p - 4 * 0.04 * 140)) / (2 * 0.04);
            values[0] = v * 1e-3;
            values[1] = b * v * 1e-3;
        }

        @Override
        public void derivatives(double[][] s, Drive drive, double[][] ds, int from, int to) {
            double[] v = s[0], u = s[1], dv = ds[0], du = ds[1], in = drive.current;
            for (int i = from; i < to; i++) {
                double vm = v[i] * 1e3, um = u[i] * 1e3;
                dv[i] = 0.04 * vm * vm + 5 * vm + 140 - um + in[i];   // mV/ms = V/s
                du[i] = a * (b * vm - um);
            }
        }

        /** v reaches v_peak: spike, then v = c and u += d. */
        @Override
        public SpikeRule spikeRule() {
            double c = cMv * 1e-3, d = dMv * 1e-3;
            return new SpikeRule(0, vPeak, 0, false, (s, i) -> {
                s[0][i] = c;
                s[1][i] += d;
            });
        }
    }
}
