package org.neurosim.integrators;

import java.util.Optional;
import org.neurosim.core.integrate.GridStepper;
import org.neurosim.core.integrate.IntegratorContext;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.Stochastic;
import org.neurosim.core.param.Parameters;

/**
 * Euler-Maruyama for stochastic equations ds = f(s) dt + sum_j g_j dW_j ({@link Stochastic}, an equations model
 * with {@code xi}): s_(n+1) = s_n + f(s_n) dt + sum_j g_j(s_n) sqrt(dt) z_j, z_j standard normal deviates of step n
 * ({@link Stochastic#normals}: counter-based, the same at any thread count and after a checkpoint). For additive
 * noise (g free of the state variables), which is all it takes, as Brian2's {@code euler}, it is of strong order 1
 * and weak order 1; the drift is Euler's, with a synaptic conductance taken as its mean over the step. On an
 * Ornstein-Uhlenbeck process dv = (mu - v)/tau dt + sigma sqrt(2/tau) dW its stationary variance is
 * sigma^2 / (1 - dt/(2 tau)), not sigma^2: the scheme's own bias, of order dt/tau.
 */
public final class EulerMaruyama extends FixedStepIntegrator {
    @Override public String name() { return "euler-maruyama"; }

    @Override public String description() {
        return "Euler-Maruyama for equations with white noise xi (additive noise), s += dt f(s) + sqrt(dt) g z";
    }

    /** Strong order for additive noise (the only noise it takes); weak order 1 too. */
    @Override public int order() { return 1; }

    @Override public boolean integratesNoise() { return true; }

    @Override
    public Optional<String> unsupportedReason(NeuronDynamics d) {
        if (!(d instanceof Stochastic s)) {
            return Optional.of("its equations have no noise (xi); euler-maruyama is for stochastic equations, and "
                    + "without noise it is euler");
        }
        if (!s.additiveNoise()) {
            return Optional.of("its noise is multiplicative (a coefficient of " + String.join(", ", s.noiseSources())
                    + " depends on a state variable), which euler-maruyama does not integrate (as Brian2's euler); "
                    + "milstein and a stochastic heun, which do, are not there yet");
        }
        return Optional.empty();
    }

    @Override
    public GridStepper create(IntegratorContext context, Parameters p) {
        NeuronDynamics d = context.dynamics();
        Stochastic st = (Stochastic) d;
        int size = context.size(), sources = st.noiseSources().size(), vars = d.stateVariables().size();
        double[][] f = scratch(d, size);
        double[][][] g = new double[sources][vars][size];
        double[][] z = new double[sources][size];
        return (s, drive, dt, from, to) -> {
            long n = drive.step();
            if (n < 0) throw new IllegalStateException("euler-maruyama: the drive does not say which step it is for "
                    + "(Drive.atStep), so the noise cannot be drawn");
            drive.meanConductance(from, to);   // one stage: the conductance's exact integral over the step
            d.derivatives(s, drive, f, from, to);
            st.noise(s, drive, g, from, to);
            st.normals(n, z, from, to);
            double h = Math.sqrt(dt);
            for (int k = 0; k < vars; k++) {
                double[] sk = s[k], fk = f[k];
                for (int i = from; i < to; i++) sk[i] += dt * fk[i];
                for (int j = 0; j < sources; j++) {
                    double[] gk = g[j][k], zj = z[j];
                    for (int i = from; i < to; i++) sk[i] += h * gk[i] * zj[i];
                }
            }
        };
    }
}
