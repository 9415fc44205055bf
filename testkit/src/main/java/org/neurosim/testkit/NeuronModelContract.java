package org.neurosim.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.integrators.PopulationSolver;
import org.neurosim.integrators.RungeKutta4;

/**
 * What every neuron-model plugin must do, as tests its own test class inherits:
 * <pre>
 *   class MyModelTest extends NeuronModelContract {
 *       protected NeuronModel model() { return new MyModel(); }
 *       protected double spikingInput() { return 10; }   // in the model's input dimension, SI
 *   }
 * </pre>
 * Checked: the declared parameters (names, descriptions, defaults that resolve), the resting state a stable
 * fixed point without input, derivatives finite around it and written only inside the range asked for (threads
 * share the arrays), and under {@link #spikingInput()} spikes reported with offsets inside their step.
 */
public abstract class NeuronModelContract {
    /** The plugin under test. */
    protected abstract NeuronModel model();

    /** A constant input (SI, the model's input dimension) under which the model fires. */
    protected abstract double spikingInput();

    /** Parameters to test with (by name, as configs write them); the defaults by default. */
    protected Map<String, String> parameters() {
        return Map.of();
    }

    /** The time step for the tests (0.01 ms by default). */
    protected double dt() {
        return 1e-5;
    }

    protected NeuronDynamics dynamics(int size) {
        NeuronModel m = model();
        return m.create(new PopulationContext("contract", "contract", size, dt(), 1),
                Parameters.resolve(m.parameters(), parameters(), "params"));
    }

    @Test
    void declaredParametersHaveNamesDescriptionsAndValidDefaults() {
        NeuronModel m = model();
        assertThat(m.name()).as("name").matches("[a-z0-9][a-z0-9_\\-]*");
        assertThat(m.description()).as("description").isNotBlank();
        for (ParameterSpec p : m.parameters()) {
            assertThat(p.description()).as("description of " + p.name()).isNotBlank();
        }
        Parameters.resolve(m.parameters(), parameters(), "params");   // throws when a default is invalid
        assertThat(dynamics(1).stateVariables()).as("state variables").isNotEmpty();
    }

    /** ds/dt at rest is zero (to 1e-6 of each variable's size per ms) and rest is stable: 100 ms stay near it. */
    @Test
    void restIsAStableFixedPoint() {
        NeuronDynamics d = dynamics(1);
        int n = d.stateVariables().size();
        double[] rest = new double[n];
        d.restingState(rest);
        double[][] s = new double[n][1], ds = new double[n][1];
        for (int k = 0; k < n; k++) s[k][0] = rest[k];
        d.derivatives(s, new Drive(1, d.separatesSynapticCurrent()), ds, 0, 1);
        for (int k = 0; k < n; k++) {
            double size = Math.max(Math.abs(rest[k]), 1e-3);
            assertThat(Math.abs(ds[k][0]) * 1e-3).as("d" + d.stateVariables().get(k).name() + "/dt at rest")
                    .isLessThan(1e-6 * size);
        }
        PopulationSolver solver = new PopulationSolver(d, new RungeKutta4(), 1, dt());
        for (int k = 0; k < n; k++) solver.state()[k][0] = rest[k] + 1e-3 * Math.max(Math.abs(rest[k]), 1e-3);
        List<Double> spikes = new ArrayList<>();
        Drive none = new Drive(1, d.separatesSynapticCurrent());
        for (long step = 0; step < Math.round(0.1 / dt()); step++) solver.step(none, (i, o) -> spikes.add(o), 0, 1);
        assertThat(spikes).as("spikes from a perturbed rest without input").isEmpty();
        for (int k = 0; k < n; k++) {
            double size = Math.max(Math.abs(rest[k]), 1e-3);
            assertThat(Math.abs(solver.state()[k][0] - rest[k])).as(d.stateVariables().get(k).name()
                    + " back near rest").isLessThan(0.05 * size);
        }
    }

    /** Around rest (each variable moved by up to 20% of its size) the derivatives are finite. */
    @Test
    void derivativesAreFiniteAroundRest() {
        NeuronDynamics d = dynamics(9);
        int n = d.stateVariables().size();
        double[] rest = new double[n];
        d.restingState(rest);
        double[][] s = new double[n][9], ds = new double[n][9];
        for (int i = 0; i < 9; i++) {
            for (int k = 0; k < n; k++) s[k][i] = rest[k] + (i - 4) * 0.05 * Math.max(Math.abs(rest[k]), 1e-3);
        }
        Drive drive = new Drive(9, d.separatesSynapticCurrent());
        java.util.Arrays.fill(drive.current, spikingInput());
        d.derivatives(s, drive, ds, 0, 9);
        for (int k = 0; k < n; k++) for (int i = 0; i < 9; i++) assertThat(ds[k][i]).isFinite();
    }

    /** Called for neurons 3..6 of 10, the model writes nothing outside them. */
    @Test
    void derivativesWriteOnlyTheirRange() {
        NeuronDynamics d = dynamics(10);
        int n = d.stateVariables().size();
        double[] rest = new double[n];
        d.restingState(rest);
        double[][] s = new double[n][10], ds = new double[n][10];
        for (int k = 0; k < n; k++) {
            java.util.Arrays.fill(s[k], rest[k]);
            java.util.Arrays.fill(ds[k], Double.NaN);
        }
        d.derivatives(s, new Drive(10, d.separatesSynapticCurrent()), ds, 3, 7);
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < 10; i++) {
                if (i >= 3 && i < 7) assertThat(ds[k][i]).isFinite();
                else assertThat(ds[k][i]).as("ds[" + k + "][" + i + "] outside the range").isNaN();
            }
        }
    }

    /** Under the spiking input, 0.5 s with the model's preferred integrator gives spikes, each inside its step. */
    @Test
    void spikesAreReportedInsideTheirStep() {
        NeuronDynamics d = dynamics(1);
        if (!d.spikeRule().spikes()) return;   // a rate model
        org.neurosim.core.integrate.Integrator integrator = preferredIntegrator(d);
        PopulationSolver solver = new PopulationSolver(d, integrator, 1, dt());
        double[] rest = new double[d.stateVariables().size()];
        d.restingState(rest);
        for (int k = 0; k < rest.length; k++) solver.state()[k][0] = rest[k];
        Drive drive = new Drive(1, d.separatesSynapticCurrent());
        drive.current[0] = spikingInput();
        List<Double> offsets = new ArrayList<>();
        for (long step = 0; step < Math.round(0.5 / dt()); step++) solver.step(drive, (i, o) -> offsets.add(o), 0, 1);
        assertThat(offsets).as("spikes under the spiking input").isNotEmpty();
        for (double o : offsets) assertThat(o).isBetween(0.0, dt());
    }

    /** The integrator the model prefers, from the built-in integrators. */
    protected org.neurosim.core.integrate.Integrator preferredIntegrator(NeuronDynamics d) {
        return switch (d.preferredIntegrator()) {
            case "euler" -> new org.neurosim.integrators.Euler();
            case "heun" -> new org.neurosim.integrators.Heun();
            case "exponential-euler" -> new org.neurosim.integrators.ExponentialEuler();
            case "exact" -> new org.neurosim.integrators.Exact();
            default -> new RungeKutta4();
        };
    }
}
