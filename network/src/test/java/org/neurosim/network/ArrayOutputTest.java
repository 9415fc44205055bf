package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosim.network.output.ArrayOutput;
import org.neurosim.network.output.Recorder;

/**
 * ArrayOutput, the listener that hands a run's recordings over as primitive arrays (the Python package's path):
 * it holds exactly what the recorder's in-memory samples hold when those are not cut, in the same order, and its
 * spike counts follow the normalised LIF's closed-form rate G(v_in) = 1 / (tau_ref - tau_m ln(1 - 1/v_in)).
 */
class ArrayOutputTest {
    static final String LIF = """
            name: lif
            dt: 0.1 ms
            duration: 1 s
            populations:
              neurons:
                model: lif
                size: 5
                params: {tau_m: 20 ms, tau_ref: 2 ms}
                input: [0.8, 1.1, 1.5, 2, 5]
              quiet: {model: lif, size: 2, params: {tau_m: 20 ms}}
            record:
              spikes: all
              state: [{population: neurons, variables: [v], neurons: [1, 3]}]
              rates: {bin: 50 ms}
              memory: {trace_rows: 100000}
            """;

    @Test
    void holdsWhatTheRecorderHoldsAsWholeArrays() {
        Network net = Nets.build(LIF);
        ArrayOutput out = new ArrayOutput(net);
        Recorder rec = new Simulation(net).listen(out).run().recorder();

        assertThat(out.populations()).containsExactly("neurons", "quiet");
        int[] neurons = out.spikeNeurons(0);
        double[] times = out.spikeTimes(0);
        assertThat(neurons).hasSize(rec.rasterCount()).hasSize(out.spikeCount(0));
        assertThat(times).hasSize(rec.rasterCount());
        for (int k = 0; k < rec.rasterCount(); k++) {
            assertThat(neurons[k]).isEqualTo(rec.rasterNeuron(k));
            assertThat(times[k]).isEqualTo(rec.rasterTime(k));
            if (k > 0) assertThat(times[k]).isGreaterThanOrEqualTo(times[k - 1]);
        }
        assertThat(out.spikeNeurons(1)).isEmpty();
        assertThat(out.spikeTimes(1)).isEmpty();

        assertThat(out.traceNames()).containsExactly("neurons.v[1]", "neurons.v[3]");
        List<double[]> rows = rec.traceRows();
        double[] t = out.stateTimes(), state = out.state();
        assertThat(t).hasSize(10_001).hasSize(rows.size());
        assertThat(state).hasSize(2 * rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(t[i]).isEqualTo(rows.get(i)[0]);
            assertThat(state[2 * i]).isEqualTo(rows.get(i)[1]);
            assertThat(state[2 * i + 1]).isEqualTo(rows.get(i)[2]);
        }

        assertThat(out.ratePopulations()).containsExactly("neurons", "quiet");
        List<double[]> bins = rec.rateRows();
        assertThat(out.rateTimes()).hasSize(20).hasSize(bins.size());
        double[] rates = out.rates();
        for (int i = 0; i < bins.size(); i++) {
            assertThat(out.rateTimes()[i]).isEqualTo(bins.get(i)[0]);
            assertThat(rates[2 * i]).isEqualTo(bins.get(i)[1]);
            assertThat(rates[2 * i + 1]).isZero();
        }
    }

    @Test
    void spikeCountsFollowTheClosedFormRate() {
        Network net = Nets.build(LIF);
        ArrayOutput out = new ArrayOutput(net);
        new Simulation(net).listen(out).run();
        double[] input = {0.8, 1.1, 1.5, 2, 5};
        int[] count = new int[5];
        for (int n : out.spikeNeurons(0)) count[n]++;
        for (int i = 0; i < 5; i++) {
            double g = input[i] <= 1 ? 0 : 1 / (0.002 - 0.020 * Math.log(1 - 1 / input[i]));
            // a neuron starting at v = 0 fires floor(G T) or one fewer times in T = 1 s
            assertThat((double) count[i]).as("neuron %d, G = %.3f Hz", i, g).isCloseTo(Math.floor(g), within(1.0));
        }
        // the first spike at t_1 = tau_m ln(v_in / (v_in - 1)), for v_in = 2: 20 ms ln 2
        double[] times = out.spikeTimes(0);
        int[] neurons = out.spikeNeurons(0);
        for (int k = 0; k < times.length; k++) {
            if (neurons[k] == 3) {
                assertThat(times[k]).isCloseTo(0.020 * Math.log(2), within(1e-4));
                break;
            }
        }
    }

    @Test
    void aSecondRunAppendsAndClearStartsOver() {
        Network net = Nets.build(LIF);
        ArrayOutput out = new ArrayOutput(net);
        Simulation sim = new Simulation(net).listen(out);
        sim.run();
        int first = out.spikeCount(0);
        sim.run();   // continues from t = 1 s
        assertThat(out.spikeCount(0)).isGreaterThan(first);
        assertThat(out.spikeTimes(0)[out.spikeCount(0) - 1]).isGreaterThan(1.0);
        out.clear();
        assertThat(out.spikeCount(0)).isZero();
        assertThat(out.stateTimes()).isEmpty();
        assertThat(out.state()).isEmpty();
        assertThat(out.rates()).isEmpty();
        sim.run();
        assertThat(out.stateTimes()[0]).isCloseTo(2.0, within(1e-9));
    }
}
