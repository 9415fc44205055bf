package org.neurosim.benchmarks;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.Parameters;
import org.neurosim.equations.EquationsModel;
import org.neurosim.hh.HodgkinHuxley;
import org.neurosim.integrators.Exact;
import org.neurosim.integrators.ExponentialEuler;
import org.neurosim.integrators.PopulationSolver;
import org.neurosim.integrators.RungeKutta4;
import org.neurosim.lif.LeakyIntegrateAndFire;
import org.neurosim.network.config.ModelFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Models typed as equations (examples/equations, compiled at load time) against the hand-written plugins, one
 * step of 4000 neurons with the same integrator: HH with rk4 and exponential-euler, LIF with rk4 and exact.
 * Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar EquationsBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EquationsBenchmarks {
    static final int N = 4000;
    PopulationSolver hhRk4, hhRk4Eq, hhExpEuler, hhExpEulerEq, lifRk4, lifRk4Eq, lifExact, lifExactEq;
    Drive hhDrive, hhDriveEq, lifDrive, lifDriveEq;
    final org.neurosim.core.model.SpikeSink sink = (i, o) -> { };

    static NeuronDynamics equations(String file, double dt) {
        ModelFile f = ModelFile.read(new EquationsModel(), EquationsModel.NAME, Path.of("examples", "equations", file));
        return f.model().create(new PopulationContext("benchmark", "benchmark", N, dt, 1), f.parameters(Map.of()));
    }

    static NeuronDynamics builtIn(NeuronModel m, double dt) {
        return m.create(new PopulationContext("benchmark", "benchmark", N, dt, 1), Parameters.defaults(m.parameters()));
    }

    static PopulationSolver solver(NeuronDynamics d, Integrator in, double dt) {
        PopulationSolver s = new PopulationSolver(d, in, N, dt);
        double[] rest = new double[d.stateVariables().size()];
        d.restingState(rest);
        for (int k = 0; k < rest.length; k++) java.util.Arrays.fill(s.state()[k], rest[k]);
        return s;
    }

    @Setup
    public void setup() {
        double hDt = 1e-5, lDt = 1e-4;
        hhRk4 = solver(builtIn(new HodgkinHuxley(), hDt), new RungeKutta4(), hDt);
        hhRk4Eq = solver(equations("hh.yaml", hDt), new RungeKutta4(), hDt);
        hhExpEuler = solver(builtIn(new HodgkinHuxley(), hDt), new ExponentialEuler(), hDt);
        hhExpEulerEq = solver(equations("hh.yaml", hDt), new ExponentialEuler(), hDt);
        lifRk4 = solver(builtIn(new LeakyIntegrateAndFire(), lDt), new RungeKutta4(), lDt);
        lifRk4Eq = solver(equations("lif.yaml", lDt), new RungeKutta4(), lDt);
        lifExact = solver(builtIn(new LeakyIntegrateAndFire(), lDt), new Exact(), lDt);
        lifExactEq = solver(equations("lif.yaml", lDt), new Exact(), lDt);
        hhDrive = new Drive(N);
        hhDriveEq = new Drive(N, true);
        lifDrive = new Drive(N);
        lifDriveEq = new Drive(N, true);
        Random r = new Random(1);
        for (int i = 0; i < N; i++) {
            hhDrive.current[i] = hhDriveEq.current[i] = 0.1 * r.nextDouble();   // 0-10 uA/cm^2: some fire
            lifDrive.current[i] = lifDriveEq.current[i] = 0.5 + r.nextDouble();   // half above threshold
        }
    }

    @Benchmark public double hhRk4() { hhRk4.step(hhDrive, sink, 0, N); return hhRk4.state()[0][0]; }
    @Benchmark public double hhRk4Equations() { hhRk4Eq.step(hhDriveEq, sink, 0, N); return hhRk4Eq.state()[0][0]; }
    @Benchmark public double hhExponentialEuler() { hhExpEuler.step(hhDrive, sink, 0, N); return hhExpEuler.state()[0][0]; }
    @Benchmark public double hhExponentialEulerEquations() { hhExpEulerEq.step(hhDriveEq, sink, 0, N); return hhExpEulerEq.state()[0][0]; }
    @Benchmark public double lifRk4() { lifRk4.step(lifDrive, sink, 0, N); return lifRk4.state()[0][0]; }
    @Benchmark public double lifRk4Equations() { lifRk4Eq.step(lifDriveEq, sink, 0, N); return lifRk4Eq.state()[0][0]; }
    @Benchmark public double lifExact() { lifExact.step(lifDrive, sink, 0, N); return lifExact.state()[0][0]; }
    @Benchmark public double lifExactEquations() { lifExactEq.step(lifDriveEq, sink, 0, N); return lifExactEq.state()[0][0]; }
}
