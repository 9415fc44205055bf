package org.neurosim.core.checkpoint;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads what a {@link StateWriter} wrote, in the same order. {@link #open} first checks the file's CRC-32C over its
 * whole length, so a file cut short or altered is refused before anything is restored; every section name and array
 * length is then checked against what the restoring component expects. Errors are {@link CheckpointException}s
 * naming the file and the first difference.
 */
public final class StateReader implements AutoCloseable {
    private final InputStream in;
    private final String file;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);

    private StateReader(InputStream in, String file) {
        this.in = in;
        this.file = file;
        buf.limit(0);
    }

    /** Opens a checkpoint file after checking its length and checksum. */
    public static StateReader open(Path path) {
        String name = path.toString();
        long size;
        long stored;
        CRC32C crc = new CRC32C();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            size = ch.size();
            if (size < 8) throw new CheckpointException(name + ": corrupted checkpoint (" + size + " bytes, cut short)");
            ByteBuffer b = ByteBuffer.allocate(1 << 16);
            long left = size - 8;
            while (left > 0) {
                b.clear();
                if (left < b.capacity()) b.limit((int) left);
                int n = ch.read(b);
                if (n < 0) throw new EOFException();
                crc.update(b.array(), 0, n);
                left -= n;
            }
            b.clear().limit(8);
            while (b.hasRemaining()) if (ch.read(b) < 0) throw new EOFException();
            stored = b.flip().getLong();
        } catch (NoSuchFileException e) {
            throw new CheckpointException(name + ": no checkpoint there (run with --checkpoint-every, or stop a run "
                    + "with Ctrl-C, to write one)");
        } catch (IOException e) {
            throw new CheckpointException(name + ": cannot read the checkpoint (" + e.getMessage() + ")", e);
        }
        if (crc.getValue() != stored) {
            throw new CheckpointException(name + ": corrupted checkpoint (checksum mismatch: the file was cut short "
                    + "or altered after it was written)");
        }
        try {
            return new StateReader(new BufferedInputStream(Files.newInputStream(path), 1 << 16), name);
        } catch (IOException e) {
            throw new CheckpointException(name + ": cannot read the checkpoint (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads state a {@link StateWriter} wrote into memory (a network handing its state to its rebuilt self, see
     * Network.continueFrom); {@code what} names it in messages. No checksum: the bytes never left the process.
     */
    public static StateReader of(byte[] bytes, String what) {
        return new StateReader(new java.io.ByteArrayInputStream(bytes), what);
    }

    /** Expects section {@code name} here. */
    public StateReader section(String name) {
        String found = string();
        if (!found.equals(name)) {
            throw mismatch("expected section '" + name + "', found '" + found + "'");
        }
        return this;
    }

    public String string() {
        int n = readInt();
        if (n < 0 || n > 1 << 24) throw mismatch("a name of " + n + " bytes");
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            need(1);
            b[i] = buf.get();
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    public long readLong() {
        need(8);
        return buf.getLong();
    }

    public int readInt() {
        need(4);
        return buf.getInt();
    }

    public double readDouble() {
        need(8);
        return buf.getDouble();
    }

    /** Reads an array into {@code into}, which must have the saved length. */
    public void doubles(double[] into, String what) {
        length(into.length, what);
        fill(into);
    }

    /** Reads an array of the saved length (a buffer whose size changes during a run, e.g. spikes in flight). */
    public double[] doubles(String what) {
        double[] a = new double[nonNegativeLength(what)];
        fill(a);
        return a;
    }

    private void fill(double[] a) {
        for (int i = 0; i < a.length; ) {
            need(8);
            int n = Math.min(a.length - i, buf.remaining() / 8);
            buf.asDoubleBuffer().get(a, i, n);
            buf.position(buf.position() + 8 * n);
            i += n;
        }
    }

    public void ints(int[] into, String what) {
        length(into.length, what);
        readInts(into);
    }

    public int[] ints(String what) {
        int[] a = new int[nonNegativeLength(what)];
        readInts(a);
        return a;
    }

    private void readInts(int[] a) {
        for (int i = 0; i < a.length; ) {
            need(4);
            int n = Math.min(a.length - i, buf.remaining() / 4);
            buf.asIntBuffer().get(a, i, n);
            buf.position(buf.position() + 4 * n);
            i += n;
        }
    }

    public void longs(long[] into, String what) {
        length(into.length, what);
        for (int i = 0; i < into.length; ) {
            need(8);
            int n = Math.min(into.length - i, buf.remaining() / 8);
            buf.asLongBuffer().get(into, i, n);
            buf.position(buf.position() + 8 * n);
            i += n;
        }
    }

    private void length(int expected, String what) {
        int n = readInt();
        if (n != expected) {
            throw mismatch(what + " has " + n + " values in the checkpoint and " + expected + " in this network");
        }
    }

    private int nonNegativeLength(String what) {
        int n = readInt();
        if (n < 0) throw mismatch(what + " has a length of " + n);
        return n;
    }

    /** A checkpoint that does not fit the network restoring it. */
    public CheckpointException mismatch(String what) {
        return new CheckpointException(file + ": the checkpoint does not match this network: " + what);
    }

    private void need(int bytes) {
        if (buf.remaining() >= bytes) return;
        buf.compact();
        try {
            while (buf.position() < bytes) {
                int n = in.read(buf.array(), buf.position(), buf.capacity() - buf.position());
                if (n < 0) {
                    throw new CheckpointException(file + ": corrupted checkpoint (it ends before its last section)");
                }
                buf.position(buf.position() + n);
            }
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read the checkpoint (" + e.getMessage() + ")", e);
        } finally {
            buf.flip();
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // read-only: nothing was lost
        }
    }
}
