package org.neurosim.network.connect;

import java.util.List;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.connect.ConnectionContext;
import org.neurosim.core.connect.ConnectionRule;
import org.neurosim.core.connect.Connections;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;

/** {@code one_to_one}: source i to target i, for populations of equal size. */
public final class OneToOne implements ConnectionRule {
    @Override public String name() { return "one_to_one"; }
    @Override public String description() { return "source i to target i (equal sizes)"; }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.flag("one_to_one", "true", "true (the short form {one_to_one: true})"));
    }

    @Override
    public Connections create(ConnectionContext c, Parameters p) {
        if (!p.flag("one_to_one")) throw new InvalidInputException(c.key() + ".one_to_one: expected true");
        if (c.sources() != c.targets()) {
            throw new InvalidInputException(c.key() + ": one_to_one needs populations of equal size, got "
                    + c.sources() + " sources and " + c.targets() + " targets");
        }
        int n = c.sources();
        int[] rowStart = new int[n + 1];
        int[] targets = new int[n];
        for (int j = 0; j < n; j++) {
            rowStart[j + 1] = j + 1;
            targets[j] = j;
        }
        return new Connections(rowStart, targets, null);
    }
}
