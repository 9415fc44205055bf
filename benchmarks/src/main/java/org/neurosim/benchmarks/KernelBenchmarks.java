package org.neurosim.benchmarks;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginContext;
import org.neurosim.core.synapse.Kernel;
import org.neurosim.core.synapse.SynapticFilter;
import org.neurosim.hh.HodgkinHuxley;
import org.neurosim.hh.TraubMiles;
import org.neurosim.integrators.Exact;
import org.neurosim.integrators.ExponentialEuler;
import org.neurosim.integrators.PopulationSolver;
import org.neurosim.integrators.RungeKutta4;
import org.neurosim.lif.LeakyIntegrateAndFire;
import org.neurosim.synapses.Kernels;
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
 * The inner kernels, one step of a 4000-neuron population each: neuron updates per model and integrator, the
 * exponential filter, and spike delivery to 80 targets. Run: {@code java -jar benchmarks/target/benchmarks.jar}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBenchmarks {
    static final int N = 4000;
    PopulationSolver lif, traub, hhRk4, lifSyn;
    SynapticFilter exc, inh;
    final org.neurosim.core.model.InputEvents none = org.neurosim.core.model.InputEvents.NONE;
    Drive lifDrive, traubDrive, hhDrive;
    SynapticFilter filter;
    int[] targets;
    final org.neurosim.core.model.SpikeSink sink = (i, o) -> { };

    static PopulationSolver solver(NeuronModel m, Map<String, String> p, org.neurosim.core.integrate.Integrator in) {
        PopulationContext c = new PopulationContext("benchmark", "benchmark", N, 1e-4, 1);
        return new PopulationSolver(m.create(c, Parameters.resolve(m.parameters(), p, "p")), in, N, 1e-4);
    }

    @Setup
    public void setup() {
        Random r = new Random(1);
        lif = solver(new LeakyIntegrateAndFire(), Map.of("tau_m", "20 ms", "tau_ref", "5 ms", "v_rest", "-49 mV",
                "v_th", "-50 mV", "v_reset", "-60 mV"), new Exact());
        lifDrive = new Drive(N);
        for (int i = 0; i < N; i++) {
            lif.state()[0][i] = -0.06 + 0.01 * r.nextDouble();
            lifDrive.current[i] = -0.004 + 0.003 * r.nextGaussian();
        }
        // CUBA's neuron with its two exponential current synapses integrated in closed form
        lifSyn = solver(new LeakyIntegrateAndFire(), Map.of("tau_m", "20 ms", "tau_ref", "5 ms", "v_rest", "-49 mV",
                "v_th", "-50 mV", "v_reset", "-60 mV"), new Exact());
        Kernel k5 = Kernels.EXPONENTIAL.create(new PluginContext("benchmark", 1e-4),
                Parameters.resolve(Kernels.EXPONENTIAL.parameters(), Map.of("tau", "5 ms"), "p"));
        Kernel k10 = Kernels.EXPONENTIAL.create(new PluginContext("benchmark", 1e-4),
                Parameters.resolve(Kernels.EXPONENTIAL.parameters(), Map.of("tau", "10 ms"), "p"));
        exc = k5.newFilter(N, 1e-4, 1.0 / k5.peakValue());
        inh = k10.newFilter(N, 1e-4, 1.0 / k10.peakValue());
        for (int i = 0; i < N; i++) {
            lifSyn.state()[0][i] = -0.06 + 0.01 * r.nextDouble();
            exc.set(i, 0.004 * r.nextDouble());
            inh.set(i, -0.006 * r.nextDouble());
        }
        ((org.neurosim.core.model.ExactWithSynapses) lifSyn.dynamics()).bindInputs(
                java.util.List.of((org.neurosim.core.synapse.ModalFilter) exc, (org.neurosim.core.synapse.ModalFilter) inh));
        traub = solver(new TraubMiles(), Map.of(), new ExponentialEuler());
        traubDrive = new Drive(N);
        for (int i = 0; i < N; i++) {
            traubDrive.conductance[i] = 5e-8;
            traubDrive.conductanceTimesReversal[i] = 5e-8 * -0.02;
        }
        PopulationContext hh = new PopulationContext("benchmark", "benchmark", N, 1e-5, 1);
        hhRk4 = new PopulationSolver(new HodgkinHuxley().create(hh, Parameters.defaults(new HodgkinHuxley().parameters())),
                new RungeKutta4(), N, 1e-5);
        hhDrive = new Drive(N);
        java.util.Arrays.fill(hhDrive.current, 0.1);
        Kernel k = Kernels.EXPONENTIAL.create(new PluginContext("benchmark", 1e-4),
                Parameters.defaults(Kernels.EXPONENTIAL.parameters()));
        filter = k.newFilter(N, 1e-4, 1.0);
        targets = new int[80];
        for (int i = 0; i < 80; i++) targets[i] = r.nextInt(N);
    }

    @Benchmark
    public double lifExactStep() {
        lif.step(lifDrive, sink, 0, N);
        return lif.state()[0][0];
    }

    /** The same population with the synapses in closed form (ExactWithSynapses), no arrivals in the step. */
    @Benchmark
    public double lifExactWithTwoSynapsesStep() {
        lifSyn.stepWithArrivals(lifDrive, sink, none, 0, N);
        return lifSyn.state()[0][0];
    }

    @Benchmark
    public double traubMilesExponentialEulerStep() {
        traub.step(traubDrive, sink, 0, N);
        return traub.state()[0][0];
    }

    @Benchmark
    public double hhRk4Step() {
        hhRk4.step(hhDrive, sink, 0, N);
        return hhRk4.state()[0][0];
    }

    @Benchmark
    public double exponentialFilterAdvance() {
        filter.advance(0, N);
        return filter.output()[0];
    }

    @Benchmark
    public double spikeDeliveryTo80Targets() {
        filter.addSpikes(targets, 0, 80, null, 1.6e-3, 3e-5);
        return filter.output()[targets[0]];
    }
}
