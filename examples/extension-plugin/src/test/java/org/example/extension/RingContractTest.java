package org.example.extension;

import java.util.Map;
import org.neurosim.core.connect.ConnectionRule;
import org.neurosim.testkit.ConnectionRuleContract;

/** The ring rule against NeuroSim's contract for connection rules: indices, row order, autapses, seeds. */
class RingContractTest extends ConnectionRuleContract {
    @Override protected ConnectionRule rule() { return new RingRule(); }
    @Override protected Map<String, String> parameters() { return Map.of("neighbours", "3"); }
}
