package org.neurosim.core.output;

import java.nio.file.Path;
import java.util.List;

/**
 * What an output is told before a run: the folder it writes to, the time step, the names of every population (a
 * spike's population index points into this list), of the recorded state traces ({@code exc.v[0]}) and of the
 * populations whose rates are recorded (null when rates are not recorded), and whether weights are recorded
 * (then {@link RunOutput#weights} is called). Open files with {@link AtomicFile#open} in {@code directory}.
 */
public record OutputContext(String key, Path directory, double dt, List<String> populations, List<String> traces,
                            List<String> ratePopulations, boolean weights) {
    /** A context for a run that records no weights. */
    public OutputContext(String key, Path directory, double dt, List<String> populations, List<String> traces,
                         List<String> ratePopulations) {
        this(key, directory, dt, populations, traces, ratePopulations, false);
    }
}
