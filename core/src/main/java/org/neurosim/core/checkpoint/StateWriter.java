package org.neurosim.core.checkpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The binary stream of a checkpoint: tagged sections and length-prefixed primitive arrays, big-endian, through one
 * reused 64 KiB buffer (no object per element), with a CRC-32C of every byte that {@link #finish} appends. A
 * {@link StateReader} reads it back in the same order and checks every tag and length, so a checkpoint of another
 * network fails at the first difference with a message that names it.
 */
public final class StateWriter {
    private final OutputStream out;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    private final CRC32C crc = new CRC32C();
    private long written;

    public StateWriter(OutputStream out) {
        this.out = out;
    }

    /** A named section: the reader expects the same name here. */
    public StateWriter section(String name) {
        return string(name);
    }

    public StateWriter string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeInt(b.length);
        for (byte x : b) {
            room(1);
            buf.put(x);
        }
        return this;
    }

    public StateWriter writeLong(long v) {
        room(8);
        buf.putLong(v);
        return this;
    }

    public StateWriter writeInt(int v) {
        room(4);
        buf.putInt(v);
        return this;
    }

    public StateWriter writeDouble(double v) {
        room(8);
        buf.putDouble(v);
        return this;
    }

    public StateWriter doubles(double[] a) {
        return doubles(a, 0, a.length);
    }

    /** a[from..to), prefixed by its length. */
    public StateWriter doubles(double[] a, int from, int to) {
        writeInt(to - from);
        for (int i = from; i < to; ) {
            room(8);
            int n = Math.min(to - i, buf.remaining() / 8);
            buf.asDoubleBuffer().put(a, i, n);
            buf.position(buf.position() + 8 * n);
            i += n;
        }
        return this;
    }

    public StateWriter ints(int[] a) {
        return ints(a, 0, a.length);
    }

    public StateWriter ints(int[] a, int from, int to) {
        writeInt(to - from);
        for (int i = from; i < to; ) {
            room(4);
            int n = Math.min(to - i, buf.remaining() / 4);
            buf.asIntBuffer().put(a, i, n);
            buf.position(buf.position() + 4 * n);
            i += n;
        }
        return this;
    }

    public StateWriter longs(long[] a) {
        writeInt(a.length);
        for (int i = 0; i < a.length; ) {
            room(8);
            int n = Math.min(a.length - i, buf.remaining() / 8);
            buf.asLongBuffer().put(a, i, n);
            buf.position(buf.position() + 8 * n);
            i += n;
        }
        return this;
    }

    /** Makes sure {@code bytes} fit in the buffer, emptying it to the stream first if they do not. */
    private void room(int bytes) {
        if (buf.remaining() < bytes) drain();
    }

    private void drain() {
        try {
            crc.update(buf.array(), 0, buf.position());
            out.write(buf.array(), 0, buf.position());
            written += buf.position();
            buf.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes what is buffered, then the CRC-32C of everything before it (8 bytes); returns the total size. */
    public long finish() {
        drain();
        long sum = crc.getValue();
        buf.putLong(sum);
        try {
            out.write(buf.array(), 0, 8);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buf.clear();
        return written + 8;
    }
}
