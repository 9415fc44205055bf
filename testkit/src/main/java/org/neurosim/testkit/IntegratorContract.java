package org.neurosim.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosim.core.integrate.GridStepper;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.integrate.IntegratorContext;
import org.neurosim.core.integrate.SpikeLocatingStepper;
import org.neurosim.core.integrate.Stepper;
import org.neurosim.core.model.ConditionallyLinear;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.StateVariable;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.units.Dimension;

/**
 * What every integrator plugin must do, as tests its own test class inherits:
 * <pre>
 *   class MyIntegratorTest extends IntegratorContract {
 *       protected Integrator integrator() { return new MyIntegrator(); }
 *   }
 * </pre>
 * Checked, through the SPI alone ({@link Integrator#create} with an {@link IntegratorContext}, then the
 * {@link Stepper} it makes, driven as the engine drives a population, with the drive held over each step):
 * <ul>
 *   <li>the integrator has the order it declares ({@link Integrator#order()}): on a {@link Problem} with a closed
 *       form (by default {@link DampedRotation}, a linear system that is not diagonal), the slope of log(error)
 *       against log(dt) over dt halved {@link #levels()} - 1 times is within {@link #orderTolerance()} of it; an
 *       exact one (order 0) is at round-off at every dt;</li>
 *   <li>a step of neurons from..to writes only their state, and splitting a population's range (as threads do) gives
 *       the same state bit for bit.</li>
 * </ul>
 * An integrator that needs a capability of the model (exact: a closed form) overrides {@link #problem()} with one
 * that has it.
 */
public abstract class IntegratorContract {
    // Over 300 lines: one contract with its test problem (the damped rotation and its closed form).
    /** The plugin under test. */
    protected abstract Integrator integrator();

    /** The integrator's parameters for the tests (by name); the defaults by default. */
    protected Map<String, String> parameters() {
        return Map.of();
    }

    /** The equation the order is measured on. */
    protected Problem problem() {
        return new DampedRotation();
    }

    /**
     * The number of steps over {@link Problem#end()} at the coarsest dt: 160 (omega dt = 0.06 on the rotation, where
     * a first-order method's error is already in its asymptotic regime), or 10 from order 4 on (so that the finest
     * dt's error stays well above round-off).
     */
    protected int coarsestSteps() {
        return integrator().order() >= 4 ? 10 : 160;
    }

    /** How many step sizes are compared (each half the one before). */
    protected int levels() {
        return 5;
    }

    /** How far the measured order may be from the declared one (0.3). */
    protected double orderTolerance() {
        return 0.3;
    }

    /**
     * An ordinary differential equation with a closed-form solution, as a model an integrator steps: the neurons
     * start at the model's resting state and each is driven by its own constant input ({@link Drive#current}).
     */
    public interface Problem {
        NeuronDynamics dynamics();

        /** The time at which the error is measured (s). */
        double end();

        /** The exact state at time t from the resting state under the constant input. */
        double[] exact(double t, double input);

        /** The size of the solution: errors are relative to it. */
        double scale();

        /** The constant inputs of the test neurons, one per neuron. */
        default double[] inputs() {
            return new double[] {0, 60, -100};
        }
    }

    /**
     * A damped rotation, x' = -gamma x - omega y + I, y' = omega x - gamma y from (x, y) = (1, 0): with z = x + i y
     * and lambda = -gamma + i omega, z' = lambda z + I, whose solution is z(t) = z* + (z0 - z*) e^(lambda t),
     * z* = -I / lambda. Linear, but coupled, so that a method that solves each variable with the others held
     * (exponential Euler) has its order 1, and oscillating, so that no error cancels; gamma = 20 /s, omega = 2 pi 25
     * /s, error measured at 60 ms (one and a half turns). Conditionally linear: a = -gamma, b = the coupling plus I.
     */
    public static class DampedRotation implements ConditionallyLinear, Problem {
        public static final double GAMMA = 20, OMEGA = 2 * Math.PI * 25;

        @Override public NeuronDynamics dynamics() { return this; }
        @Override public double end() { return 0.06; }
        @Override public double scale() { return 1; }

        @Override
        public double[] exact(double t, double input) {
            return propagate(1, 0, input, t);
        }

        /** (x, y) at time h from (x, y) under input I: z* + (z - z*) e^(lambda h). */
        public static double[] propagate(double x, double y, double input, double h) {
            double norm = GAMMA * GAMMA + OMEGA * OMEGA;
            double xs = input * GAMMA / norm, ys = input * OMEGA / norm;   // z* = I (gamma + i omega) / |lambda|^2
            double decay = Math.exp(-GAMMA * h), c = decay * Math.cos(OMEGA * h), s = decay * Math.sin(OMEGA * h);
            double dx = x - xs, dy = y - ys;
            return new double[] {xs + dx * c - dy * s, ys + dx * s + dy * c};
        }

        @Override
        public List<StateVariable> stateVariables() {
            return List.of(new StateVariable("x", Dimension.DIMENSIONLESS), new StateVariable("y", Dimension.DIMENSIONLESS));
        }

        @Override public Dimension inputDimension() { return Dimension.FREQUENCY; }
        @Override public String preferredIntegrator() { return "rk4"; }

        @Override
        public void restingState(double[] values) {
            values[0] = 1;
            values[1] = 0;
        }

        @Override
        public void derivatives(double[][] s, Drive drive, double[][] ds, int from, int to) {
            for (int i = from; i < to; i++) {
                double x = s[0][i], y = s[1][i];
                ds[0][i] = -GAMMA * x - OMEGA * y + drive.current[i];
                ds[1][i] = OMEGA * x - GAMMA * y;
            }
        }

        @Override
        public void linearForm(double[][] s, Drive drive, double[][] a, double[][] b, int from, int to) {
            for (int i = from; i < to; i++) {
                a[0][i] = -GAMMA;
                b[0][i] = -OMEGA * s[1][i] + drive.current[i];
                a[1][i] = -GAMMA;
                b[1][i] = OMEGA * s[0][i];
            }
        }
    }

    private Stepper stepper(Problem problem, int size, double dt) {
        Integrator integrator = integrator();
        return integrator.create(new IntegratorContext("integrator", problem.dynamics(), size, dt),
                Parameters.resolve(integrator.parameters(), parameters(), "integrator"));
    }

    /** One step of neurons from..to, through whichever kind of stepper the integrator made. */
    private static void step(Stepper stepper, double[][] state, Drive drive, double dt, double[] refractory,
                             int from, int to) {
        if (stepper instanceof GridStepper g) {
            g.step(state, drive, dt, from, to);
        } else {
            ((SpikeLocatingStepper) stepper).advance(state, drive, dt, refractory, (n, offset) -> { }, from, to);
        }
    }

    private static double[][] rest(Problem problem, int size) {
        double[][] state = new double[problem.dynamics().stateVariables().size()][size];
        problem.dynamics().restingState(state);
        return state;
    }

    private static Drive drive(Problem problem, double[] inputs) {
        Drive drive = new Drive(inputs.length, problem.dynamics().separatesSynapticCurrent());
        System.arraycopy(inputs, 0, drive.current, 0, inputs.length);
        return drive;
    }

    /** The largest error over neurons and variables at {@link Problem#end()} with {@code steps} steps, relative. */
    private double error(Problem problem, int steps) {
        double[] inputs = problem.inputs();
        int size = inputs.length;
        double dt = problem.end() / steps;
        Stepper stepper = stepper(problem, size, dt);
        double[][] state = rest(problem, size);
        Drive drive = drive(problem, inputs);
        double[] refractory = new double[size];
        for (int k = 0; k < steps; k++) step(stepper, state, drive, dt, refractory, 0, size);
        double worst = 0;
        for (int i = 0; i < size; i++) {
            double[] exact = problem.exact(problem.end(), inputs[i]);
            for (int v = 0; v < exact.length; v++) worst = Math.max(worst, Math.abs(state[v][i] - exact[v]));
        }
        return worst / problem.scale();
    }

    @Test
    void declaredParametersHaveNamesDescriptionsAndValidDefaults() {
        Integrator integrator = integrator();
        assertThat(integrator.name()).as("name").matches("[a-z0-9][a-z0-9_\\-]*");
        assertThat(integrator.description()).as("description").isNotBlank();
        for (ParameterSpec p : integrator.parameters()) {
            assertThat(p.description()).as("description of " + p.name()).isNotBlank();
        }
        Parameters.resolve(integrator.parameters(), Map.of(), "integrator");   // throws when a default is invalid
        assertThat(integrator.order()).as("declared order").isGreaterThanOrEqualTo(0);
        assertThat(integrator.unsupportedReason(problem().dynamics()))
                .as("the integrator cannot step the test problem: override problem() with one it can step").isEmpty();
    }

    /**
     * The declared order p (global error ~ dt^p, Integrator.order; Hairer, Norsett &amp; Wanner, Solving ODEs I,
     * II.3): the least-squares slope of log(error) against log(dt) over {@link #levels()} step sizes from
     * end / {@link #coarsestSteps()}, within {@link #orderTolerance()}, every error above round-off (1e-13) so that
     * the slope is the method's. Order 0 (exact): every error at round-off, below 1e-12 of the solution's size.
     */
    @Test
    void hasTheOrderItDeclares() {
        Problem problem = problem();
        int order = integrator().order();
        double[] logDt = new double[levels()], logError = new double[levels()];
        for (int l = 0; l < levels(); l++) {
            int steps = coarsestSteps() << l;
            double e = error(problem, steps);
            if (order == 0) {
                assertThat(e).as("error of an exact integrator with %d steps", steps).isLessThan(1e-12);
                continue;
            }
            assertThat(e).as("error with %d steps: above round-off, else start from fewer steps", steps)
                    .isGreaterThan(1e-13).isFinite();
            logDt[l] = Math.log(problem.end() / steps);
            logError[l] = Math.log(e);
        }
        if (order == 0) return;
        assertThat(slope(logDt, logError)).as("measured order (declared %d)", order)
                .isCloseTo(order, within(orderTolerance()));
    }

    /**
     * Steppers write only rows from..to (Stepper: "so disjoint ranges may run on different threads"): a step of
     * neurons 2..5 of 8 leaves the others as they were, and the population stepped in two ranges of any split
     * equals it stepped whole, bit for bit.
     */
    @Test
    void stepsOnlyItsRangeAndAnySplitGivesTheSameState() {
        Problem problem = problem();
        int size = 8;
        double[] inputs = new double[size];
        for (int i = 0; i < size; i++) inputs[i] = problem.inputs()[i % problem.inputs().length] + i;
        double dt = problem.end() / coarsestSteps();
        Drive drive = drive(problem, inputs);

        double[][] part = rest(problem, size);
        for (int v = 0; v < part.length; v++) for (int i = 0; i < size; i++) part[v][i] += 0.01 * i;
        double[][] before = copy(part);
        Stepper stepper = stepper(problem, size, dt);
        step(stepper, part, drive, dt, new double[size], 2, 5);
        for (int v = 0; v < part.length; v++) {
            for (int i = 0; i < size; i++) {
                if (i >= 2 && i < 5) continue;
                assertThat(part[v][i]).as("variable %d of neuron %d, outside the range 2..5", v, i)
                        .isEqualTo(before[v][i]);
            }
        }

        double[][] whole = copy(before), split = copy(before);
        Stepper one = stepper(problem, size, dt), two = stepper(problem, size, dt);
        double[] r1 = new double[size], r2 = new double[size];
        for (int k = 0; k < 5; k++) {
            step(one, whole, drive, dt, r1, 0, size);
            step(two, split, drive, dt, r2, 0, 3);
            step(two, split, drive, dt, r2, 3, size);
        }
        for (int v = 0; v < whole.length; v++) {
            assertThat(split[v]).as("variable %d stepped in ranges 0..3 and 3..8", v).isEqualTo(whole[v]);
            for (double x : whole[v]) assertThat(x).isFinite();
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int k = 0; k < a.length; k++) c[k] = a[k].clone();
        return c;
    }

    /** The least-squares slope of y against x. */
    private static double slope(double[] x, double[] y) {
        double mx = 0, my = 0;
        for (int k = 0; k < x.length; k++) {
            mx += x[k] / x.length;
            my += y[k] / y.length;
        }
        double sxy = 0, sxx = 0;
        for (int k = 0; k < x.length; k++) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
        }
        return sxy / sxx;
    }
}
