package org.neurosim.core.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.neurosim.core.InvalidInputException;

/**
 * An output file written under a temporary name ({@code spikes.csv.partial}) and moved to its real name when
 * closed, so a reader never takes a half-written file for a finished one. Write whole rows.
 */
public final class AtomicFile implements AutoCloseable {
    private final Path target;
    private final Path partial;
    private final BufferedWriter out;
    private boolean closed;

    private AtomicFile(Path dir, String fileName) {
        this.target = dir.resolve(fileName);
        this.partial = dir.resolve(fileName + ".partial");
        try {
            this.out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("--out: cannot write '" + partial + "' (" + e.getMessage() + ")");
        }
    }

    /** Opens {@code dir/fileName.partial} for writing; a first line (a header) is written when not null. */
    public static AtomicFile open(Path dir, String fileName, String firstLine) {
        AtomicFile f = new AtomicFile(dir, fileName);
        if (firstLine != null) {
            try {
                f.out.write(firstLine);
                f.out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return f;
    }

    public Writer writer() {
        return out;
    }

    /** Writes chars[0..n); a failure is an {@link OutputException} naming this file. */
    public void write(char[] chars, int n) {
        try {
            out.write(chars, 0, n);
        } catch (IOException e) {
            throw new OutputException(partial, e);
        }
    }

    /** Flushes, closes and moves the file to its final name. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            out.close();
        } catch (IOException e) {   // the last buffered rows could not be written: the file keeps its .partial name
            throw new OutputException(partial, e);
        }
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new OutputException(target, e);
        }
    }
}
