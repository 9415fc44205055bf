package org.neurosim.network;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits per-neuron work into a fixed number of contiguous chunks, one per thread. Chunk boundaries depend only on
 * the population size and the thread count, and no chunk writes outside its range, so results do not depend on
 * scheduling; spikes are merged in chunk order, so they come out in the same order at any thread count.
 */
final class Parallel implements AutoCloseable {
    interface RangeTask {
        void run(int chunk, int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    Parallel(int threads) {
        this.threads = threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "neurosim-worker");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    int threads() {
        return threads;
    }

    /** Number of chunks for a population of this size: fewer for small populations. */
    int chunks(int size) {
        return pool == null ? 1 : (int) Math.max(1, Math.min(threads, size / 256));
    }

    static int start(int chunk, int chunks, int size) {
        return (int) ((long) size * chunk / chunks);
    }

    void forEachChunk(int size, RangeTask task) {
        int n = chunks(size);
        if (n == 1) {
            task.run(0, 0, size);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(n - 1);
        for (int c = 1; c < n; c++) {
            final int chunk = c;
            futures.add(pool.submit(() -> task.run(chunk, start(chunk, n, size), start(chunk + 1, n, size))));
        }
        task.run(0, 0, start(1, n, size));
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
