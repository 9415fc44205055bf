package org.neurosim.network.output;

import java.util.Arrays;
import java.util.List;
import org.neurosim.core.model.SpikeBuffer;
import org.neurosim.core.output.RunOutput;
import org.neurosim.network.Network;
import org.neurosim.network.engine.Population;

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
    private double[] stateTimes = new double[1024];
    private double[] state;
    private int stateRows;
    private double[] rateTimes = new double[64];
    private double[] rates;
    private int rateRows;

    /** A listener for the recordings of {@code net} (its record section says what is recorded). */
    public ArrayOutput(Network net) {
        this.populations = net.populations().stream().map(Population::name).toArray(String[]::new);
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
        stateRows = 0;
        state = new double[Math.max(1, traces.length) * stateTimes.length];
        rateRows = 0;
        rates = new double[Math.max(1, ratePopulations.length) * rateTimes.length];
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
        if (traces.length == 0) return;
        if (stateRows == stateTimes.length) {
            stateTimes = Arrays.copyOf(stateTimes, 2 * stateRows);
            state = Arrays.copyOf(state, stateTimes.length * traces.length);
        }
        stateTimes[stateRows] = time;
        System.arraycopy(values, 0, state, stateRows * traces.length, traces.length);
        stateRows++;
    }

    @Override
    public void rates(double binStart, double[] values) {
        if (ratePopulations.length == 0) return;
        if (rateRows == rateTimes.length) {
            rateTimes = Arrays.copyOf(rateTimes, 2 * rateRows);
            rates = Arrays.copyOf(rates, rateTimes.length * ratePopulations.length);
        }
        rateTimes[rateRows] = binStart;
        System.arraycopy(values, 0, rates, rateRows * ratePopulations.length, ratePopulations.length);
        rateRows++;
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
        return Arrays.copyOf(stateTimes, stateRows);
    }

    /** The state samples, row-major: row i (at {@code stateTimes()[i]}) holds one value per trace, in SI units. */
    public double[] state() {
        return Arrays.copyOf(state, stateRows * traces.length);
    }

    /** The populations whose rates are recorded: the columns of {@link #rates()} (empty when none are). */
    public String[] ratePopulations() {
        return ratePopulations.clone();
    }

    /** The start (s) of each rate bin. */
    public double[] rateTimes() {
        return Arrays.copyOf(rateTimes, rateRows);
    }

    /** The population rates (Hz), row-major: row i (the bin starting at {@code rateTimes()[i]}), one per column. */
    public double[] rates() {
        return Arrays.copyOf(rates, rateRows * ratePopulations.length);
    }
}
