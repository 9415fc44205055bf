package org.neurosim.equations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.Stochastic;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.integrators.EulerMaruyama;
import org.neurosim.integrators.PopulationSolver;
import org.neurosim.integrators.RungeKutta4;
import org.neurosim.network.Network;
import org.neurosim.network.Simulation;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.config.ConfigTree;

/**
 * White noise {@code xi} in equations, integrated by Euler-Maruyama (tracker issue 32). The reference is the
 * Ornstein-Uhlenbeck process dv/dt = (mu - v)/tau + sigma sqrt(2/tau) xi, whose Euler-Maruyama recursion
 * v' = v + (mu - v) dt/tau + sigma sqrt(2 dt/tau) z is linear: stationary mean mu, stationary variance
 * sigma^2 / (1 - dt/(2 tau)) exactly (sigma^2 for dt -> 0), autocorrelation (1 - dt/tau)^(lag/dt) (e^-1 at lag tau
 * for dt -> 0). Each statistic is taken over many independent neurons at one time and must lie within 5 standard
 * errors of its value.
 */
class NoiseTest {
    static final PluginRegistry PLUGINS = PluginRegistry.load();
    @TempDir Path tmp;

    static final String OU = """
            dt: 0.1 ms
            duration: 100 ms
            seed: 7
            threads: THREADS
            populations:
              n:
                model: equations
                size: SIZE
                equations: |
                  dv/dt = (mu - v)/tau + sigma*sqrt(2/tau)*xi : volt
                params: {mu: -60 mV, tau: 10 ms, sigma: 5 mV}
            """;

    static Network build(String yaml) {
        return NetworkLoader.build(ConfigTree.parse(yaml, "test.yaml"), null, PLUGINS);
    }

    static double[] v(Network net) {
        return net.populations().get(0).values("v").clone();
    }

    static double mean(double[] x) {
        double s = 0;
        for (double e : x) s += e;
        return s / x.length;
    }

    static double variance(double[] x) {
        double m = mean(x), s = 0;
        for (double e : x) s += (e - m) * (e - m);
        return s / (x.length - 1);
    }

    @Test
    void anOrnsteinUhlenbeckProcessHasItsStationaryMeanVarianceAndAutocorrelation() {
        int n = 20000;
        double mu = -0.060, sigma = 0.005, tau = 0.010, dt = 1e-4;
        Network net = build(OU.replace("THREADS", "2").replace("SIZE", "" + n));
        assertThat(net.populations().get(0).integrator()).isEqualTo("euler-maruyama");
        Simulation sim = new Simulation(net).alwaysSplit();
        sim.runSteps(1000);   // 10 tau from v = mu (the rest): the variance is stationary to e^-20
        double[] a = v(net);
        sim.runSteps(100);    // one tau on
        double[] b = v(net);

        double var = sigma * sigma / (1 - dt / (2 * tau));   // Euler-Maruyama's own stationary variance
        assertThat(Math.abs(mean(a) - mu)).isLessThan(5 * Math.sqrt(var / n));
        assertThat(Math.abs(mean(b) - mu)).isLessThan(5 * Math.sqrt(var / n));
        double seVar = var * Math.sqrt(2.0 / (n - 1));
        assertThat(Math.abs(variance(a) - var)).isLessThan(5 * seVar);
        assertThat(Math.abs(variance(b) - var)).isLessThan(5 * seVar);

        double ma = mean(a), mb = mean(b), c = 0;
        for (int i = 0; i < n; i++) c += (a[i] - ma) * (b[i] - mb);
        double rho = c / (n - 1) / Math.sqrt(variance(a) * variance(b));
        double expected = Math.pow(1 - dt / tau, tau / dt);   // 0.3660; e^-1 = 0.3679
        assertThat(Math.abs(rho - expected)).isLessThan(5 * (1 - expected * expected) / Math.sqrt(n));
        assertThat(Math.abs(rho - Math.exp(-1))).isLessThan(5 * (1 - expected * expected) / Math.sqrt(n));
    }

    /**
     * With dt = tau/5 the discretisation shows: the variance is sigma^2 / (1 - dt/(2 tau)) = 1.111 sigma^2, more
     * than 5 standard errors from sigma^2. Stepped by a PopulationSolver outside a network, the drive giving the step.
     */
    @Test
    void theVarianceIsEulerMaruyamasOwnAtACoarseStep() {
        int n = 40000;
        double mu = 0.2, sigma = 0.3, tau = 0.010, dt = 0.002;
        DefinedModel m = EquationsModel.builder("dv/dt = (mu - v)/tau + sigma*sqrt(2/tau)*xi : 1\n"
                + "mu : 1\nsigma : 1\ntau : second").build();
        NeuronDynamics d = EquationsModelTest.create(m, Map.of("mu", "0.2", "sigma", "0.3", "tau", "10 ms"), n, dt);
        assertThat(d).isInstanceOf(Stochastic.class);
        PopulationSolver s = new PopulationSolver(d, new EulerMaruyama(), n, dt);
        assertThat(s.state()[0][0]).isEqualTo(mu);   // the rest is the drift's fixed point
        Drive drive = new Drive(n, true);
        for (int k = 0; k < 100; k++) {   // 20 tau
            drive.atStep(k);
            s.step(drive, (i, o) -> { }, 0, n);
        }
        double[] v = s.state()[0];
        double var = sigma * sigma / (1 - dt / (2 * tau));
        double seVar = var * Math.sqrt(2.0 / (n - 1));
        assertThat(Math.abs(mean(v) - mu)).isLessThan(5 * Math.sqrt(var / n));
        assertThat(Math.abs(variance(v) - var)).isLessThan(5 * seVar);
        assertThat(Math.abs(variance(v) - sigma * sigma)).isGreaterThan(5 * seVar);
    }

    @Test
    void theNoiseIsTheSameAtOneAndTwoThreads() {
        Network one = build(OU.replace("THREADS", "1").replace("SIZE", "1001"));
        new Simulation(one).run();
        Network two = build(OU.replace("THREADS", "2").replace("SIZE", "1001"));
        new Simulation(two).alwaysSplit().run();
        assertThat(v(two)).isEqualTo(v(one));
        assertThat(variance(v(one))).isGreaterThan(0);
    }

    /** Two sources: xi in two equations is one source (the same dW), xi_b another, independent of it. */
    @Test
    void xiIsOneSourceInEveryEquationAndXiNamedAnother() {
        Network net = build("""
                dt: 0.1 ms
                duration: 50 ms
                seed: 3
                populations:
                  n:
                    model: equations
                    size: 20000
                    equations: |
                      dx/dt = -x/tau + sqrt(2/tau)*xi : 1
                      dy/dt = -y/tau + sqrt(2/tau)*xi : 1
                      dz/dt = -z/tau + sqrt(2/tau)*xi_b : 1
                    params: {tau: 10 ms}
                """);
        new Simulation(net).run();
        double[] x = net.populations().get(0).values("x"), y = net.populations().get(0).values("y"),
                z = net.populations().get(0).values("z");
        assertThat(y).isEqualTo(x);
        double c = 0;
        for (int i = 0; i < x.length; i++) c += x[i] * z[i];
        double rho = c / x.length / Math.sqrt(variance(x) * variance(z));
        assertThat(Math.abs(rho)).isLessThan(5 / Math.sqrt(x.length));
    }

    /** LIF with noise, stopped, checkpointed and resumed on a network built anew: the outputs of one run. */
    @Test
    void aResumedRunWritesTheFilesOfTheUninterruptedOne() throws IOException {
        String text = """
                dt: 0.1 ms
                duration: 60 ms
                seed: 11
                threads: 2
                populations:
                  n:
                    model: equations
                    size: 500
                    equations: |
                      dv/dt = (v_rest - v + R*I_ext)/tau + sigma*sqrt(2/tau)*xi : volt (unless refractory)
                    threshold: v > -50 mV
                    reset: v = -60 mV
                    refractory: 2 ms
                    params: {v_rest: -60 mV, tau: 10 ms, sigma: 4 mV, R: 100 Mohm}
                    input: 90 pA
                record:
                  spikes: all
                  state: [{population: n, variables: [v], neurons: [0, 1, 2, 499]}]
                """;
        Path whole = tmp.resolve("whole"), split = tmp.resolve("split");
        new Simulation(build(text)).run(whole, null, () -> false, 0);
        AtomicLong polls = new AtomicLong();
        Simulation.Result stopped = new Simulation(build(text)).checkpoints(0, text)
                .run(split, null, () -> polls.incrementAndGet() > 237, 0);
        assertThat(stopped.complete()).isFalse();
        Simulation.Result resumed = new Simulation(build(text)).checkpoints(0, text).resume(split, null, () -> false, 0);
        assertThat(resumed.complete()).isTrue();
        assertThat(Files.readAllLines(whole.resolve("spikes.csv")).size()).isGreaterThan(500);
        try (Stream<Path> files = Files.list(whole)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                assertThat(split.resolve(f.getFileName())).as(f.getFileName().toString()).hasSameBinaryContentAs(f);
            }
        }
    }

    /**
     * examples/lif-noise.yaml (at 2 threads) and the same script in Brian2 2.5.1 (benchmarks/peers/brian2_lif_noise.py,
     * method euler, numpy target): 4000
     * neurons for 2 s fire at 45.649 Hz with a standard error of 0.049 Hz (365192 spikes). NeuroSim's rate, from
     * its own random numbers, must lie within 5 standard errors of the difference.
     */
    @Test
    void aLifWithNoiseFiresAtBrian2sRate() throws IOException {
        int n = 4000;
        double duration = 2, brian2 = 45.649, brian2Se = 0.048903;
        String example = Files.readString(Path.of("..", "examples", "lif-noise.yaml"));
        assertThat(example).contains("  spikes: all\n");
        Network net = build(example.replace("  spikes: all\n", "  spikes: all\n  memory: {spikes: 1000000}\n")
                + "threads: 2\n");
        org.neurosim.network.output.Recorder rec = new Simulation(net).run().recorder();
        double[] counts = new double[n];
        for (int k = 0; k < rec.rasterCount(); k++) counts[rec.rasterNeuron(k)]++;
        assertThat(rec.rasterCount()).isLessThan(1000000);
        double rate = mean(counts) / duration, se = Math.sqrt(variance(counts) / n) / duration;
        assertThat(Math.abs(rate - brian2)).as("rate %s Hz, Brian2 %s Hz", rate, brian2)
                .isLessThan(5 * Math.sqrt(se * se + brian2Se * brian2Se));
    }

    static void refused(String equations, String message) {
        assertThatThrownBy(() -> EquationsModel.builder(equations).threshold("v > 1").build())
                .hasMessageContaining(message);
    }

    @Test
    void noiseIsAllowedOnlyLinearlyInADifferentialEquation() {
        refused("dv/dt = -v/tau + xi**2*sqrt(1/tau) : 1\ntau : second", "model.equations: line 1, column 18: dv/dt: white noise "
                + "'xi' may enter only linearly");
        refused("dv/dt = -v/tau + sin(xi)/sqrt(tau) : 1\ntau : second", "may enter only linearly");
        refused("dv/dt = -v/tau + 1/(xi*tau) : 1\ntau : second", "may enter only linearly");
        refused("dv/dt = -v/tau + xi*xi_b*sqrt(tau) : 1\ntau : second", "a product of noises is not allowed");
        refused("dv/dt = -v/tau + s/sqrt(tau) : 1\ns = xi : 1\ntau : second",
                "white noise 'xi' may appear only in a differential equation");
        refused("xi : 1\ndv/dt = -v/tau : 1\ntau : second", "'xi' is white noise");
        refused("dv/dt = -v/tau + xi/tau : 1\ntau : second", "the coefficient of xi in dv/dt must have the unit of "
                + "dv/dt times second^1/2");
        assertThatThrownBy(() -> EquationsModel.builder("dv/dt = -v/tau + xi/sqrt(tau) : 1\ntau : second")
                .threshold("v + xi > 1").build()).hasMessageContaining("model.threshold")
                .hasMessageContaining("white noise 'xi' may appear only in a differential equation");
        assertThatThrownBy(() -> EquationsModel.builder("dv/dt = -v/tau + xi/sqrt(tau) : 1\ntau : second")
                .threshold("v > 1").reset("v = xi").build()).hasMessageContaining("model.reset")
                .hasMessageContaining("white noise 'xi' may appear only in a differential equation");
        // accepted: Brian2's form with sqrt(2*tau) inside, and a subexpression in the coefficient
        EquationsModel.builder("dv/dt = (-v + sigma*sqrt(2*tau)*xi)/tau : volt\nsigma : volt\ntau : second").build();
        EquationsModel.builder("dv/dt = -v/tau + sqrt(r)*xi_a : 1\nr = 2/tau : hertz\ntau : second").build();
    }

    @Test
    void theDeterministicIntegratorsRefuseNoiseAndEulerMaruyamaRefusesMultiplicativeNoise() {
        String net = OU.replace("THREADS", "1").replace("SIZE", "3");
        assertThatThrownBy(() -> build(net.replace("seed: 7", "seed: 7\nintegrator: rk4")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("integrator: integrator rk4 cannot step this model: its equations have white noise (xi), "
                        + "which rk4 does not integrate; use euler-maruyama (additive noise; milstein and a stochastic "
                        + "heun for multiplicative noise are not there yet); integrators that can: euler-maruyama "
                        + "(population n, model equations)");
        NeuronDynamics multiplicative = EquationsModelTest.create(EquationsModel.builder(
                "dv/dt = -v/tau + v*sqrt(1/tau)*xi : 1\ntau : second").build(), Map.of("tau", "10 ms"), 1, 1e-4);
        assertThat(new EulerMaruyama().refusal(multiplicative).orElseThrow()).contains("multiplicative");
        assertThat(new RungeKutta4().refusal(multiplicative).orElseThrow()).contains("white noise (xi)");
        NeuronDynamics deterministic = EquationsModelTest.create(EquationsModel.builder(
                "dv/dt = -v/tau : 1\ntau : second").build(), Map.of("tau", "10 ms"), 1, 1e-4);
        assertThat(new EulerMaruyama().refusal(deterministic).orElseThrow()).contains("no noise");
        assertThat(PLUGINS.integratorsFor(deterministic)).doesNotContain("euler-maruyama");
    }
}
