package org.example.izhikevich;

import org.neurosim.core.model.NeuronModel;
import org.neurosim.testkit.NeuronModelContract;

/** The plugin against NeuroSim's contract for neuron models: parameters, rest, derivatives, spikes. */
class IzhikevichContractTest extends NeuronModelContract {
    @Override protected NeuronModel model() { return new Izhikevich(); }

    /** I = 10 (the paper's units): regular spiking at about 10 Hz. */
    @Override protected double spikingInput() { return 10; }
}
