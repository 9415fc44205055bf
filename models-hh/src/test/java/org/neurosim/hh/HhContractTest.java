package org.neurosim.hh;

import org.neurosim.core.model.NeuronModel;
import org.neurosim.testkit.NeuronModelContract;

/** The built-in hh passes the contract every plugin is asked to pass (10 uA/cm^2 = 0.1 A/m^2: repetitive firing). */
class HhContractTest extends NeuronModelContract {
    @Override protected NeuronModel model() { return new HodgkinHuxley(); }
    @Override protected double spikingInput() { return 0.1; }
}
