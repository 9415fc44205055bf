package org.neurosim.testkit;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.neurosim.integrators.DormandPrince;
import org.neurosim.integrators.Euler;
import org.neurosim.integrators.Exact;
import org.neurosim.integrators.ExactGrid;
import org.neurosim.integrators.ExponentialEuler;
import org.neurosim.integrators.Heun;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.integrators.RungeKutta4;
import org.neurosim.core.model.GridPropagated;
import org.neurosim.core.model.InputEvents;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.ExactlySolvable;
import org.neurosim.core.model.SpikeSink;
import org.neurosim.core.synapse.ModalFilter;

/**
 * The seven built-in integrators against the integrator contract, on its damped rotation: euler (1), heun (2),
 * rk4 (4), exponential-euler (1: the rotation couples its variables), dormand-prince (5, with tolerances so loose
 * that every step of dt is accepted whole: the fixed-step 5th-order method), exact and exact-grid (0: the model's
 * own propagator, here the rotation's closed form, at round-off).
 */
class CoreIntegratorsContractTest {
    @Nested
    class EulerContract extends IntegratorContract {
        @Override protected Integrator integrator() { return new Euler(); }
    }

    @Nested
    class HeunContract extends IntegratorContract {
        @Override protected Integrator integrator() { return new Heun(); }
    }

    @Nested
    class RungeKutta4Contract extends IntegratorContract {
        @Override protected Integrator integrator() { return new RungeKutta4(); }
    }

    @Nested
    class ExponentialEulerContract extends IntegratorContract {
        @Override protected Integrator integrator() { return new ExponentialEuler(); }
    }

    @Nested
    class DormandPrinceContract extends IntegratorContract {
        @Override protected Integrator integrator() { return new DormandPrince(); }
        @Override protected Map<String, String> parameters() { return Map.of("abs_tol", "1e6", "rel_tol", "1e6"); }
    }

    @Nested
    class ExactContract extends IntegratorContract {
        @Override protected Integrator integrator() { return new Exact(); }
        @Override protected Problem problem() { return new ExactRotation(); }
    }

    @Nested
    class ExactGridContract extends IntegratorContract {
        @Override protected Integrator integrator() { return new ExactGrid(); }
        @Override protected Problem problem() { return new GridRotation(); }
    }

    /** The rotation with its closed-form propagator, for exact. */
    static class ExactRotation extends IntegratorContract.DampedRotation implements ExactlySolvable {
        @Override
        public void advanceExactly(double[][] state, Drive drive, double dt, double[] refractory, SpikeSink spikes,
                                   int from, int to) {
            for (int i = from; i < to; i++) {
                double[] next = propagate(state[0][i], state[1][i], drive.current[i], dt);
                state[0][i] = next[0];
                state[1][i] = next[1];
            }
        }
    }

    /** The rotation with a grid-constrained step and no synapses, for exact-grid. */
    static final class GridRotation extends ExactRotation implements GridPropagated {

        @Override
        public void advanceOnGrid(double[][] state, Drive drive, double dt, double[] refractory, SpikeSink spikes,
                                  double[][] arrived, double[] jumps, int from, int to) {
            advanceExactly(state, drive, dt, refractory, spikes, from, to);
        }

        @Override public void bindInputs(List<ModalFilter> inputs) { }

        @Override
        public void advanceWithArrivals(double[][] state, Drive drive, double dt, double[] refractory,
                                        SpikeSink spikes, InputEvents arrivals, int from, int to) {
            throw none();
        }

        @Override
        public void addLate(double[][] state, InputEvents late, double dt) {
            throw none();
        }

        private static UnsupportedOperationException none() {
            return new UnsupportedOperationException("the test rotation has no synapses");
        }
    }
}
