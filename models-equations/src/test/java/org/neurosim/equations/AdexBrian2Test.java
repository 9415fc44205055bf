package org.neurosim.equations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.DataValue;
import org.neurosim.core.param.Parameters;
import org.neurosim.integrators.Euler;
import org.neurosim.integrators.PopulationSolver;
import org.neurosim.integrators.RungeKutta4;

/**
 * AdEx typed as equations against Brian2 2.5.1 running the same equations with the same method and dt
 * (benchmarks/peers/brian2_adex.py, its output stored in src/test/resources/brian2): three regimes, 0.5 s each.
 * Brian2 records a spike at the start of the step whose end is above threshold; NeuroSim interpolates the time
 * inside that step. So every spike must fall in the same step: 0 &lt;= t_neurosim - t_brian2 &lt;= dt.
 *
 * <p>Both hold v for 199 steps of 0.01 ms after the spike's step with {@code refractory: 2 ms}: an equations model
 * follows Brian2's rule, testing the threshold again round(2 ms / dt) steps after the spike's step (config.md).
 */
class AdexBrian2Test {
    static final String EQUATIONS = """
            dv/dt = (-g_l*(v - e_l) + g_l*delta_t*exp((v - v_t)/delta_t) - w + I_ext)/c_m : volt (unless refractory)
            dw/dt = (a*(v - e_l) - w)/tau_w : amp
            """;

    static final Map<String, Map<String, String>> REGIMES = Map.of(
            "adapting", Map.of("c_m", "281 pF", "g_l", "30 nS", "e_l", "-70.6 mV", "v_t", "-50.4 mV", "delta_t", "2 mV",
                    "a", "4 nS", "tau_w", "144 ms", "b", "80.5 pA", "v_r", "-70.6 mV", "I", "1 nA"),
            "tonic", Map.of("c_m", "200 pF", "g_l", "10 nS", "e_l", "-70 mV", "v_t", "-50 mV", "delta_t", "2 mV",
                    "a", "2 nS", "tau_w", "30 ms", "b", "0 pA", "v_r", "-58 mV", "I", "500 pA"),
            "bursting", Map.of("c_m", "200 pF", "g_l", "10 nS", "e_l", "-58 mV", "v_t", "-50 mV", "delta_t", "2 mV",
                    "a", "2 nS", "tau_w", "120 ms", "b", "100 pA", "v_r", "-46 mV", "I", "210 pA"));

    @ParameterizedTest
    @CsvSource({"rk4, adapting", "rk4, tonic", "rk4, bursting", "euler, adapting", "euler, tonic", "euler, bursting"})
    void everySpikeFallsInTheStepBrian2RecordsIt(String method, String regime) throws IOException {
        JsonNode ref = new ObjectMapper().readTree(Path.of("src", "test", "resources", "brian2",
                "adex-" + method + "-0.01ms.json").toFile()).get(regime);
        double dt = ref.get("dt").asDouble();
        Map<String, String> p = new LinkedHashMap<>(REGIMES.get(regime));
        double input = org.neurosim.core.units.Units.parse(p.remove("I")).si();
        DefinedModel m = EquationsModel.builder(EQUATIONS).threshold("v > v_t + 5*delta_t")
                .reset("v = v_r\nw += b").refractory("2 ms").build();
        Map<String, Object> given = new LinkedHashMap<>();
        p.forEach((k, v) -> given.put(k, new DataValue(v, "params." + k, null)));
        NeuronDynamics d = m.create(PopulationContext.single(dt), Parameters.resolve(m.parameters(), given, "params"));
        Integrator integrator = method.equals("rk4") ? new RungeKutta4() : new Euler();
        // from v = e_l, w = 0 as the Brian2 script starts
        PopulationSolver solver = new PopulationSolver(d, integrator, 1, dt);
        solver.state()[0][0] = org.neurosim.core.units.Units.parse(p.get("e_l")).si();
        solver.state()[1][0] = 0;
        Drive drive = new Drive(1, true);
        drive.current[0] = input;
        List<Double> spikes = new ArrayList<>();
        long steps = Math.round(0.5 / dt);
        for (long n = 0; n < steps; n++) {
            long step = n;
            solver.step(drive, (i, offset) -> spikes.add(step * dt + offset), 0, 1);
        }
        double[] ours = spikes.stream().mapToDouble(Double::doubleValue).toArray();
        JsonNode theirs = ref.get("spikes");
        assertThat(theirs.size()).as("Brian2's spikes").isGreaterThan(5);
        assertThat(ours.length).as("spike count").isEqualTo(theirs.size());
        for (int k = 0; k < ours.length; k++) {
            double delta = ours[k] - theirs.get(k).asDouble();
            assertThat(delta).as("spike " + k + " at " + ours[k] + " s").isBetween(-1e-12, dt + 1e-12);
        }
    }
}
