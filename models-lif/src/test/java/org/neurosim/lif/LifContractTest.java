package org.neurosim.lif;

import org.neurosim.core.model.NeuronModel;
import org.neurosim.testkit.NeuronModelContract;

/** The built-in lif passes the contract every plugin is asked to pass (normalised model, v_in = 1.5). */
class LifContractTest extends NeuronModelContract {
    @Override protected NeuronModel model() { return new LeakyIntegrateAndFire(); }
    @Override protected double spikingInput() { return 1.5; }
}
