package org.neurosim.network;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.SpikeSink;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;

/**
 * Neurons that spike at given times: the population key {@code times} (a list of times per neuron) or a CSV file
 * with columns {@code neuron,time_s}. Each spike keeps its exact time inside its step.
 */
public final class SpikeTimesSource implements NeuronModel {
    @Override public String name() { return "spike-times"; }
    @Override public String description() {
        return "source: spikes at given times (population key 'times', or a CSV file neuron,time_s)";
    }
    @Override public List<ParameterSpec> parameters() { return List.of(); }

    @Override
    public NeuronDynamics create(Parameters p) {
        return new Times();
    }

    /** The dynamics; the loader sets the times. */
    public static final class Times extends SpikeSource {
        private int[] neurons = new int[0];
        private double[] times = new double[0];
        private int next;
        private long lastStep = -1;

        /** Sets all spikes: parallel arrays, in any order. */
        public void setSpikes(int[] neuronIndex, double[] spikeTimes) {
            Integer[] order = new Integer[spikeTimes.length];
            for (int k = 0; k < order.length; k++) order[k] = k;
            Arrays.sort(order, (a, b) -> Double.compare(spikeTimes[a], spikeTimes[b]));
            neurons = new int[order.length];
            times = new double[order.length];
            for (int k = 0; k < order.length; k++) {
                neurons[k] = neuronIndex[order[k]];
                times[k] = spikeTimes[order[k]];
            }
            next = 0;
        }

        @Override
        public void validate(int size, double dt, String key) {
            for (int k = 0; k < neurons.length; k++) {
                if (neurons[k] < 0 || neurons[k] >= size) {
                    throw new InvalidInputException(key + ".times: neuron " + neurons[k]
                            + " does not exist; the population has neurons 0 to " + (size - 1));
                }
                if (!(times[k] >= 0) || !Double.isFinite(times[k])) {
                    throw new InvalidInputException(key + ".times: expected spike times >= 0, got " + times[k] + " s");
                }
            }
        }

        @Override
        public void emit(long step, double dt, int size, SplittableRandom random, SpikeSink spikes) {
            if (step <= lastStep) next = 0;   // a new run
            lastStep = step;
            double end = (step + 1) * dt;
            double start = step * dt;
            while (next < times.length && times[next] < end) {
                if (times[next] >= start) spikes.spike(neurons[next], times[next] - start);
                next++;
            }
        }
    }
}
