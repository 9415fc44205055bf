package org.neurosim.network.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Persistent worker threads for the per-step work. The calling thread is worker 0; workers 1..K-1 wait by spinning
 * briefly, then yielding (a step lasts microseconds, too short for a thread hand-off through a queue; yielding leaves
 * the core to the JIT compiler and the GC when they need it), then parking after a long idle time. Whether the
 * chunks run on the workers or one after another on the caller is decided per run from its first steps (SETTLE).
 * Chunk boundaries depend only on a population's size and the thread count and no chunk writes outside its range,
 * so results never depend on scheduling or on that choice.
 */
final class Parallel implements AutoCloseable {
    /** Work for one worker: everything in chunk {@code worker} of every population. */
    interface WorkerTask {
        void run(int worker);
    }

    final int threads;
    private final Thread[] workers;
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile WorkerTask task;
    private volatile Throwable failure;
    private volatile boolean closed;

    Parallel(int threads) {
        this(threads, false);
    }

    /** With {@code alwaysSplit}, every step's chunks go to the worker threads (the same results, by construction). */
    Parallel(int threads, boolean alwaysSplit) {
        this.adaptive = !alwaysSplit;
        this.solo = adaptive;
        this.threads = threads;
        this.workers = new Thread[Math.max(0, threads - 1)];
        for (int w = 1; w < threads; w++) {
            final int index = w;
            Thread t = new Thread(() -> work(index), "neurosim-worker-" + w);
            t.setDaemon(true);
            workers[w - 1] = t;
            t.start();
        }
    }

    /** Number of chunks a population of this size is split into: fewer for small populations. */
    int chunks(int size) {
        return (int) Math.max(1, Math.min(threads, size / 256));
    }

    static int start(int chunk, int chunks, int size) {
        return (int) ((long) size * chunk / chunks);
    }

    // Whether splitting pays is measured, not guessed. On this project's 2-vCPU machine an HH network runs 1.7x faster
    // on two threads, while a step of a few thousand LIF neurons lasts a few microseconds: there a hand-off costs as
    // much as the work, and while the JIT compiler takes one of the two cores a split step waits 100 us for its
    // worker (measured: 4,000 LIF neurons took 0.33 s split against 0.11 s on one thread). So the first SETTLE
    // hand-offs run on the caller alone (every chunk in turn: same chunks, so the same results), which also leaves a
    // core to the compiler while the step is new, and the run is split from then on only if those hand-offs took
    // HEAVY_NANOS or more (median of the last SAMPLE). Timed trials of both ways were tried and dropped: waking a
    // parked worker on this virtual machine costs more than a light step, so the trials cost more than they saved.
    static final int SETTLE = 1_000, SAMPLE = 128;
    static final long HEAVY_NANOS = 50_000;
    private final boolean adaptive;   // false: every step's chunks go to the workers (tests of the parallel path)
    private long handOffs;
    private final long[] settling = new long[SAMPLE];   // nanoseconds of the last hand-offs before the choice
    private volatile boolean solo;                      // the workers park while it holds

    /** Runs {@code task} once on every worker (the caller is worker 0) and waits for all of them. */
    void onEveryWorker(WorkerTask t) {
        if (threads == 1) {
            t.run(0);
            return;
        }
        if (!solo) {
            runSplit(t);
            return;
        }
        long n = handOffs++;
        if (n == SETTLE) {
            long[] s = settling.clone();
            java.util.Arrays.sort(s);
            if (s[SAMPLE / 2] >= HEAVY_NANOS) {
                solo = false;
                runSplit(t);
                return;
            }
        }
        if (n < SETTLE - SAMPLE || n >= SETTLE) {
            runAlone(t);
            return;
        }
        long t0 = System.nanoTime();
        runAlone(t);
        settling[(int) (n - SETTLE + SAMPLE)] = System.nanoTime() - t0;
    }

    /**
     * Runs {@code task} on every worker as {@link #onEveryWorker} does, split or alone as that chose, but without
     * counting towards the choice: a second, lighter hand-off in a step would halve the timings the choice reads.
     */
    void alsoOnEveryWorker(WorkerTask t) {
        if (threads == 1 || solo) runAlone(t);
        else runSplit(t);
    }

    /** Every chunk on the calling thread, in chunk order. */
    private void runAlone(WorkerTask t) {
        for (int w = 0; w < threads; w++) t.run(w);
    }

    private void runSplit(WorkerTask t) {
        task = t;
        failure = null;
        pending.set(threads - 1);
        generation.incrementAndGet();
        for (Thread w : workers) LockSupport.unpark(w);
        Throwable mine = null;
        try {
            t.run(0);
        } catch (Throwable e) {
            mine = e;
        }
        int spins = 0;
        while (pending.get() > 0) {
            if (++spins < 2_000) Thread.onSpinWait(); else Thread.yield();
        }
        Throwable f = mine != null ? mine : failure;
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
    }

    private void work(int index) {
        int seen = 0;
        while (true) {
            int spins = 0;
            while (generation.get() == seen) {
                if (closed) return;
                // while the caller runs every chunk itself, sleep: a spinning neighbour slows a busy core
                if (solo) {
                    LockSupport.park(this);
                    continue;
                }
                // spin for a few microseconds (a hand-off within a step), then yield so that the JIT compiler
                // and the GC get the core while the main thread runs the serial part of the step
                if (++spins < 2_000) Thread.onSpinWait();
                else if (spins < 200_000) Thread.yield();
                else LockSupport.parkNanos(100_000);
            }
            seen = generation.get();
            try {
                task.run(index);
            } catch (Throwable e) {
                failure = e;
            } finally {
                pending.decrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) LockSupport.unpark(w);
    }
}
