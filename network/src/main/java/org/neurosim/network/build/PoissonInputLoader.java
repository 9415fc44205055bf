package org.neurosim.network.build;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.neurosim.core.Seeds;
import org.neurosim.core.units.Dimension;
import org.neurosim.network.config.Cfg;
import org.neurosim.network.engine.PoissonInput;
import org.neurosim.network.engine.NeuronPopulation;
import org.neurosim.network.engine.Population;
import org.neurosim.network.engine.SynapseGroup;

/**
 * A population's {@code poisson_input}: one block or a list of blocks {@code {rate: Q, weight: Q, synapse: {...}}},
 * each an independent Poisson process per neuron (the rate is the total: K inputs at nu each give K nu) whose events
 * transmit {@code weight} through the synapse block (the same as a projection's), or make the membrane jump when
 * there is none (delta). The weight's unit is that of a projection's with the same synapse block.
 */
final class PoissonInputLoader {
    static final Set<String> KEYS = Set.of("rate", "weight", "synapse");

    private PoissonInputLoader() { }

    static void load(Cfg c, Population target, Map<String, SynapseGroup> groups, LoadContext ctx) {
        if (!c.present()) return;
        List<Cfg> blocks = c.isList() ? c.list() : List.of(c);
        int k = 0;
        for (Cfg b : blocks) {
            b.allowOnly(KEYS);
            if (!(target instanceof NeuronPopulation neurons)) {
                throw b.error("population '" + target.name + "' is a spike source and takes no input");
            }
            if (!neurons.spiking()) {
                throw b.error("Poisson events reach the rate population '" + target.name + "' only through a synapse "
                        + "projection from a spike source");
            }
            double rate = b.get("rate").required().quantity(Dimension.FREQUENCY);
            if (!(rate >= 0) || rate * ctx.dt > 1e4) {
                throw b.get("rate").error("expected a rate >= 0 with rate * dt at most 10^4, got '" + b.get("rate").text() + "'");
            }
            Cfg syn = b.get("synapse");
            SynapseLoader.Block sb = SynapseLoader.load(syn, neurons, neurons, ctx);
            boolean instant = sb == null || sb.instant();
            Dimension weightDim = ProjectionLoader.weightDimension(b, true, instant, sb, neurons);
            double weight = b.get("weight").required().quantity(weightDim);
            SplittableRandom random = new SplittableRandom(Seeds.mix(ctx.seed, "poisson_input:" + target.name + ":" + k));
            SynapseGroup group = instant ? null : ProjectionLoader.group(syn, sb, neurons, random, groups, ctx);
            if (instant && !neurons.solver.withSynapses()) {
                throw b.error("a Poisson input without a synapse kernel makes the membrane jump, which only lif (with "
                        + "the exact integrator) takes; give a synapse block, e.g. {kernel: exponential, tau: 2 ms}");
            }
            if (sb != null && !instant && syn.get("plasticity").present()) {
                throw syn.get("plasticity").error("a Poisson input's synapses are not plastic");
            }
            neurons.addPoissonInput(new PoissonInput(rate, weight, ctx.dt, group,
                    Seeds.mix(ctx.seed, "poisson_input:" + target.name + ":" + k + ":events")));
            k++;
        }
    }
}
