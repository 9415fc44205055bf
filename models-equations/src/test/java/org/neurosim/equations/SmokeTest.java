package org.neurosim.equations;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosim.core.integrate.Exact;
import org.neurosim.core.integrate.SingleNeuron;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.Parameters;
import org.neurosim.lif.LeakyIntegrateAndFire;

class SmokeTest {
    @Test
    void lif() {
        NeuronModel m = new EquationsModel().define(Map.of("equations", "dv/dt = (-v + I_ext)/tau_m : 1 (unless refractory)\ntau_m : second",
                "threshold", "v > 1", "reset", "v = 0", "refractory", "2 ms"), "populations.p");
        NeuronDynamics d = m.create(PopulationContext.single(1e-4), Parameters.resolve(m.parameters(), Map.of("tau_m", "20 ms"), "params"));
        System.out.println(d.getClass());
        SingleNeuron.Result r = SingleNeuron.run(d, new Exact(), Parameters.defaults(List.of()), 1.5, 0.2, 1e-4, false);
        NeuronModel lif = new LeakyIntegrateAndFire();
        NeuronDynamics b = lif.create(PopulationContext.single(1e-4), Parameters.defaults(lif.parameters()));
        SingleNeuron.Result r2 = SingleNeuron.run(b, new Exact(), Parameters.defaults(List.of()), 1.5, 0.2, 1e-4, false);
        System.out.println(java.util.Arrays.toString(r.spikeTimes()));
        System.out.println(java.util.Arrays.toString(r2.spikeTimes()));
    }
}
