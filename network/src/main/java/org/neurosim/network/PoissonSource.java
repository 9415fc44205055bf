package org.neurosim.network;

import java.util.List;
import java.util.SplittableRandom;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.SpikeSink;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.units.Dimension;

/**
 * Independent Poisson spike trains at {@code rate}: in each step every neuron spikes with probability rate dt,
 * at a uniformly distributed time inside the step (the Bernoulli approximation of a Poisson process, exact as
 * dt -&gt; 0; rate dt must be at most 1).
 */
public final class PoissonSource implements NeuronModel {
    @Override public String name() { return "poisson"; }
    @Override public String description() { return "source: independent Poisson spike trains at a given rate"; }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.positive("rate", Dimension.FREQUENCY, "10 Hz", "firing rate of each neuron"));
    }

    @Override
    public NeuronDynamics create(Parameters p) {
        double rate = p.get("rate");
        return new SpikeSource() {
            @Override
            public void validate(int size, double dt, String key) {
                if (rate * dt > 1) {
                    throw new InvalidInputException(key + ".params.rate: rate times dt must be at most 1, got "
                            + rate + " Hz x " + dt + " s; use a smaller dt");
                }
            }

            @Override
            public void emit(long step, double dt, int size, SplittableRandom random, SpikeSink spikes) {
                double p = rate * dt;
                for (int i = 0; i < size; i++) {
                    if (random.nextDouble() < p) spikes.spike(i, random.nextDouble() * dt);
                }
            }
        };
    }
}
