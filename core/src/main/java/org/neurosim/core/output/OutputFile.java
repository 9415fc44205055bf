package org.neurosim.core.output;

import java.io.Writer;

/**
 * An output file a format writes during a run, opened with {@link OutputContext#open}. It carries its final name only
 * once closed (it is written under a temporary name until then), so a reader never takes a half-written file for a
 * finished one. Write whole rows. The engine's implementation is {@code org.neurosim.io.AtomicFile}.
 */
public interface OutputFile extends AutoCloseable {
    Writer writer();

    /** The file's name in its folder (without {@code .partial}). */
    String name();

    /** Writes chars[0..n); a failure is an {@link OutputException} naming this file. */
    void write(char[] chars, int n);

    /** Flushes what is buffered to the disk (fsync) and returns the file's length, for a checkpoint. */
    long sync();

    /** Flushes, closes and moves the file to its final name. */
    @Override
    void close();
}
