package org.neurosim.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.output.OutputContext;
import org.neurosim.core.output.OutputException;
import org.neurosim.core.output.OutputFile;

/**
 * An output file written under a temporary name ({@code spikes.csv.partial}) and moved to its real name when
 * closed, so a reader never takes a half-written file for a finished one. Write whole rows. For a checkpoint,
 * {@link #sync} makes what was written durable and gives the file's length; a resumed run reopens the file with
 * {@link #resume}, cut back to that length, and appends.
 */
public final class AtomicFile implements OutputFile {
    private final Path target;
    private final Path partial;
    private final FileChannel channel;
    private final BufferedWriter out;
    private boolean closed;

    private AtomicFile(Path dir, String fileName, long resumeAt) {
        this.target = dir.resolve(fileName);
        this.partial = dir.resolve(fileName + ".partial");
        try {
            if (resumeAt < 0) {
                channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
            } else {
                // a run that ended (complete or stopped) renamed its files; one killed left them .partial
                if (!Files.exists(partial) && Files.exists(target)) Files.move(target, partial, StandardCopyOption.ATOMIC_MOVE);
                if (!Files.exists(partial)) {
                    throw new InvalidInputException("resume: '" + target + "' is missing; the checkpoint needs the "
                            + "outputs it was written with");
                }
                channel = FileChannel.open(partial, StandardOpenOption.WRITE);
                long size = channel.size();
                if (size < resumeAt) {
                    channel.close();
                    throw new InvalidInputException("resume: '" + partial + "' has " + size + " bytes, fewer than the "
                            + resumeAt + " the checkpoint was written at; the outputs were changed after it");
                }
                channel.truncate(resumeAt);
                channel.position(resumeAt);
            }
        } catch (IOException e) {
            throw new InvalidInputException("--out: cannot write '" + partial + "' (" + e.getMessage() + ")");
        }
        this.out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8),
                1 << 16);
    }

    /**
     * Opens {@code dir/fileName.partial} for writing; a first line (a header) is written when not null. An output
     * format that should resume after a checkpoint opens its files with {@link OutputContext#open} instead.
     */
    public static AtomicFile open(Path dir, String fileName, String firstLine) {
        AtomicFile f = new AtomicFile(dir, fileName, -1);
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

    /** Reopens a file of an interrupted run, cut back to {@code length} bytes (its size at the checkpoint). */
    public static AtomicFile resume(Path dir, String fileName, long length) {
        return new AtomicFile(dir, fileName, length);
    }

    @Override
    public Writer writer() {
        return out;
    }

    /** The file's name in its folder (without {@code .partial}). */
    @Override
    public String name() {
        return target.getFileName().toString();
    }

    /** Writes chars[0..n); a failure is an {@link OutputException} naming this file. */
    @Override
    public void write(char[] chars, int n) {
        try {
            out.write(chars, 0, n);
        } catch (IOException e) {
            throw new OutputException(partial, e);
        }
    }

    /** Flushes what is buffered to the disk (fsync) and returns the file's length, for a checkpoint. */
    @Override
    public long sync() {
        try {
            out.flush();
            channel.force(false);
            return channel.position();
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
