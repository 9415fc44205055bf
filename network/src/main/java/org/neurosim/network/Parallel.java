package org.neurosim.network;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Persistent worker threads for the per-step work. The calling thread is worker 0; workers 1..K-1 wait by spinning
 * briefly, then yielding (a step lasts microseconds, too short for a thread hand-off through a queue; yielding leaves
 * the core to the JIT compiler and the GC when they need it), then parking after a long idle time. Whether the
 * chunks run on the workers or one after another on the caller is decided per run by a timed trial (see SETTLE).
 * Chunk boundaries depend only on a population's size and the thread count and no chunk writes outside its range,
 * so results never depend on scheduling or on that choice.
 */
final class Parallel implements AutoCloseable {
    /** Work for one worker: everything in chunk {@code worker} of every population. */
    interface WorkerTask {
        void run(int worker);
    }

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile WorkerTask task;
    private volatile Throwable failure;
    private volatile boolean closed;

    Parallel(int threads) {
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

    // Whether splitting pays is measured, not guessed: on this project's 2-vCPU machine an HH network runs 1.7x
    // faster on two threads, while a LIF network, whose step is a few memory-bound passes, runs twice as slowly (the
    // two threads slow each other down and the hand-offs cost more than the work). The first SETTLE hand-offs run on
    // the caller alone (every chunk in turn: same chunks, so the same results), which also leaves a core to the JIT
    // compiler while the step is new; then TRIAL hand-offs are split across the workers and TRIAL run alone, and the
    // faster way, by the median hand-off, is kept for the rest of the run.
    static final int SETTLE = 1_000, TRIAL = 128;
    /** System property that skips the trial and always splits (tests of the parallel path, benchmarks). */
    static final String ALWAYS_SPLIT = "neurosim.parallel.alwaysSplit";
    private final boolean adaptive = !Boolean.getBoolean(ALWAYS_SPLIT);
    private long handOffs;
    private final long[] trialSplit = new long[TRIAL], trialSolo = new long[TRIAL];   // nanoseconds per hand-off
    private volatile boolean solo = adaptive;   // read by the workers: they park while it holds

    /** Runs {@code task} once on every worker (the caller is worker 0) and waits for all of them. */
    void onEveryWorker(WorkerTask t) {
        if (threads == 1) {
            t.run(0);
            return;
        }
        if (!adaptive) {
            runSplit(t);
            return;
        }
        long n = handOffs++;
        if (n < SETTLE || n >= SETTLE + 2 * TRIAL) {
            if (solo) runAlone(t); else runSplit(t);
            return;
        }
        if (n == SETTLE) solo = false;                 // trial 1: split across the workers
        if (n == SETTLE + TRIAL) solo = true;          // trial 2: the caller alone, the workers parked
        long t0 = System.nanoTime();
        if (solo) runAlone(t); else runSplit(t);
        long took = System.nanoTime() - t0;
        if (n < SETTLE + TRIAL) {
            trialSplit[(int) (n - SETTLE)] = took;
        } else {
            trialSolo[(int) (n - SETTLE - TRIAL)] = took;
            // medians: a JIT compilation or a collection during one trial must not decide
            if (n == SETTLE + 2 * TRIAL - 1) solo = median(trialSolo) < median(trialSplit);
        }
    }

    private static long median(long[] x) {
        long[] s = x.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
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
