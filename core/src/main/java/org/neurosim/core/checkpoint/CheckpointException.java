package org.neurosim.core.checkpoint;

import org.neurosim.core.InvalidInputException;

/**
 * A checkpoint that cannot be used: missing, cut short, corrupted (checksum), written by another version, or for
 * another config or network. Bad input, so exit 2 with this one line.
 */
public final class CheckpointException extends InvalidInputException {
    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
