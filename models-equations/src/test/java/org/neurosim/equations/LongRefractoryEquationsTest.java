package org.neurosim.equations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.integrators.Euler;
import org.neurosim.integrators.Exact;
import org.neurosim.integrators.PopulationSolver;
import org.neurosim.integrators.RungeKutta4;

/**
 * Issue 29 item 10 for a model typed as equations: `refractory: 1e308 ms` wrapped round to no refractory period on
 * the grid integrators (an int count of steps: 222 spikes in 1 s with rk4 and euler instead of 1). Reference: the
 * definition of the refractory period; the exact propagator (refractory time kept in seconds) already gave 1.
 */
class LongRefractoryEquationsTest {
    private static int spikesInOneSecond(String refractory, Integrator integrator) {
        DefinedModel m = EquationsModel.builder("""
                dv/dt = (-v + I_ext)/tau : 1 (unless refractory)
                tau : second
                """).threshold("v > 1").reset("v = 0").refractory(refractory).build();
        NeuronDynamics d = EquationsModelTest.create(m, Map.of("tau", "20 ms"), 1, 1e-4);
        PopulationSolver s = new PopulationSolver(d, integrator, 1, 1e-4);
        Drive drive = new Drive(1, d.separatesSynapticCurrent());
        drive.current[0] = 5;
        AtomicInteger spikes = new AtomicInteger();
        for (int n = 0; n < 10_000; n++) s.step(drive, (i, o) -> spikes.incrementAndGet(), 0, 1);
        return spikes.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rk4", "euler", "exact"})
    void aNeuronRefractoryForLongerThanTheRunFiresOnce(String name) {
        Integrator integrator = switch (name) {
            case "rk4" -> new RungeKutta4();
            case "euler" -> new Euler();
            default -> new Exact();
        };
        assertThat(spikesInOneSecond("2 ms", integrator)).isGreaterThan(100);
        assertThat(spikesInOneSecond("1e308 ms", integrator)).isEqualTo(1);
    }
}
