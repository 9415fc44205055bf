package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.neurosim.core.InvalidInputException;

/**
 * What a Java caller can do wrong with a network (issue 29, item 15): run it from two threads at once (both
 * results said complete with wrong totals before), or write a NaN into its state (carried silently through the
 * closed-form integrators before).
 */
class SimulationGuardsTest {
    static final String LIF = """
            name: guards
            dt: 0.1 ms
            duration: %s
            integrator: %s
            populations:
              n:
                model: lif
                size: 10
                params: {tau_m: 20 ms, tau_ref: 2 ms}
                input: 1.5
            record: {spikes: all}
            """;

    @Test
    void aSecondRunWhileTheFirstGoesOnIsRefused() throws Exception {
        Network net = Nets.build(LIF.formatted("20 s", "exact"));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Simulation first = new Simulation(net);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Simulation.Result> running = other.submit(() -> first.run(null, (done, steps) -> {
                started.countDown();
                try {
                    release.await();   // held in its first progress report until the second run was tried
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, () -> release.getCount() == 0, 0));
            started.await();
            assertThatThrownBy(() -> new Simulation(net).run())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already being simulated");
            release.countDown();
            assertThat(running.get().complete()).as("the first run, stopped on request").isFalse();
            // once it has ended the network runs again (here stopped at once)
            assertThat(new Simulation(net).run(null, null, () -> true, 0).reason()).startsWith("interrupted");
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aNaNInTheStateIsRefusedBeforeTheRunForEveryIntegrator() {
        for (String integrator : new String[] {"exact", "exact-grid", "rk4"}) {
            Network net = Nets.build(LIF.formatted("10 ms", integrator));
            net.enginePopulations().get(0).state()[0][3] = Double.NaN;
            assertThatThrownBy(() -> Nets.run(net)).as(integrator)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("population n, neuron 3: v is NaN at the start of the run; a run starts from finite "
                            + "values");
        }
    }
}
