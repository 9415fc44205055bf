package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosim.core.InvalidInputException;

/**
 * Built-in models take a value per neuron for their parameters (a list or a distribution, ../shared/spec/config.md
 * third round): each neuron of a population given per-neuron values must be exactly the neuron a population of
 * one, given that neuron's values as scalars, is. Reference: the same model run as one-neuron populations in the same
 * network (the per-neuron arithmetic is the same, so the spike times must be equal to the last bit).
 */
class PerNeuronParametersTest {

    /** The spike times of population {@code pop}'s neuron {@code i}, as recorded. */
    private static List<String> times(List<String> spikes, String pop, int i) {
        List<String> out = new ArrayList<>();
        for (String s : spikes) {
            String[] f = s.split(" ");
            if (f[0].equals(pop) && Integer.parseInt(f[1]) == i) out.add(f[2]);
        }
        return out;
    }

    private static void eachNeuronEqualsItsOwnPopulation(String model, String integrator, String input, String listName,
                                                         String[] list, String otherName, String[] other) {
        StringBuilder yaml = new StringBuilder("dt: 0.01 ms\nduration: 60 ms\npopulations:\n");
        yaml.append("  mixed: {model: ").append(model).append(", size: ").append(list.length)
                .append(", integrator: ").append(integrator).append(", input: ").append(input)
                .append(", params: {").append(listName).append(": [").append(String.join(", ", list)).append("], ")
                .append(otherName).append(": [").append(String.join(", ", other)).append("]}}\n");
        for (int i = 0; i < list.length; i++) {
            yaml.append("  one").append(i).append(": {model: ").append(model).append(", size: 1, integrator: ")
                    .append(integrator).append(", input: ").append(input).append(", params: {").append(listName)
                    .append(": ").append(list[i]).append(", ").append(otherName).append(": ").append(other[i])
                    .append("}}\n");
        }
        yaml.append("record: {spikes: all}\n");
        Network net = Nets.build(yaml.toString());
        List<String> spikes = Nets.spikes(Nets.run(net), net);
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < list.length; i++) {
            List<String> alone = times(spikes, "one" + i, 0);
            assertThat(times(spikes, "mixed", i)).as("neuron %d of %s", i, model).isEqualTo(alone);
            counts.add(alone.size());
        }
        // the values matter: the neurons do not all fire alike
        assertThat(new java.util.HashSet<>(counts)).as("spike counts %s", counts).hasSizeGreaterThan(1);
    }

    @Test
    void hodgkinHuxleyNeuronsTakeTheirOwnConductancesAndRestingPotential() {
        // g_na from 120 down to 60 mS/cm^2 and e_l shifted: each neuron has its own rest (found per neuron)
        eachNeuronEqualsItsOwnPopulation("hh", "rk4", "8 uA/cm^2", "g_na",
                new String[] {"120 mS/cm^2", "90 mS/cm^2", "70 mS/cm^2"},
                "e_l", new String[] {"-54.387 mV", "-50 mV", "-60 mV"});
    }

    @Test
    void traubMilesNeuronsTakeTheirOwnConductancesAndArea() {
        eachNeuronEqualsItsOwnPopulation("hh-traub", "exponential-euler", "0.2 nA", "g_kd",
                new String[] {"30 mS/cm^2", "15 mS/cm^2", "45 mS/cm^2"},
                "area", new String[] {"20000 um^2", "10000 um^2", "40000 um^2"});
    }

    @Test
    void traubMilesNeuronsTakeTheirOwnSpikeThresholdAndRefractoryPeriod() {
        eachNeuronEqualsItsOwnPopulation("hh-traub", "exponential-euler", "0.3 nA", "spike_threshold",
                new String[] {"-20 mV", "10 mV", "-30 mV"},
                "tau_ref", new String[] {"3 ms", "1 ms", "20 ms"});
    }

    @Test
    void dormandPrinceAdvancesEachNeuronWithItsOwnParameters() {
        // the adaptive stepper advances one neuron at a time: it must read that neuron's values, not neuron 0's
        eachNeuronEqualsItsOwnPopulation("hh-traub", "dormand-prince", "0.2 nA", "g_kd",
                new String[] {"30 mS/cm^2", "15 mS/cm^2", "45 mS/cm^2"},
                "e_l", new String[] {"-60 mV", "-55 mV", "-65 mV"});
    }

    @Test
    void aDistributionIsDrawnPerNeuronAndReproducibleFromTheSeed() {
        String yaml = "dt: 0.01 ms\nduration: 60 ms\nseed: 5\npopulations:\n  p: {model: hh, size: 20, input: 8 uA/cm^2, "
                + "params: {g_na: \"uniform(60 mS/cm^2, 120 mS/cm^2)\"}}\nrecord: {spikes: all}\n";
        Network a = Nets.build(yaml), b = Nets.build(yaml);
        List<String> sa = Nets.spikes(Nets.run(a), a);
        assertThat(sa).isEqualTo(Nets.spikes(Nets.run(b), b));
        java.util.Set<Integer> counts = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) counts.add(times(sa, "p", i).size());
        assertThat(counts).hasSizeGreaterThan(1);
    }

    @Test
    void aParameterAModelTakesOncePerPopulationIsRefusedByKey() {
        assertThatThrownBy(() -> Nets.build("dt: 0.01 ms\nduration: 1 ms\npopulations:\n  p: {model: rate, size: 2, "
                + "params: {activation: lif-rate, tau_m: [10 ms, 20 ms]}}\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("populations.p.params.tau_m: this model takes one value for the whole "
                        + "population here, not one per neuron");
        assertThatThrownBy(() -> Nets.build("dt: 0.01 ms\nduration: 1 ms\npopulations:\n  p: {model: hh, size: 2, "
                + "params: {g_na: [120 mS/cm^2]}}\n"))
                .hasMessage("populations.p.params.g_na: expected 2 values (one per neuron), got 1");
    }
}
