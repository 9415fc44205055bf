package org.neurosim.network.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.neurosim.core.model.SpikeBuffer;
import org.neurosim.core.output.AtomicFile;
import org.neurosim.core.output.OutputContext;
import org.neurosim.core.output.OutputFormat;
import org.neurosim.core.output.RunOutput;
import org.neurosim.core.param.Parameters;

/**
 * The specified outputs (../shared/spec/cli.md): {@code spikes.csv} ({@code population,neuron,time_s}),
 * {@code state.csv} ({@code time_s} then one column per trace) and {@code rates.csv} ({@code time_s} then one
 * column per population, Hz), values in SI units. Rows are built in one reused buffer and written without
 * allocating, so a long run produces no garbage and its memory stays flat.
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
        private final AtomicFile spikesOut, stateOut, ratesOut, weightsOut;
        private final StringBuilder line = new StringBuilder(256);
        private char[] chars = new char[1024];

        Writer(OutputContext c) {
            this.populations = c.populations();
            spikesOut = AtomicFile.open(c.directory(), "spikes.csv", "population,neuron,time_s");
            stateOut = c.traces().isEmpty() ? null
                    : AtomicFile.open(c.directory(), "state.csv", "time_s," + String.join(",", c.traces()));
            ratesOut = c.ratePopulations() == null ? null
                    : AtomicFile.open(c.directory(), "rates.csv", "time_s," + String.join(",", c.ratePopulations()));
            weightsOut = c.weights() ? AtomicFile.open(c.directory(), "weights.csv", "time_s,projection,source,target,weight")
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
            line.setLength(0);
            String name = populations.get(population);
            for (int k = 0; k < b.count(); k++) {
                line.append(name).append(',').append(b.neuron(k)).append(',').append(stepStart + b.offset(k))
                        .append('\n');
            }
            write(spikesOut, line);
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

        private void write(AtomicFile out, StringBuilder s) {
            int n = s.length();
            if (chars.length < n) chars = new char[Math.max(n, 2 * chars.length)];
            s.getChars(0, n, chars, 0);
            try {
                out.writer().write(chars, 0, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            for (AtomicFile f : new AtomicFile[] {spikesOut, stateOut, ratesOut, weightsOut}) if (f != null) f.close();
        }
    }
}
