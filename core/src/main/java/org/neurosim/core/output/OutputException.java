package org.neurosim.core.output;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An output that could not be written during a run (a full disk, a permission lost): the CLI's exit 4, with one line
 * naming the file. The run stops, keeps what it wrote, and its summary says {@code "complete": false}.
 */
public final class OutputException extends RuntimeException {
    private final Path file;

    public OutputException(Path file, IOException cause) {
        super(file + ": cannot write (" + cause.getMessage() + ")", cause);
        this.file = file;
    }

    /** An output that cannot be written for a reason other than an I/O error, said in {@code why}. */
    public OutputException(Path file, String why) {
        super(file + ": " + why);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
