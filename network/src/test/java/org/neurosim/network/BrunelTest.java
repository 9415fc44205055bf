package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.output.SpikeStatistics;

/**
 * Brunel (2000) model A, examples/brunel2000.yaml in its asynchronous irregular state (g = 5, eta = 2), against the
 * mean-field prediction: the rate nu solving nu = Siegert(mu(nu), sigma(nu)) with mu = C_E J tau (nu_ext +
 * nu (1 - g gamma)), sigma^2 = C_E J^2 tau (nu_ext + nu (1 + g^2 gamma)), gamma = C_I / C_E (Brunel 2000, eqs. 4, 5, 21),
 * and against Brian2 running the same network (benchmarks/peers/brian2_brunel.py: 36.92 Hz, mean ISI CV 0.401).
 */
class BrunelTest {
    static final double TAU = 0.02, J = 1e-4, CE = 1000, GAMMA = 0.25, THETA = 0.02, VR = 0.01, TRP = 0.002;

    /** 1/nu = tau_rp + tau sqrt(pi) int_{(V_r - mu)/sigma}^{(theta - mu)/sigma} e^(u^2) (1 + erf u) du (Simpson, 4000 panels). */
    static double siegert(double mu, double sigma) {
        double a = (VR - mu) / sigma, b = (THETA - mu) / sigma;
        int n = 4000;
        double h = (b - a) / n, sum = 0;
        for (int k = 0; k <= n; k++) {
            double u = a + k * h, f = Math.exp(u * u) * (1 + Erf.erf(u));
            sum += (k == 0 || k == n ? 1 : k % 2 == 1 ? 4 : 2) * f;
        }
        return 1 / (TRP + TAU * Math.sqrt(Math.PI) * sum * h / 3);
    }

    static double meanField(double g, double eta) {
        double nuExt = eta * THETA / (J * CE * TAU);
        return new BrentSolver(1e-10).solve(200, nu -> {
            double mu = CE * J * TAU * (nuExt + nu * (1 - g * GAMMA));
            double sigma = Math.sqrt(CE * J * J * TAU * (nuExt + nu * (1 + g * g * GAMMA)));
            return siegert(mu, sigma) - nu;
        }, 1, 300);
    }

    @Test
    void meanFieldRateOfTheAsynchronousState() {
        // the same fixed point computed independently with scipy (quad of erfcx, brentq): 37.9497 Hz
        assertThat(meanField(5, 2)).isCloseTo(37.9497, within(1e-3));
    }

    @Test
    void asynchronousIrregularStateMatchesTheMeanFieldRateAndBrian2() {
        Network net = NetworkLoader.load(Path.of("..", "examples", "brunel2000.yaml"), Nets.PLUGINS,
                List.of("duration=0.6 s", "threads=2", "record={spikes: [], analysis: {start: 0.1 s}}"));
        Simulation.Result r = Nets.run(net);
        SpikeStatistics.Result exc = r.recorder().statistics().result(0, 0.6);
        SpikeStatistics.Result inh = r.recorder().statistics().result(1, 0.6);
        double predicted = meanField(5, 2);
        assertThat(exc.rateHz()).isCloseTo(predicted, within(0.1 * predicted));
        assertThat(inh.rateHz()).isCloseTo(predicted, within(0.1 * predicted));
        assertThat(exc.rateHz()).isCloseTo(36.92, within(0.1 * 36.92));   // Brian2, same network
        assertThat(exc.cvIsi()).isCloseTo(0.401, within(0.05));            // Brian2's mean ISI CV
        assertThat(exc.neuronsWithCv()).isEqualTo(10000);
    }
}
