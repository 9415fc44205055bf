package org.neurosim.network;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Persistent worker threads for the per-step work. The calling thread is worker 0; workers 1..K-1 wait by yielding
 * (a step lasts microseconds, too short for a thread hand-off through a queue; yielding rather than spinning leaves
 * the core to the JIT compiler and the GC when they need it), then parking after a long idle time.
 * Chunk boundaries depend only on a population's size and the thread count and no chunk writes outside its range,
 * so results never depend on scheduling.
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

    /** Runs {@code task} once on every worker (the caller is worker 0) and waits for all of them. */
    void onEveryWorker(WorkerTask t) {
        if (threads == 1) {
            t.run(0);
            return;
        }
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
