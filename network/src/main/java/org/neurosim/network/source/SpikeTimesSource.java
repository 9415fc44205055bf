package org.neurosim.network.source;

import org.neurosim.core.StepTime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.DataValue;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.source.SpikeSource;
import org.neurosim.core.source.SpikeSourceModel;
import org.neurosim.core.units.Dimension;

/**
 * Neurons that spike at given times: {@code times}, a list of times per neuron or a CSV file with columns
 * {@code neuron,time_s} (given as the population key {@code times}). Each spike keeps its exact time inside its
 * step; every run replays the same spikes from t = 0.
 */
public final class SpikeTimesSource implements SpikeSourceModel {
    @Override public String name() { return "spike-times"; }
    @Override public String description() {
        return "source: spikes at given times (population key 'times', or a CSV file neuron,time_s)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.data("times",
                "a list of spike times per neuron, or a CSV file with columns neuron,time_s"));
    }

    @Override
    public SpikeSource create(PopulationContext c, Parameters p) {
        List<Integer> neurons = new ArrayList<>();
        List<Double> t = new ArrayList<>();
        read(p.data("times"), c.size(), neurons, t);
        int n = t.size();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) order[k] = k;
        Arrays.sort(order, (a, b) -> Double.compare(t.get(a), t.get(b)));
        int[] who = new int[n];
        double[] when = new double[n];
        for (int k = 0; k < n; k++) {
            who[k] = neurons.get(order[k]);
            when[k] = t.get(order[k]);
            if (who[k] < 0 || who[k] >= c.size()) {
                throw new InvalidInputException(c.key() + ".times: neuron " + who[k]
                        + " does not exist; the population has neurons 0 to " + (c.size() - 1));
            }
            if (!(when[k] >= 0) || !Double.isFinite(when[k])) {
                throw new InvalidInputException(c.key() + ".times: expected spike times >= 0, got " + when[k] + " s");
            }
        }
        // each time on the grid once, by the rule every part of the engine uses (StepTime)
        double dt = c.dt();
        long[] step = new long[n];
        double[] offset = new double[n];
        for (int k = 0; k < n; k++) {
            step[k] = StepTime.step(when[k], dt);
            offset[k] = StepTime.offset(when[k], step[k], dt);
        }
        return new SpikeSource() {
            private int next;

            @Override
            public void emit(long now, java.util.SplittableRandom random, org.neurosim.core.model.SpikeSink spikes) {
                if (now == 0) next = 0;   // a new run
                while (next < step.length && step[next] <= now) {
                    if (step[next] == now) spikes.spike(who[next], offset[next]);
                    next++;
                }
            }
        };
    }

    private static void read(DataValue c, int size, List<Integer> neurons, List<Double> t) {
        if (c.isList()) {
            List<DataValue> rows = c.list();
            if (rows.size() != size) {
                throw c.error("expected " + size + " lists of times (one per neuron), got " + rows.size());
            }
            for (int i = 0; i < size; i++) {
                for (DataValue tc : rows.get(i).isList() ? rows.get(i).list() : List.of(rows.get(i))) {
                    neurons.add(i);
                    t.add(tc.quantity(Dimension.TIME));
                }
            }
            return;
        }
        Path file = c.file();
        List<String> lines = c.lines();
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).strip();
            if (line.isEmpty() || (ln == 0 && line.startsWith("neuron"))) continue;
            String[] f = line.split(",");
            try {
                neurons.add(Integer.parseInt(f[0].strip()));
                t.add(Double.parseDouble(f[1].strip()));
            } catch (RuntimeException e) {
                throw new InvalidInputException(file + ": line " + (ln + 1) + ": expected 'neuron,time_s', got '"
                        + line + "'");
            }
        }
    }
}
