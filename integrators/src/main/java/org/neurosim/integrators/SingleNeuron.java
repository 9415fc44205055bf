package org.neurosim.integrators;

import java.util.Arrays;
import org.neurosim.core.NumericalFailureException;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.param.Parameters;

/**
 * One neuron from its resting state under a constant input: the spike times and, optionally, a trace of every
 * state variable. Used by {@code neurosim fi-curve}, the course demos and the model tests.
 */
public final class SingleNeuron {
    /** Spike times (s) and, when recorded, trace[k][j] = variable k at time j * dt. */
    public record Result(double[] spikeTimes, double[][] trace, double dt) {
        public int spikeCount() {
            return spikeTimes.length;
        }

        /** Spikes at or after {@code from}, divided by the time from then to {@code duration}. */
        public double rate(double from, double duration) {
            long n = Arrays.stream(spikeTimes).filter(t -> t >= from).count();
            return n / (duration - from);
        }
    }

    /** Piecewise-constant input as a function of time. */
    @FunctionalInterface
    public interface InputSchedule {
        double at(double t);
    }

    private SingleNeuron() { }

    public static Result run(NeuronDynamics d, Integrator integrator, Parameters integratorParameters, double input,
                             double duration, double dt, boolean recordTrace) {
        return run(d, integrator, integratorParameters, t -> input, duration, dt, recordTrace);
    }

    public static Result run(NeuronDynamics d, Integrator integrator, double input, double duration, double dt) {
        return run(d, integrator, Parameters.defaults(integrator.parameters()), input, duration, dt, false);
    }

    public static Result run(NeuronDynamics d, Integrator integrator, Parameters integratorParameters,
                             InputSchedule input, double duration, double dt, boolean recordTrace) {
        return run(d, integrator, integratorParameters, input, duration, dt, recordTrace, () -> false);
    }

    /**
     * As above, polling {@code stop} every 4096 steps (Ctrl-C on a long fi-curve takes effect within a fraction of
     * a second): when it says so, the run ends with a {@link java.util.concurrent.CancellationException}.
     */
    public static Result run(NeuronDynamics d, Integrator integrator, Parameters integratorParameters,
                             InputSchedule input, double duration, double dt, boolean recordTrace,
                             java.util.function.BooleanSupplier stop) {
        PopulationSolver solver = new PopulationSolver(d, integrator, integratorParameters, 1, dt);
        long steps = Math.round(duration / dt);
        double[][] trace = recordTrace ? new double[d.stateVariables().size()][(int) steps + 1] : null;
        SpikeTimes spikes = new SpikeTimes();
        Drive drive = new Drive(1, d.separatesSynapticCurrent());
        if (recordTrace) record(solver, trace, 0);
        for (long k = 0; k < steps; k++) {
            if ((k & 4095) == 0 && stop.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("stopped at t = " + k * dt + " s");
            }
            double t0 = k * dt;
            drive.current[0] = input.at(t0);
            drive.atStep(k);
            spikes.stepStart = t0;
            if (solver.step(drive, spikes, 0, 1) >= 0) {
                throw new NumericalFailureException("state became NaN or infinite at t = " + (t0 + dt) + " s", t0 + dt);
            }
            if (recordTrace) record(solver, trace, (int) k + 1);
        }
        return new Result(Arrays.copyOf(spikes.times, spikes.count), trace, dt);
    }

    private static final class SpikeTimes implements org.neurosim.core.model.SpikeSink {
        double[] times = new double[64];
        int count;
        double stepStart;

        @Override
        public void spike(int neuron, double offsetInStep) {
            if (count == times.length) times = Arrays.copyOf(times, 2 * count);
            times[count++] = stepStart + offsetInStep;
        }
    }

    private static void record(PopulationSolver solver, double[][] trace, int j) {
        for (int k = 0; k < trace.length; k++) trace[k][j] = solver.state()[k][0];
    }
}
