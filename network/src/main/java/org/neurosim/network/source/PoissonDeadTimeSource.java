package org.neurosim.network.source;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.source.SpikeSource;
import org.neurosim.core.source.SpikeSourceModel;
import org.neurosim.core.units.Dimension;

/**
 * Independent Poisson trains with dead time (NEST's {@code ppd_sup_generator} with one component process, PyNN's
 * {@code SpikeSourcePoissonRefractory}): after each spike a neuron cannot spike for {@code dead_time} d, then it
 * spikes with the constant hazard h = r / (1 - r d), so that its mean rate is {@code rate} r (NEST's
 * 1 / (1/r - d)). The intervals are d plus an exponential interval of rate h:
 * <pre>
 *   f(t) = h exp(-h (t - d)) for t &gt;= d, 0 before;   mean ISI d + 1/h = 1/r;   variance 1/h^2;
 *   CV = (1/h) / (1/r) = 1 - r d.
 * </pre>
 * r d must be below 1 (a mean interval longer than the dead time), as NEST requires; d = 0 is a Poisson process.
 * Each interval is drawn exactly, d - ln(1 - u) / h, and its spike keeps its exact time inside the step. PyNN's
 * {@code tau_refrac} is {@code dead_time}, its {@code rate} is {@code rate}.
 *
 * <p>Initial phase: each train is stationary from t = 0. The first spike follows the forward recurrence time, of
 * density r (1 - F(t)): r on [0, d), then r exp(-h (t - d)); so with probability r d (the neuron is in its dead
 * time) it comes uniformly in [0, d), otherwise at d plus an exponential interval of rate h. NEST's generator with
 * one component process starts it out of its dead time (r n_proc dt, rounded down, processes in each dead-time
 * bin: none), so its first spike comes at an exponential time of rate h and its rate starts above r; it also
 * advances in whole steps (a Bernoulli draw of h dt per step) with its spikes on the grid.
 */
public final class PoissonDeadTimeSource implements SpikeSourceModel {
    @Override public String name() { return "poisson-dead-time"; }
    @Override public String description() {
        return "source: independent Poisson trains with a dead time after each spike (ISI CV = 1 - rate x dead_time)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> all = new ArrayList<>(List.of(
                ParameterSpec.positive("rate", Dimension.FREQUENCY, "10 Hz", "mean rate of each neuron"),
                ParameterSpec.positive("dead_time", Dimension.TIME, "0 ms",
                        "no spike for this long after each spike (PyNN's tau_refrac); rate x dead_time below 1")));
        all.addAll(RenewalTrains.window());
        return all;
    }

    @Override
    public SpikeSource create(PopulationContext c, Parameters p) {
        int n = c.size();
        double[] rate = p.values("rate", n), dead = p.values("dead_time", n);
        double[] meanWait = new double[n];   // 1/h, the mean time from the end of the dead time to a spike
        for (int i = 0; i < n; i++) {
            if (rate[i] * dead[i] >= 1) {
                throw new InvalidInputException(c.key() + ".params.dead_time: rate x dead_time must be below 1 (the "
                        + "mean interval 1/rate longer than the dead time), got " + rate[i] + " Hz x " + dead[i]
                        + " s = " + rate[i] * dead[i]
                        + (p.uniform("rate") && p.uniform("dead_time") ? "" : " for neuron " + i));
            }
            meanWait[i] = (1 - rate[i] * dead[i]) / rate[i];
        }
        RenewalTrains.checkWindow(c, p);
        return new RenewalTrains(c, p) {
            @Override
            double interval(int i, SplittableRandom random) {
                return rate[i] == 0 ? Double.POSITIVE_INFINITY
                        : dead[i] + RenewalTrains.exponential(random) * meanWait[i];
            }

            @Override
            double firstSpike(int i, SplittableRandom random) {
                if (rate[i] == 0) return Double.POSITIVE_INFINITY;
                // rate x dead_time: the fraction of time a neuron spends in its dead time
                return random.nextDouble() < rate[i] * dead[i] ? random.nextDouble() * dead[i] : interval(i, random);
            }
        };
    }
}
