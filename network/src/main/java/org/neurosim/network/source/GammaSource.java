package org.neurosim.network.source;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.source.SpikeSource;
import org.neurosim.core.source.SpikeSourceModel;
import org.neurosim.core.units.Dimension;

/**
 * Independent gamma-process spike trains (NEST's {@code gamma_sup_generator} with one component process, PyNN's
 * {@code SpikeSourceGamma}): each neuron is a renewal process whose intervals follow a gamma distribution of integer
 * shape k ({@code shape}) and rate parameter k r, r being the train's mean rate ({@code rate}):
 * <pre>
 *   f(t) = (k r)^k t^(k-1) exp(-k r t) / (k-1)!,   mean ISI 1/r,   variance 1/(k r^2),   CV = 1/sqrt(k).
 * </pre>
 * k = 1 is a Poisson process; a larger k is more regular. An interval is drawn exactly as the sum of k exponential
 * intervals of rate k r (the k phases of NEST's generator), -ln((1-u_1)...(1-u_k)) / (k r) as a sum of logarithms,
 * and its spike keeps its exact time inside the step.
 *
 * <p>Parameters as PyNN and NEST name them: PyNN's {@code alpha} is {@code shape} (NEST's {@code gamma_shape});
 * PyNN's {@code beta} is the rate parameter of the interval distribution, in Hz, so the mean rate is
 * {@code rate} = beta / alpha (the mean ISI alpha / beta), NEST's {@code rate} (PyNN's translation to NEST is the
 * same, rate = beta / alpha).
 *
 * <p>Initial phase: each train is stationary from t = 0. The stationary process is in each of its k phases with
 * probability 1/k, so the first spike comes after m exponential phases of rate k r, m uniform in 1..k (the
 * forward recurrence time, density r (1 - F(t))). NEST starts its single component process in the last phase
 * instead (n_proc / k rounded down in each phase, the rest in the last), which is stationary only for many
 * components; its phases move at most one per step with probability k r dt (a discrete-time approximation), its
 * spikes are on the grid.
 */
public final class GammaSource implements SpikeSourceModel {
    /** The largest {@code shape}: each interval costs k logarithms. */
    static final int MAX_SHAPE = 1000;

    @Override public String name() { return "gamma"; }
    @Override public String description() {
        return "source: independent gamma-process trains (integer shape k, mean rate; ISI CV = 1/sqrt(k))";
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> all = new ArrayList<>(List.of(
                ParameterSpec.integer("shape", "2", 1, MAX_SHAPE,
                        "order k of the gamma interval distribution (PyNN's alpha); 1: Poisson"),
                ParameterSpec.positive("rate", Dimension.FREQUENCY, "10 Hz",
                        "mean rate of each neuron (PyNN's beta / alpha)")));
        all.addAll(RenewalTrains.window());
        return all;
    }

    @Override
    public SpikeSource create(PopulationContext c, Parameters p) {
        int n = c.size();
        double[] shape = p.values("shape", n), rate = p.values("rate", n);
        int[] k = new int[n];
        double[] scale = new double[n];   // an exponential phase of rate k r, in seconds per Exp(1)
        for (int i = 0; i < n; i++) {
            k[i] = (int) shape[i];
            scale[i] = 1 / (k[i] * rate[i]);
        }
        RenewalTrains.checkWindow(c, p);
        return new RenewalTrains(c, p) {
            @Override
            double interval(int i, SplittableRandom random) {
                return rate[i] == 0 ? Double.POSITIVE_INFINITY : erlang(k[i], random) * scale[i];
            }

            @Override
            double firstSpike(int i, SplittableRandom random) {
                return rate[i] == 0 ? Double.POSITIVE_INFINITY : erlang(1 + random.nextInt(k[i]), random) * scale[i];
            }
        };
    }

    /** The sum of m independent Exp(1) draws. */
    private static double erlang(int m, SplittableRandom random) {
        double s = 0;
        for (int j = 0; j < m; j++) s += RenewalTrains.exponential(random);
        return s;
    }
}
