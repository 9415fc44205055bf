package org.neurosim.network.output;

import java.util.Arrays;
import java.util.List;
import org.neurosim.core.model.SpikeBuffer;
import org.neurosim.core.output.RunOutput;
import org.neurosim.network.Network;
import org.neurosim.network.PopulationView;

/**
 * A listener ({@link org.neurosim.network.Simulation#listen}) that keeps everything a run records in growable
 * primitive arrays and hands it over as whole arrays, for callers that want the data in memory rather than in files
 * (the Python package reads them through JPype, one array per call, never an element at a time). Unlike the
 * recorder's in-memory samples it is not bounded by {@code record.memory}: every spike of every population whose
 * spikes are recorded, every state sample (one per step) and every rate bin.
 * <ul>
 *   <li>spikes per population: {@link #spikeNeurons(int)} and {@link #spikeTimes(int)}, in time order (s);</li>
 *   <li>state: {@link #stateTimes()} and {@link #state()}, a row-major matrix of {@code stateTimes().length} rows
 *       by {@link #traceNames()}{@code .length} columns ({@code exc.v[0]}, as the columns of state.csv);</li>
 *   <li>rates: {@link #rateTimes()} (bin starts) and {@link #rates()}, row-major by
 *       {@link #ratePopulations()}{@code .length} columns (Hz).</li>
 * </ul>
 * The arrays returned are copies of the right length. A listener added to a simulation hears every later run of it:
 * the arrays grow on; call {@link #clear} between runs to keep one run's data only. Memory: 12 bytes per spike and 8
 * bytes per trace per step.
 */
public final class ArrayOutput implements RunOutput {
    private final String[] populations;
    private final String[] traces;
    private final String[] ratePopulations;
    private int[][] neurons;
    private double[][] times;
    private int[] counts;
    private Rows state;
    private Rows rates;

    /** A listener for the recordings of {@code net} (its record section says what is recorded). */
    public ArrayOutput(Network net) {
        this.populations = net.populations().stream().map(PopulationView::name).toArray(String[]::new);
        this.traces = Recorder.traceNames(net).toArray(String[]::new);
        Network.RecordSpec r = net.record();
        List<String> rp = r.rateBin() > 0 ? r.ratePopulations() : List.of();
        this.ratePopulations = rp.toArray(String[]::new);
        clear();
    }

    /** Forgets everything collected so far (the arrays start empty again). */
    public void clear() {
        neurons = new int[populations.length][16];
        times = new double[populations.length][16];
        counts = new int[populations.length];
        state = new Rows(traces.length, 1024);
        rates = new Rows(ratePopulations.length, 64);
    }

    @Override
    public void spikes(int population, double stepStart, SpikeBuffer b) {
        int n = counts[population], add = b.count();
        if (n + add > neurons[population].length) {
            int size = Math.max(n + add, 2 * neurons[population].length);
            neurons[population] = Arrays.copyOf(neurons[population], size);
            times[population] = Arrays.copyOf(times[population], size);
        }
        int[] ns = neurons[population];
        double[] ts = times[population];
        for (int k = 0; k < add; k++) {
            ns[n + k] = b.neuron(k);
            ts[n + k] = stepStart + b.offset(k);
        }
        counts[population] = n + add;
    }

    @Override
    public void state(double time, double[] values) {
        state.add(time, values);
    }

    @Override
    public void rates(double binStart, double[] values) {
        rates.add(binStart, values);
    }

    @Override
    public void close() { }

    /** Every population's name, in the network's order (the index of {@link #spikeNeurons(int)}). */
    public String[] populations() {
        return populations.clone();
    }

    /** The number of spikes collected for population {@code population}. */
    public int spikeCount(int population) {
        return counts[population];
    }

    /** The neuron of each spike of population {@code population}, in time order. */
    public int[] spikeNeurons(int population) {
        return Arrays.copyOf(neurons[population], counts[population]);
    }

    /** The time (s) of each spike of population {@code population}, in time order. */
    public double[] spikeTimes(int population) {
        return Arrays.copyOf(times[population], counts[population]);
    }

    /** The recorded traces, {@code <population>.<variable>[<neuron>]}: the columns of {@link #state()}. */
    public String[] traceNames() {
        return traces.clone();
    }

    /** The time (s) of each state sample. */
    public double[] stateTimes() {
        return state.times();
    }

    /** The state samples, row-major: row i (at {@code stateTimes()[i]}) holds one value per trace, in SI units. */
    public double[] state() {
        return state.values();
    }

    /** The populations whose rates are recorded: the columns of {@link #rates()} (empty when none are). */
    public String[] ratePopulations() {
        return ratePopulations.clone();
    }

    /** The start (s) of each rate bin. */
    public double[] rateTimes() {
        return rates.times();
    }

    /** The population rates (Hz), row-major: row i (the bin starting at {@code rateTimes()[i]}), one per column. */
    public double[] rates() {
        return rates.values();
    }

    /** A growing table of rows, each a time and {@code width} values, kept row-major in one array. */
    private static final class Rows {
        private final int width;
        private double[] times;
        private double[] values;
        private int rows;

        Rows(int width, int capacity) {
            this.width = width;
            this.times = new double[capacity];
            this.values = new double[Math.max(1, width) * capacity];
        }

        void add(double time, double[] row) {
            if (width == 0) return;   // nothing recorded of this kind
            if (rows == times.length) {
                times = Arrays.copyOf(times, 2 * rows);
                values = Arrays.copyOf(values, times.length * width);
            }
            times[rows] = time;
            System.arraycopy(row, 0, values, rows * width, width);
            rows++;
        }

        double[] times() {
            return Arrays.copyOf(times, rows);
        }

        double[] values() {
            return Arrays.copyOf(values, rows * width);
        }
    }
}
