package org.neurosim.network;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A CSV output written under a temporary name ({@code spikes.csv.partial}) and moved to its real name when closed,
 * so a reader never takes a half-written file for a finished one. Rows are written whole; {@link #flush} makes
 * everything written so far durable (used on interruption).
 */
final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path partial;
    private final BufferedWriter out;
    private boolean closed;

    AtomicOutput(Path dir, String fileName, String header) {
        this.target = dir.resolve(fileName);
        this.partial = dir.resolve(fileName + ".partial");
        try {
            this.out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
            out.write(header);
            out.write('\n');
        } catch (IOException e) {
            throw new org.neurosim.core.InvalidInputException("--out: cannot write '" + partial + "' (" + e.getMessage() + ")");
        }
    }

    BufferedWriter writer() {
        return out;
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes, closes and moves the file to its final name. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            out.close();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
