package org.neurosim.lif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.model.AnalyticRate;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.DataValue;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.integrators.PopulationSolver;

/**
 * lif and lif-cond with every parameter given per neuron: each neuron of the population gives, bit for bit, the spikes
 * and membrane of a population of that one neuron with its values as scalars, under every integrator that steps the
 * model (so the spike rule's threshold, reset and refractory period per neuron, the anchors and crossing times of
 * exact and the whole-step refractoriness of exact-grid are each neuron's own), with the population stepped in chunks.
 * For exact, the spike times are also checked against the closed form: from V = v_rest the first spike comes at
 * t_1 = tau_m ln((v_inf - v_rest) / (v_inf - v_th)), then one every tau_ref + tau_m ln((v_inf - v_reset) /
 * (v_inf - v_th)), v_inf = v_rest + (tau_m / c_m) I.
 */
class LifPerNeuronTest {
    static final PluginRegistry PLUGINS = PluginRegistry.load();
    static final double DT = 1e-4;
    static final int STEPS = 1000;

    // five neurons: tau_ref 0, not a whole number of steps, and whole; every value different from neuron to neuron
    static final String[] TAU_M = {"10 ms", "20 ms", "15 ms", "8 ms", "12.5 ms"};
    static final String[] TAU_REF = {"2 ms", "0.5 ms", "3.33 ms", "0 ms", "1.26 ms"};
    static final String[] V_REST = {"-65 mV", "-70 mV", "-60 mV", "-68 mV", "-66 mV"};
    static final String[] V_TH = {"-50 mV", "-52 mV", "-48 mV", "-55 mV", "-51 mV"};
    static final String[] V_RESET = {"-65 mV", "-60 mV", "-70 mV", "-58 mV", "-62 mV"};
    static final String[] C_M = {"250 pF", "200 pF", "300 pF", "150 pF", "220 pF"};
    static final int N = TAU_M.length;

    static Map<String, String[]> values() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("tau_m", TAU_M);
        m.put("tau_ref", TAU_REF);
        m.put("v_rest", V_REST);
        m.put("v_th", V_TH);
        m.put("v_reset", V_RESET);
        m.put("c_m", C_M);
        return m;
    }

    /** The population: a list per parameter. */
    static NeuronDynamics population(String model) {
        return population(model, null);
    }

    /**
     * The population: a list for {@code varying} (every parameter when null), neuron 0's value for the others (the
     * single populations then get neuron 0's values for those too: see {@link #single}).
     */
    static NeuronDynamics population(String model, String varying) {
        NeuronModel m = PLUGINS.get(PluginKind.NEURON_MODEL, model, null);
        Map<String, Object> given = new LinkedHashMap<>();
        values().forEach((k, v) -> given.put(k, varying == null || varying.equals(k)
                ? new DataValue(List.of(v), "populations.p.params." + k, null) : v[0]));
        return m.create(new PopulationContext("populations.p", "p", N, DT, 1), Parameters.resolve(m.parameters(),
                given, "populations.p.params", null, new Parameters.PerNeuron(N, new SplittableRandom(1))));
    }

    /** Neuron i alone, its values as scalars. */
    static NeuronDynamics single(String model, int i) {
        return single(model, i, null);
    }

    /** Neuron i alone, with its value of {@code varying} (of each parameter when null) and neuron 0's of the others. */
    static NeuronDynamics single(String model, int i, String varying) {
        NeuronModel m = PLUGINS.get(PluginKind.NEURON_MODEL, model, null);
        Map<String, Object> given = new LinkedHashMap<>();
        values().forEach((k, v) -> given.put(k, varying == null || varying.equals(k) ? v[i] : v[0]));
        return m.create(new PopulationContext("populations.s", "s", 1, DT, 1), Parameters.resolve(m.parameters(),
                given, "populations.s.params"));
    }

    record Spike(int neuron, int step, double offset) { }

    /** What one population did: its spikes, and v of each neuron after each step. */
    record Run(List<Spike> spikes, double[][] v) { }

    /**
     * Steps a population of n neurons (in the chunks given) with a current that changes now and then (so exact
     * re-anchors) and, for lif-cond, a conductance toward 0 mV that decays between kicks.
     */
    static Run run(NeuronDynamics d, String integrator, int n, int[] chunks, boolean conductance) {
        Integrator in = PLUGINS.get(PluginKind.INTEGRATOR, integrator, null);
        PopulationSolver solver = new PopulationSolver(d, in, n, DT);
        Drive drive = new Drive(n);
        List<Spike> spikes = new ArrayList<>();
        double[][] v = new double[STEPS + 1][];
        v[0] = solver.state()[0].clone();
        for (int k = 0; k < STEPS; k++) {
            double current = (k / 100) % 3 == 2 ? 150e-12 : 420e-12;
            double g = conductance ? 8e-9 * Math.exp(-(k % 150) * DT / 0.004) : 0;
            java.util.Arrays.fill(drive.current, current);
            java.util.Arrays.fill(drive.conductance, g);
            java.util.Arrays.fill(drive.conductanceTimesReversal, g * 0.0);
            int step = k;
            for (int c = 0; c + 1 < chunks.length; c++) {
                int bad = solver.step(drive, (i, o) -> spikes.add(new Spike(i, step, o)), chunks[c], chunks[c + 1]);
                assertThat(bad).isEqualTo(-1);
            }
            v[k + 1] = solver.state()[0].clone();
        }
        return new Run(spikes, v);
    }

    static void assertEachNeuronIsItsOwnPopulation(String model, String integrator, boolean conductance) {
        assertEachNeuronIsItsOwnPopulation(model, integrator, conductance, null);
    }

    static void assertEachNeuronIsItsOwnPopulation(String model, String integrator, boolean conductance,
                                                   String varying) {
        Run all = run(population(model, varying), integrator, N, new int[] {0, 2, N}, conductance);
        int total = 0;
        for (int i = 0; i < N; i++) {
            Run one = run(single(model, i, varying), integrator, 1, new int[] {0, 1}, conductance);
            int neuron = i;
            List<Spike> mine = all.spikes().stream().filter(s -> s.neuron() == neuron)
                    .map(s -> new Spike(0, s.step(), s.offset())).toList();
            assertThat(mine).as("%s %s neuron %d spikes", model, integrator, i).isEqualTo(one.spikes());
            total += mine.size();
            for (int k = 0; k <= STEPS; k++) {
                assertThat(all.v()[k][i]).as("%s %s neuron %d v after step %d", model, integrator, i, k)
                        .isEqualTo(one.v()[k][0]);
            }
        }
        assertThat(total).as("spikes").isGreaterThan(varying == null ? 4 * N : N);
    }

    @ParameterizedTest
    @ValueSource(strings = {"euler", "heun", "rk4", "dormand-prince", "exact", "exact-grid"})
    void eachLifNeuronIsAPopulationOfItsOwn(String integrator) {
        assertEachNeuronIsItsOwnPopulation("lif", integrator, false);
    }

    /** One parameter per neuron and the others alike: the paths that keep a scalar for those. */
    @ParameterizedTest(name = "{0}: {1} per neuron, {2}")
    @org.junit.jupiter.params.provider.CsvSource({
            "lif, tau_m, exact", "lif, tau_m, exact-grid", "lif, tau_m, euler", "lif, tau_ref, exact",
            "lif, tau_ref, exact-grid", "lif, tau_ref, rk4", "lif, v_rest, exact", "lif, v_rest, exact-grid",
            "lif, v_rest, euler", "lif, v_th, exact", "lif, v_th, exact-grid", "lif, v_th, euler", "lif, v_reset, exact",
            "lif, v_reset, exact-grid", "lif, v_reset, rk4", "lif, c_m, exact", "lif, c_m, exact-grid",
            "lif, c_m, dormand-prince", "lif-cond, v_th, exponential-euler", "lif-cond, tau_ref, rk4",
            "lif-cond, v_reset, dormand-prince", "lif-cond, tau_m, exponential-euler"})
    void oneParameterPerNeuron(String model, String varying, String integrator) {
        assertEachNeuronIsItsOwnPopulation(model, integrator, model.equals("lif-cond"), varying);
    }

    @ParameterizedTest
    @ValueSource(strings = {"euler", "heun", "rk4", "exponential-euler", "dormand-prince"})
    void eachConductanceLifNeuronIsAPopulationOfItsOwn(String integrator) {
        assertEachNeuronIsItsOwnPopulation("lif-cond", integrator, true);
    }

    @Test
    void theRestingStateIsEachNeuronsOwn() {
        PopulationSolver s = new PopulationSolver(population("lif"), PLUGINS.get(PluginKind.INTEGRATOR, "exact", null),
                N, DT);
        for (int i = 0; i < N; i++) assertThat(s.state()[0][i]).isEqualTo(si(V_REST[i]));
    }

    @Test
    void exactSpikeTimesAreEachNeuronsClosedForm() {
        NeuronDynamics d = population("lif");
        PopulationSolver solver = new PopulationSolver(d, PLUGINS.get(PluginKind.INTEGRATOR, "exact", null), N, DT);
        Drive drive = new Drive(N);
        double current = 420e-12;
        java.util.Arrays.fill(drive.current, current);
        List<List<Double>> times = new ArrayList<>();
        for (int i = 0; i < N; i++) times.add(new ArrayList<>());
        for (int k = 0; k < 2000; k++) {
            int step = k;
            solver.step(drive, (i, o) -> times.get(i).add(step * DT + o), 0, N);
        }
        for (int i = 0; i < N; i++) {
            double tauM = si(TAU_M[i]), tauRef = si(TAU_REF[i]), vRest = si(V_REST[i]), vTh = si(V_TH[i]);
            double vReset = si(V_RESET[i]), vInf = vRest + tauM / si(C_M[i]) * current;
            double first = tauM * Math.log((vInf - vRest) / (vInf - vTh));
            double period = tauRef + tauM * Math.log((vInf - vReset) / (vInf - vTh));
            List<Double> t = times.get(i);
            assertThat(t).as("neuron %d", i).hasSizeGreaterThan(3);
            for (int s = 0; s < t.size(); s++) {
                // each spike's time is the step's start plus its offset: round-off of that sum, 1e-12 s by far
                assertThat(t.get(s)).as("neuron %d spike %d", i, s).isCloseTo(first + s * period, within(1e-12));
            }
            // and the model's own rate curve for that neuron
            assertThat(((AnalyticRate) d).analyticRate(i, current)).isCloseTo(1 / period, within(1e-9 / period));
            assertThat(((AnalyticRate) d).analyticRate(i, current))
                    .isEqualTo(((AnalyticRate) single("lif", i)).analyticRate(current));
        }
    }

    @Test
    void thePopulationsRateCurveIsRefusedWhenItDiffersBetweenNeurons() {
        assertThatThrownBy(() -> ((AnalyticRate) population("lif")).analyticRate(420e-12))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("analyticRate(neuron, input)");
    }

    @Test
    void aThresholdBelowItsNeuronsResetAndAMissingCapacitanceAreRefused() {
        NeuronModel m = new LeakyIntegrateAndFire();
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("v_th", new DataValue(List.of("-50 mV", "-75 mV", "-50 mV"), "p.v_th", null));
        given.put("v_rest", "-70 mV");
        given.put("v_reset", "-70 mV");
        assertThatThrownBy(() -> m.create(new PopulationContext("p", "p", 3, DT, 1), Parameters.resolve(m.parameters(),
                given, "p", null, new Parameters.PerNeuron(3, new SplittableRandom(1)))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("v_th: expected a threshold above v_reset for every neuron; neuron 1 has v_th -0.075 and "
                        + "v_reset -0.07 (SI)");
        given.put("v_th", "-50 mV");
        given.put("c_m", new DataValue(List.of("250 pF", "0 pF", "250 pF"), "p.c_m", null));
        assertThatThrownBy(() -> m.create(new PopulationContext("p", "p", 3, DT, 1), Parameters.resolve(m.parameters(),
                given, "p", null, new Parameters.PerNeuron(3, new SplittableRandom(1)))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("c_m: give a capacitance to every neuron or to none");
    }

    @Test
    void oneValueForAllKeepsTheScalarRule() {
        // a list of equal values is one value: the spike rule has no arrays, the population any size
        NeuronModel m = new LeakyIntegrateAndFire();
        NeuronDynamics d = m.create(new PopulationContext("p", "p", 3, DT, 1), Parameters.resolve(m.parameters(),
                Map.of("tau_m", new DataValue(List.of("10 ms", "10 ms", "10 ms"), "p.tau_m", null)), "p", null,
                new Parameters.PerNeuron(3, new SplittableRandom(1))));
        assertThat(d.spikeRule().uniform()).isTrue();
        assertThat(population("lif").spikeRule().uniform()).isFalse();
        assertThat(population("lif").spikeRule().threshold(3)).isEqualTo(si("-55 mV"));
        assertThat(population("lif").spikeRule().refractoryPeriod(2)).isEqualTo(si("3.33 ms"));
    }

    static double si(String quantity) {
        return org.neurosim.core.units.Units.parse(quantity).si();
    }
}
