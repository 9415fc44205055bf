package org.neurosim.network.source;

import java.util.List;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.source.SpikeSource;
import org.neurosim.core.source.SpikeSourceModel;
import org.neurosim.core.stimulus.Signal;
import org.neurosim.core.units.Dimension;

/**
 * Independent Poisson spike trains at {@code rate}: in each step every neuron spikes with probability rate dt,
 * at a uniformly distributed time inside the step (the Bernoulli approximation of a Poisson process, exact as
 * dt -&gt; 0; rate dt must be at most 1). The rate may be any stimulus (an inhomogeneous Poisson process with the
 * rate held over each step); a varying rate below 0 counts as 0, and rate dt above 1 as 1.
 */
public final class PoissonSource implements SpikeSourceModel {
    @Override public String name() { return "poisson"; }
    @Override public String description() {
        return "source: independent Poisson spike trains at a rate (a quantity or a stimulus)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.signal("rate", Dimension.FREQUENCY, "10 Hz", "firing rate of each neuron"));
    }

    @Override
    public SpikeSource create(PopulationContext c, Parameters p) {
        Signal rate = p.signal("rate");
        double dt = c.dt();
        int size = c.size();
        if (rate.constant() && rate.uniform() && rate.value(0) * dt > 1) {
            throw new InvalidInputException(c.key() + ".params.rate: rate times dt must be at most 1, got "
                    + rate.value(0) + " Hz x " + dt + " s; use a smaller dt");
        }
        if (rate.uniform()) {
            return (step, random, spikes) -> {
                double prob = rate.value(step) * dt;
                for (int i = 0; i < size; i++) {
                    if (random.nextDouble() < prob) spikes.spike(i, random.nextDouble() * dt);
                }
            };
        }
        double[] rates = new double[size];
        return (step, random, spikes) -> {
            rate.fill(step, rates, 0, size);
            for (int i = 0; i < size; i++) {
                if (random.nextDouble() < rates[i] * dt) spikes.spike(i, random.nextDouble() * dt);
            }
        };
    }
}
