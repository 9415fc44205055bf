package org.neurosim.network.sweep;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.neurosim.core.InvalidInputException;

/** The default sweep engine: a pool of K threads in this JVM, one run per task, each run single-threaded. */
final class LocalEngine implements Sweep.Engine {
    private final int workers;

    LocalEngine(int workers) {
        if (workers < 1) throw new InvalidInputException("--workers: expected at least 1, got " + workers);
        this.workers = workers;
    }

    @Override
    public void run(Sweep sweep, List<Sweep.Run> runs, Consumer<Sweep.Row> done, BooleanSupplier stop) {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "neurosim-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> tasks = runs.stream().<Future<?>>map(run -> pool.submit(() -> {
                if (stop.getAsBoolean()) return;
                done.accept(sweep.execute(run, stop));
            })).toList();
            for (Future<?> f : tasks) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
