package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.model.Drive;
import org.neurosim.integrators.DormandPrince;
import org.neurosim.integrators.Euler;
import org.neurosim.integrators.ExponentialEuler;
import org.neurosim.integrators.Heun;
import org.neurosim.integrators.PopulationSolver;
import org.neurosim.integrators.RungeKutta4;
import org.neurosim.testkit.ConvergenceOrder;

/**
 * Orders of accuracy measured on ds/dt = -s/tau, s(0) = 1/tau (../shared/science.md section 6), whose exact
 * solution exp(-t/tau)/tau is the reference. The order is the slope of log(error) against log(dt) over
 * dt, dt/2, ..., dt/16.
 */
class DecayConvergenceTest {
    static final double TAU = 0.010;
    static final double T_END = 0.020;

    static double error(Integrator integrator, double dt) {
        DecayEquation decay = new DecayEquation(TAU);
        PopulationSolver solver = new PopulationSolver(decay, integrator, 1, dt);
        Drive drive = new Drive(1);
        int steps = (int) Math.round(T_END / dt);
        for (int k = 0; k < steps; k++) solver.step(drive, (n, t) -> { }, 0, 1);
        return Math.abs(solver.state()[0][0] - decay.exact(T_END));
    }

    static double measuredOrder(Integrator integrator, double dt0) {
        return ConvergenceOrder.measure(dt -> error(integrator, dt), dt0, 5);
    }

    @Test
    void eulerIsFirstOrder() {
        assertThat(measuredOrder(new Euler(), 1e-3)).isCloseTo(1.0, within(0.2));
    }

    @Test
    void heunIsSecondOrder() {
        assertThat(measuredOrder(new Heun(), 1e-3)).isCloseTo(2.0, within(0.2));
    }

    @Test
    void rk4IsFourthOrder() {
        assertThat(measuredOrder(new RungeKutta4(), 2e-3)).isCloseTo(4.0, within(0.2));
    }

    @Test
    void exponentialEulerIsExactOnALinearEquation() {
        // with a constant coefficient a = -1/tau, s e^(a dt) is the exact propagator: only rounding remains
        assertThat(error(new ExponentialEuler(), 1e-3)).isLessThan(1e-12 * 100);
    }

    @Test
    void eulerMatchesTheCoursesClosedForm() {
        // s_k = (1/tau)(1 - dt/tau)^k: Euler's iterates, exactly (science.md section 6)
        double dt = 1e-3;
        DecayEquation decay = new DecayEquation(TAU);
        PopulationSolver solver = new PopulationSolver(decay, new Euler(), 1, dt);
        for (int k = 1; k <= 20; k++) {
            solver.step(new Drive(1), (n, t) -> { }, 0, 1);
            assertThat(solver.state()[0][0]).isCloseTo(Math.pow(1 - dt / TAU, k) / TAU, within(1e-9));
        }
    }

    @Test
    void eulerIsUnstableAboveTwoTau() {
        // |1 - dt/tau| > 1 for dt > 2 tau: the iterates grow and alternate in sign; below 2 tau they decay
        double unstable = Math.abs(iterate(2.5 * TAU, 40));
        double stable = Math.abs(iterate(1.5 * TAU, 40));
        assertThat(unstable).isGreaterThan(1e6 / TAU);
        assertThat(stable).isLessThan(1e-6 / TAU);
        assertThat(iterate(2.5 * TAU, 1)).isNegative();
    }

    private static double iterate(double dt, int steps) {
        PopulationSolver solver = new PopulationSolver(new DecayEquation(TAU), new Euler(), 1, dt);
        for (int k = 0; k < steps; k++) solver.step(new Drive(1), (n, t) -> { }, 0, 1);
        return solver.state()[0][0];
    }

    @Test
    void dormandPrinceReachesItsTolerance() {
        double e = error(new DormandPrince(), 1e-3);
        assertThat(e / (1 / TAU)).isLessThan(1e-8);
    }
}
