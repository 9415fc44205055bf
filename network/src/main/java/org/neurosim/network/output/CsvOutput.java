package org.neurosim.network.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.neurosim.core.model.SpikeBuffer;
import org.neurosim.core.output.OutputFile;
import org.neurosim.core.output.OutputContext;
import org.neurosim.core.output.OutputFormat;
import org.neurosim.core.output.RunOutput;
import org.neurosim.core.param.Parameters;

/**
 * The specified outputs (../shared/spec/cli.md): {@code spikes.csv} ({@code population,neuron,time_s}),
 * {@code state.csv} ({@code time_s} then one column per trace) and {@code rates.csv} ({@code time_s} then one
 * column per population, Hz), values in SI units. Rows are built in one reused buffer and written without
 * allocating, so a long run produces no garbage and its memory stays flat. Spikes, the bulk of most runs, are
 * formatted and written on a thread of their own: the simulating thread copies each step's spikes into one of
 * three recycled chunks of primitive arrays (Double.toString of a spike time costs more than a LIF neuron's step),
 * and waits only when the writer is two chunks behind.
 */
public final class CsvOutput implements OutputFormat {
    public static final String NAME = "csv";

    @Override public String name() { return NAME; }
    @Override
    public String description() {
        return "spikes.csv, state.csv, rates.csv and weights.csv as the CLI and config specs define";
    }

    @Override
    public RunOutput create(OutputContext c, Parameters p) {
        return new Writer(c);
    }

    private static final class Writer implements RunOutput {
        private final java.util.List<String> populations;
        private final OutputFile spikesOut, stateOut, ratesOut, weightsOut;
        private final StringBuilder line = new StringBuilder(256);
        private char[] chars = new char[1024];
        private final SpikeWriter spikeWriter;

        Writer(OutputContext c) {
            this.populations = c.populations();
            spikesOut = c.open("spikes.csv", "population,neuron,time_s");
            spikeWriter = new SpikeWriter(spikesOut, populations);
            stateOut = c.traces().isEmpty() ? null
                    : c.open("state.csv", "time_s," + String.join(",", c.traces()));
            ratesOut = c.ratePopulations() == null ? null
                    : c.open("rates.csv", "time_s," + String.join(",", c.ratePopulations()));
            weightsOut = c.weights() ? c.open("weights.csv", "time_s,projection,source,target,weight")
                    : null;
        }

        @Override
        public void weights(double time, int projection, int[] sources, int[] targets, double[] weights, int count) {
            if (weightsOut == null) return;
            for (int k = 0; k < count; k += 1024) {   // in bounded pieces: a row buffer per 1024 synapses
                line.setLength(0);
                for (int i = k; i < Math.min(count, k + 1024); i++) {
                    line.append(time).append(',').append(projection).append(',').append(sources[i]).append(',')
                            .append(targets[i]).append(',').append(weights[i]).append('\n');
                }
                write(weightsOut, line);
            }
        }

        @Override
        public void spikes(int population, double stepStart, SpikeBuffer b) {
            spikeWriter.add(population, stepStart, b);
        }

        @Override
        public void state(double time, double[] values) {
            if (stateOut == null) return;
            line.setLength(0);
            line.append(time);
            for (double v : values) line.append(',').append(v);
            write(stateOut, line.append('\n'));
        }

        @Override
        public void rates(double binStart, double[] rates) {
            if (ratesOut == null) return;
            line.setLength(0);
            line.append(binStart);
            for (double r : rates) line.append(',').append(r);
            write(ratesOut, line.append('\n'));
        }

        private void write(OutputFile out, StringBuilder s) {
            chars = writeChars(out, s, chars);
        }

        @Override
        public void flush() {
            spikeWriter.flush();
        }

        @Override
        public void close() {
            RuntimeException error = null;
            try {
                spikeWriter.finish();
            } catch (RuntimeException e) {
                error = e;
            }
            for (OutputFile f : new OutputFile[] {spikesOut, stateOut, ratesOut, weightsOut}) if (f != null) f.close();
            if (error != null) throw error;
        }
    }

    /** Writes the builder's characters through a reused char buffer (returned, grown if need be). */
    static char[] writeChars(OutputFile out, StringBuilder s, char[] chars) {
        int n = s.length();
        if (chars.length < n) chars = new char[Math.max(n, 2 * chars.length)];
        s.getChars(0, n, chars, 0);
        out.write(chars, n);   // an OutputException names the file
        return chars;
    }

    /** spikes.csv on a thread of its own, in chunks handed over in order (see the class comment). */
    private static final class SpikeWriter {
        private static final int CHUNK = 1 << 14;
        private final OutputFile out;
        private final java.util.List<String> populations;
        private final java.util.concurrent.ArrayBlockingQueue<Chunk> free = new java.util.concurrent.ArrayBlockingQueue<>(3);
        private final java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "neurosim-spikes.csv");
            t.setDaemon(true);
            return t;
        });
        private final StringBuilder line = new StringBuilder(1 << 16);   // the writer thread's
        private char[] chars = new char[1 << 16];
        private volatile RuntimeException failure;
        private Chunk filling;

        private static final class Chunk {
            final int[] population = new int[CHUNK], neuron = new int[CHUNK];
            final double[] time = new double[CHUNK];
            int count;
        }

        SpikeWriter(OutputFile out, java.util.List<String> populations) {
            this.out = out;
            this.populations = populations;
            for (int k = 0; k < 3; k++) free.add(new Chunk());
        }

        void add(int population, double stepStart, SpikeBuffer b) {
            for (int k = 0; k < b.count(); k++) {
                if (filling == null) filling = take();
                Chunk c = filling;
                c.population[c.count] = population;
                c.neuron[c.count] = b.neuron(k);
                c.time[c.count++] = stepStart + b.offset(k);
                if (c.count == CHUNK) hand();
            }
        }

        private Chunk take() {
            try {
                Chunk c = free.take();   // waits while the writer is behind by every chunk
                if (failure != null) throw failure;
                return c;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing spikes.csv", e);
            }
        }

        private void hand() {
            Chunk c = filling;
            filling = null;
            thread.execute(() -> {
                try {
                    if (failure == null) format(c);
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    c.count = 0;
                    free.add(c);
                }
            });
        }

        private void format(Chunk c) {
            for (int k = 0; k < c.count; ) {
                line.setLength(0);
                for (int end = Math.min(c.count, k + 1024); k < end; k++) {
                    line.append(populations.get(c.population[k])).append(',').append(c.neuron[k]).append(',')
                            .append(c.time[k]).append('\n');
                }
                chars = writeChars(out, line, chars);
            }
        }

        /** Waits until every spike handed so far is in the file's buffer (the writer runs its tasks in order). */
        void flush() {
            if (filling != null && filling.count > 0) hand();
            try {
                thread.submit(() -> { }).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing spikes.csv", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            if (failure != null) throw failure;
        }

        /** Writes what is left and stops the thread; rethrows the writer's failure, if any. */
        void finish() {
            if (filling != null && filling.count > 0) hand();
            thread.shutdown();
            try {
                if (!thread.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES)) {
                    throw new IllegalStateException("spikes.csv: the writer did not finish");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing spikes.csv", e);
            }
            if (failure != null) throw failure;
        }
    }
}
