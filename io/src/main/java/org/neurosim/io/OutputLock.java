package org.neurosim.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neurosim.core.InvalidInputException;

/**
 * An output folder held by one run at a time: {@code DIR/.neurosim.lock}, locked with the operating system's file
 * lock (released by the OS if the process dies) and holding the holder's process id, so that a second run on the same
 * folder stops at once with one line naming the holder instead of interleaving its rows with the first's. The lock is
 * re-entrant for the thread that holds it (the CLI holds it across the run and its plots; the run takes it again);
 * another thread of the same process is refused like another process, since the OS lock cannot tell them apart.
 */
public final class OutputLock implements AutoCloseable {
    public static final String FILE = ".neurosim.lock";
    private static final Map<Path, OutputLock> HELD = new ConcurrentHashMap<>();
    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private final Thread owner = Thread.currentThread();
    private int holds = 1;

    private OutputLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder, which must exist; fails (exit 2) naming the process that holds it. */
    public static synchronized OutputLock acquire(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        OutputLock mine = HELD.get(key);
        if (mine != null) {
            if (mine.owner != Thread.currentThread()) {
                throw new InvalidInputException("--out: '" + dir + "' is being written by another NeuroSim run in "
                        + "this process (thread '" + mine.owner.getName() + "'); wait for it to finish or choose "
                        + "another folder");
            }
            mine.holds++;
            return mine;
        }
        Path file = key.resolve(FILE);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                ch.close();
                throw new InvalidInputException("--out: '" + dir + "' is being written by another NeuroSim run ("
                        + (holder.isEmpty() ? "a process" : holder) + "); wait for it to finish or choose another folder");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
            OutputLock held = new OutputLock(key, ch, l);
            HELD.put(key, held);
            return held;
        } catch (IOException e) {
            try {
                if (ch != null) ch.close();
            } catch (IOException ignored) {
                // the open failed already; the first error is the one to report
            }
            throw new InvalidInputException("--out: cannot lock '" + dir + "' (" + e.getMessage() + ")");
        }
    }

    /** Gives the folder back when the last hold of this process ends (the lock file stays: it is empty then). */
    @Override
    public void close() {
        synchronized (OutputLock.class) {
            if (--holds > 0) return;
            HELD.remove(dir);
            try {
                channel.truncate(0);
                lock.release();
                channel.close();
            } catch (IOException e) {
                // the OS drops the lock with the channel in any case
            }
        }
    }
}
