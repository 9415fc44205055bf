package org.neurosim.core.connect;

import java.util.SplittableRandom;

/**
 * Where a rule connects: the sizes of the source and target populations, whether they are the same population,
 * the {@code autapses} (i -&gt; i when the populations are the same) and {@code multapses} (more than one synapse
 * per pair) flags, and the projection's own random stream, so that a seed fixes the connections.
 */
public record ConnectionContext(String key, int sources, int targets, boolean samePopulation, boolean autapses,
                                boolean multapses, SplittableRandom random) {
    /** True when source j may connect to target i under the autapse flag. */
    public boolean allowed(int source, int target) {
        return autapses || !samePopulation || source != target;
    }
}
