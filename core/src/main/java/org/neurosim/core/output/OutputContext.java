package org.neurosim.core.output;

import java.nio.file.Path;
import java.util.List;

/**
 * What an output is told before a run: the folder it writes to, the time step, the names of every population (a
 * spike's population index points into this list), of the recorded state traces ({@code exc.v[0]}) and of the
 * populations whose rates are recorded (null when rates are not recorded), and whether weights are recorded
 * (then {@link RunOutput#weights} is called). Open files with {@link #open}: a checkpoint then records their lengths
 * and a resumed run continues them.
 */
public record OutputContext(String key, Path directory, double dt, List<String> populations, List<String> traces,
                            List<String> ratePopulations, boolean weights, OutputFiles files) {
    /**
     * Opens {@code directory/fileName} (written as {@code fileName.partial} until the run ends) with a header line
     * (null: none), or, in a resumed run, reopens it where the checkpoint left it (the header is then there).
     */
    public OutputFile open(String fileName, String header) {
        return files.open(fileName, header);
    }
}
