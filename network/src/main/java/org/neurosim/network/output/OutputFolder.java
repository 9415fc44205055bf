package org.neurosim.network.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.neurosim.core.InvalidInputException;
import org.neurosim.io.OutputLock;
import org.neurosim.network.Simulation;

/**
 * The checks made before a run writes into an output folder, so that NeuroSim never writes over or deletes a file
 * it did not write: a run replaces the outputs of an earlier run in its folder (spikes.csv, config.yaml...), which is
 * safe only when the folder is NeuroSim's and none of those files is one of the run's own inputs.
 */
public final class OutputFolder {
    /** Files of a run's folder besides {@link Simulation#OUTPUT_FILES}: the effective config and the checkpoint. */
    private static final List<String> ALSO_WRITTEN = List.of("config.yaml", "checkpoint");

    private OutputFolder() { }

    /**
     * Refuses (exit 2, naming {@code --out}) an output folder that is or contains one of {@code inputs} (the config,
     * a weights CSV it reads...), and an existing folder that NeuroSim never wrote to (no {@link OutputLock#FILE}:
     * every run leaves one) which holds a file of a run's name. A folder that does not exist yet passes.
     */
    public static void claim(Path dir, Collection<Path> inputs) {
        Path real = real(dir);
        for (Path input : inputs) {
            if (real(input).startsWith(real)) {
                throw new InvalidInputException("--out: '" + dir + "' holds the run's input '" + input + "', and a "
                        + "run replaces the files of its output folder; choose a folder without inputs in it");
            }
        }
        claimFor(dir, runFiles());
    }

    /**
     * Refuses (exit 2, naming {@code --out}) an existing folder that NeuroSim never wrote to (no {@link
     * OutputLock#FILE}) which holds one of the files a command writes ({@code writes}), and otherwise makes the
     * folder and marks it as NeuroSim's, so that the next command may replace what this one wrote.
     */
    public static void claimFor(Path dir, Collection<String> writes) {
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(OutputLock.FILE))) {
            for (String name : writes) {
                if (Files.exists(dir.resolve(name))) {
                    throw new InvalidInputException("--out: '" + dir + "' holds '" + name + "', which NeuroSim did "
                            + "not write (the folder has no " + OutputLock.FILE + "); a run would replace it, so "
                            + "choose another folder or move that file");
                }
            }
        }
    }

    /** Marks a folder NeuroSim has made or claimed as its own (the file every run's lock leaves). */
    public static void mark(Path dir) {
        try {
            if (!Files.exists(dir.resolve(OutputLock.FILE))) Files.createFile(dir.resolve(OutputLock.FILE));
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // another command marked it first: the same mark
        } catch (IOException e) {
            throw new org.neurosim.core.output.OutputException(dir.resolve(OutputLock.FILE), e);
        }
    }

    private static List<String> runFiles() {
        List<String> names = new ArrayList<>(Simulation.OUTPUT_FILES);
        names.addAll(ALSO_WRITTEN);
        return names;
    }

    /** The path with links resolved as far as it exists, so a link or '..' cannot hide that two paths meet. */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
