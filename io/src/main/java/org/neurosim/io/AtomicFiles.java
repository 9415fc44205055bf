package org.neurosim.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.neurosim.core.InvalidInputException;

/** Whole files written under a temporary name and moved into place, so no half-written file carries a final name. */
public final class AtomicFiles {
    /** Writes the content of one file to a stream. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() { }

    // temporary files being written: a JVM ended by a signal (Ctrl-C during a demo's plot) removes them on its way out,
    // so no .partial file is left behind; a kill that runs no hook (SIGKILL) can still leave one
    private static final java.util.Set<Path> WRITING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> WRITING.forEach(f -> {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // the JVM is ending; nothing more can be done
            }
        }), "neurosim-partial-cleanup"));
    }

    public static void write(Path file, Content content) {
        Path tmp = file.resolveSibling(file.getFileName() + ".partial");
        WRITING.add(tmp);
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {   // the content failed (a plot library's exception): no half file stays
            deleteQuietly(tmp);
            throw e;
        } finally {
            WRITING.remove(tmp);
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // the first failure is the one to report
        }
    }

    /** Creates an output folder if needed and checks it is writable, or fails naming {@code --out}. */
    public static void outputDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new InvalidInputException("--out: cannot create output directory '" + dir + "' ("
                    + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new InvalidInputException("--out: output directory '" + dir + "' is not writable");
        }
    }

    public static void write(Path file, String text) {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
