package org.neurosim.network;

import org.neurosim.core.plugin.AbstractNeuroSimPlugin;
import org.neurosim.network.connect.ExplicitWeights;
import org.neurosim.network.connect.FixedDegree;
import org.neurosim.network.connect.FixedTotal;
import org.neurosim.network.connect.OneToOne;
import org.neurosim.network.connect.Probability;
import org.neurosim.network.output.CsvOutput;
import org.neurosim.network.source.GammaSource;
import org.neurosim.network.source.PoissonDeadTimeSource;
import org.neurosim.network.source.PoissonSource;
import org.neurosim.network.source.SpikeTimesSource;
import org.neurosim.network.stimulus.Constant;
import org.neurosim.network.stimulus.Noise;
import org.neurosim.network.stimulus.Pulses;
import org.neurosim.network.stimulus.Sine;
import org.neurosim.network.stimulus.Steps;

/**
 * The network module's plugins: the spike sources, the built-in connection rules and stimuli, and the CSV output.
 * They are registered like any third party's, so the loader treats every ingredient of a network alike.
 */
public final class NetworkPlugin extends AbstractNeuroSimPlugin {
    @Override public String moduleName() { return "network"; }

    @Override
    protected void configure() {
        spikeSource(new PoissonSource());
        spikeSource(new SpikeTimesSource());
        spikeSource(new GammaSource());
        spikeSource(new PoissonDeadTimeSource());
        connectionRule(new Probability());
        connectionRule(new Probability.All());
        connectionRule(new OneToOne());
        connectionRule(new FixedDegree());
        connectionRule(new FixedDegree.Out());
        connectionRule(new FixedTotal());
        connectionRule(new ExplicitWeights());
        stimulus(new Constant());
        stimulus(new Steps());
        stimulus(new Sine());
        stimulus(new Pulses());
        stimulus(new Noise());
        outputFormat(new CsvOutput());
    }
}
