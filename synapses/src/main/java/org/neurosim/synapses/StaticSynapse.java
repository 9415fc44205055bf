package org.neurosim.synapses;

import java.util.List;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.synapse.PlasticityRule;
import org.neurosim.core.synapse.SynapseContext;
import org.neurosim.core.synapse.SynapseDynamics;

/** The static synapse: every presynaptic spike transmits the stored weight; nothing changes. */
public final class StaticSynapse implements PlasticityRule {
    public static final String NAME = "static";

    @Override public String name() { return NAME; }
    @Override public String description() { return "static synapse: each spike transmits the weight w"; }

    @Override
    public SynapseDynamics create(SynapseContext c, Parameters p) {
        float[] w = c.weights();
        float single = (float) c.weight();
        return new SynapseDynamics() {
            @Override public boolean isStatic() { return true; }

            @Override
            public void transmit(int row, int from, int to, double time, double[] efficacy) {
                for (int s = from; s < to; s++) efficacy[s] = w == null ? single : w[s];
            }

            @Override public List<String> variables() { return List.of("w"); }
            @Override public double value(int k, int s) { return weight(s); }
            @Override public double weight(int s) { return w == null ? single : w[s]; }
        };
    }
}
