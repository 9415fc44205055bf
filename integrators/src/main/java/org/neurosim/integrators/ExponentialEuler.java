package org.neurosim.integrators;

import java.util.Optional;
import org.neurosim.core.integrate.GridStepper;
import org.neurosim.core.integrate.IntegratorContext;
import org.neurosim.core.model.ConditionallyLinear;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.param.Parameters;

/**
 * Exponential Euler for conditionally linear equations ds/dt = a(s') s + b(s'), each variable solved exactly over
 * the step with the others held at their start values:
 * s_(k+1) = s_k + (a s_k + b) (exp(a dt) - 1) / a   (-> s_k + b dt as a -> 0). Order 1; stable for stiff gates.
 * A synaptic conductance enters a and b as its mean over the step, (1/dt) int_0^dt g(t_k + s) ds (see
 * {@link org.neurosim.core.model.Drive#meanConductance}), so the step takes in its exact integral.
 */
public final class ExponentialEuler extends FixedStepIntegrator {
    @Override public String name() { return "exponential-euler"; }
    @Override public String description() {
        return "exponential Euler for conditionally linear equations (HH gates)";
    }
    @Override public int order() { return 1; }

    @Override
    public Optional<String> unsupportedReason(NeuronDynamics d) {
        return d instanceof ConditionallyLinear ? Optional.empty()
                : Optional.of("the model's equations are not conditionally linear");
    }

    @Override
    public GridStepper create(IntegratorContext context, Parameters p) {
        NeuronDynamics d = context.dynamics();
        int size = context.size();
        ConditionallyLinear cl = (ConditionallyLinear) d;
        double[][] a = scratch(d, size), b = scratch(d, size);
        double[] e = new double[size], start = new double[size];
        return (s, drive, dt, from, to) -> {
            drive.meanConductance(from, to);   // one stage: the conductance's exact integral over the step
            cl.linearForm(s, drive, a, b, from, to);
            for (int v = 0; v < s.length; v++) advance(s[v], a[v], b[v], e, start, dt, from, to);
        };
    }

    /**
     * One variable over neurons from..to in three passes: the exponentials alone (a tight loop of intrinsic calls,
     * which also notes the first neuron with |a dt| below 1e-5), the update with no call and no branch (so the JIT
     * vectorises its division), then, only if there are any, those rare neurons redone with the series.
     */
    private static void advance(double[] s, double[] a, double[] b, double[] e, double[] start, double dt,
                                int from, int to) {
        int small = exponentials(a, e, dt, from, to);
        if (small < 0) {
            update(s, a, b, e, from, to);
            return;
        }
        System.arraycopy(s, small, start, small, to - small);   // the rare case keeps the start values
        update(s, a, b, e, from, to);
        for (int i = small; i < to; i++) {
            if (Math.abs(a[i] * dt) < 1e-5) s[i] = start[i] + (a[i] * start[i] + b[i]) * phi(a[i], dt);
        }
    }

    /** e = exp(a dt); returns the first neuron with |a dt| &lt; 1e-5, or -1. */
    private static int exponentials(double[] a, double[] e, double dt, int from, int to) {
        int small = -1;
        for (int i = from; i < to; i++) {
            double x = a[i] * dt;
            e[i] = Math.exp(x);
            if (Math.abs(x) < 1e-5 && small < 0) small = i;
        }
        return small;
    }

    /** s += (a s + b) (E - 1) / a with E = e. */
    private static void update(double[] s, double[] a, double[] b, double[] e, int from, int to) {
        for (int i = from; i < to; i++) {
            double si = s[i], ai = a[i];
            s[i] = si + (ai * si + b[i]) * ((e[i] - 1) / ai);
        }
    }

    /**
     * (exp(a dt) - 1) / a. Math.exp is an intrinsic and three times faster than Math.expm1, and exp(x) - 1 loses
     * at most 2e-11 relative accuracy for |x| &gt;= 1e-5; below that the series dt (1 + x/2 + x^2/6) is exact to
     * rounding.
     */
    static double phi(double a, double dt) {
        double x = a * dt;
        if (Math.abs(x) < 1e-5) return dt * (1 + x * (0.5 + x * (1.0 / 6)));
        return (Math.exp(x) - 1) / a;
    }
}
