package org.neurosim.network.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurosim.core.Seeds;

/** Poisson counts per neuron and step: the table lookup is plain inversion of the CDF, and the counts are Poisson. */
class PoissonInputTest {
    @ParameterizedTest
    @ValueSource(doubles = {0.05, 1.28, 2.0, 23.0, 400.0})
    void countsAreExactInversionAndPoisson(double lambda) {
        double dt = 1e-4;
        PoissonInput in = new PoissonInput(lambda / dt, 1, dt, null, 42);
        // the CDF by its recursion p_k = p_(k-1) lambda / k, for plain inversion u -> min {k : u < F(k)}
        double[] cdf = new double[2000];
        double p = Math.exp(-lambda), sum = 0;
        for (int k = 0; k < cdf.length; k++) {
            if (k > 0) p *= lambda / k;
            sum += p;
            cdf[k] = sum;
        }
        int n = 200_000;
        double mean = 0, m2 = 0;
        for (int i = 0; i < n; i++) {
            int k = in.count(i / 1000, i % 1000);
            double u = Seeds.uniform(seedOf(in), i / 1000, i % 1000);
            int direct = 0;
            while (u >= cdf[direct]) direct++;
            if (lambda < 700) assertThat(k).as("draw %d", i).isBetween(direct - (u > cdf[direct] - 1e-12 ? 1 : 0), direct);
            mean += k;
            m2 += (double) k * k;
        }
        mean /= n;
        double var = m2 / n - mean * mean;
        // mean and variance of Poisson(lambda); standard error of the mean sqrt(lambda / n)
        assertThat(mean).isCloseTo(lambda, within(5 * Math.sqrt(lambda / n)));
        assertThat(var).isCloseTo(lambda, within(0.03 * lambda + 5 * Math.sqrt(2.0 / n) * lambda));
    }

    private static long seedOf(PoissonInput in) {
        try {
            var f = PoissonInput.class.getDeclaredField("seed");
            f.setAccessible(true);
            return f.getLong(in);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
