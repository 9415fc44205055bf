package org.neurosim.hh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.model.Drive;
import org.neurosim.core.param.Parameters;
import org.neurosim.integrators.DormandPrince;
import org.neurosim.integrators.Euler;
import org.neurosim.integrators.ExponentialEuler;
import org.neurosim.integrators.Heun;
import org.neurosim.integrators.PopulationSolver;
import org.neurosim.integrators.RungeKutta4;
import org.neurosim.testkit.ConvergenceOrder;

/**
 * Orders of accuracy measured on the HH equations (I = 10 uA/cm^2 from rest, through the first spike's upstroke):
 * the error in V at T = 3 ms against dormand-prince at tolerance 1e-13, at dt, dt/2, dt/4, dt/8.
 */
class HhConvergenceTest {
    static final double T = 0.003;

    static double[] endState(Integrator integrator, Parameters ip, double dt) {
        PopulationSolver s = new PopulationSolver(HodgkinHuxleyTest.hh(), integrator, ip, 1, dt);
        Drive d = new Drive(1);
        d.current[0] = 10 * HodgkinHuxleyTest.UA_PER_CM2;
        long steps = Math.round(T / dt);
        for (long k = 0; k < steps; k++) s.step(d, (n, t) -> { }, 0, 1);
        return new double[] {s.state()[0][0], s.state()[1][0], s.state()[2][0], s.state()[3][0]};
    }

    static double reference() {
        DormandPrince dp = new DormandPrince();
        return endState(dp, Parameters.resolve(dp.parameters(),
                java.util.Map.of("abs_tol", "1e-14", "rel_tol", "1e-13"), "p"), 1e-4)[0];
    }

    static double order(Integrator integrator, double dt0) {
        double ref = reference();
        return ConvergenceOrder.measure(
                dt -> Math.abs(endState(integrator, Parameters.defaults(integrator.parameters()), dt)[0] - ref), dt0, 4);
    }

    @Test
    void euler() {
        assertThat(order(new Euler(), 1e-5)).isCloseTo(1, within(0.2));
    }

    @Test
    void heun() {
        assertThat(order(new Heun(), 2e-5)).isCloseTo(2, within(0.2));
    }

    @Test
    void rk4() {
        assertThat(order(new RungeKutta4(), 1e-5)).isCloseTo(4, within(0.2));
    }

    @Test
    void exponentialEuler() {
        assertThat(order(new ExponentialEuler(), 2e-5)).isCloseTo(1, within(0.2));
    }
}
