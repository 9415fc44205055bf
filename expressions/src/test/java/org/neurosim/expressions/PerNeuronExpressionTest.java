package org.neurosim.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.units.Dimension;

/**
 * Expressions for per-neuron values against their closed forms and their distributions' moments, and the one-line
 * refusals of unit mismatches and unknown names.
 */
class PerNeuronExpressionTest {
    static final String KEY = "populations.exc.init.v";

    static double[] eval(String text, int n, long seed, Map<String, Dimension> names, double[]... values) {
        return PerNeuronExpression.parse(text, KEY, names).evaluate(n, new SplittableRandom(seed), values);
    }

    @Test
    void closedFormPerNeuronWithAParameterByName() {
        int n = 1000;
        double[] vRest = new double[n];
        for (int i = 0; i < n; i++) vRest[i] = -0.07 + 1e-5 * (i % 7);
        Map<String, Dimension> names = Map.of("v_rest", Dimension.VOLTAGE);
        PerNeuronExpression x = PerNeuronExpression.parse("v_rest + i*0.1*mV", KEY, names).expect(Dimension.VOLTAGE);
        double[] v = x.evaluate(n, new SplittableRandom(1), new double[][] {vRest});
        for (int i = 0; i < n; i++) assertThat(v[i]).isEqualTo(vRest[i] + i * 0.1 * 1e-3);
    }

    @Test
    void arithmeticUnitsAndFunctions() {
        Map<String, Dimension> none = Map.of();
        int n = 50;
        double[] a = eval("-(2*ms)**2/(N*1*ms) + exp(-i/10) * 5 ms + clip(i*1*ms, 3*ms, 20*ms) + sqrt(4*ms**2)"
                + " + abs(-1*ms) + 2**-1*ms", n, 1, none);
        for (int i = 0; i < n; i++) {
            double expected = -(2e-3 * 2e-3) / (n * 1e-3) + Math.exp(-i / 10.0) * 5 * 1e-3
                    + Math.min(Math.max(i * 1e-3, 3e-3), 20e-3) + 2e-3 + 1e-3 + 0.5 * 1e-3;
            assertThat(a[i]).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-18));
        }
        assertThat(PerNeuronExpression.parse("(2*ms)**2/(1 ms)", KEY, none).dimension()).isEqualTo(Dimension.TIME);
        assertThat(PerNeuronExpression.parse("10 nS * 5 mV", KEY, none).dimension()).isEqualTo(Dimension.CURRENT);
        assertThat(eval("sin(0) + cos(0) + log(exp(2))", 1, 1, none)[0]).isEqualTo(3.0);
    }

    @Test
    void randTimesTenMillivoltsHasTheUniformMoments() {
        int n = 100_000;
        double[] v = eval("rand()*10*mV", n, 42, Map.of());
        double mean = 0;
        for (double x : v) mean += x;
        mean /= n;
        double var = 0;
        for (double x : v) var += (x - mean) * (x - mean);
        var /= n - 1;
        double mV = 1e-3;
        double sigma2 = 100.0 / 12 * mV * mV;   // the variance of U(0, 10 mV)
        // SE of the mean: sqrt(var / n); SE of the variance: sqrt((mu4 - sigma^4) / n), mu4 = (10 mV)^4 / 80
        assertThat(Math.abs(mean - 5 * mV)).isLessThan(5 * Math.sqrt(sigma2 / n));
        double mu4 = Math.pow(10 * mV, 4) / 80;
        assertThat(Math.abs(var - sigma2)).isLessThan(5 * Math.sqrt((mu4 - sigma2 * sigma2) / n));
        for (double x : v) assertThat(x).isBetween(0.0, 10 * mV);
    }

    @Test
    void randnHasTheNormalMoments() {
        int n = 100_000;
        double[] v = eval("-70*mV + 5*mV*randn()", n, 7, Map.of());
        double mV = 1e-3;
        double mean = 0;
        for (double x : v) mean += x;
        mean /= n;
        double var = 0;
        for (double x : v) var += (x - mean) * (x - mean);
        var /= n - 1;
        double sigma2 = 25 * mV * mV;
        assertThat(Math.abs(mean + 70 * mV)).isLessThan(5 * Math.sqrt(sigma2 / n));
        // normal: the variance's SE is sigma^2 sqrt(2 / n)
        assertThat(Math.abs(var - sigma2)).isLessThan(5 * sigma2 * Math.sqrt(2.0 / n));
    }

    @Test
    void aSeedGivesTheSameValuesAndDrawsGoInNeuronOrder() {
        double[] a = eval("rand()*1*mV + randn()*1*mV", 1000, 3, Map.of());
        double[] b = eval("rand()*1*mV + randn()*1*mV", 1000, 3, Map.of());
        assertThat(a).containsExactly(b);
        SplittableRandom r = new SplittableRandom(3);
        double[] c = eval("rand()", 10, 3, Map.of());
        for (int i = 0; i < 10; i++) assertThat(c[i]).isEqualTo(r.nextDouble());
    }

    @Test
    void aUnitMismatchIsRefusedWithOneLineNamingTheKey() {
        assertThatThrownBy(() -> PerNeuronExpression.parse("10*ms", KEY, Map.of()).expect(Dimension.VOLTAGE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("populations.exc.init.v: expected a voltage, got a time ('10*ms')");
        assertThatThrownBy(() -> PerNeuronExpression.parse("1*mV + 2*ms", KEY, Map.of()))
                .hasMessage("populations.exc.init.v: '+' of a voltage and a time (column 6 of '1*mV + 2*ms')");
        assertThatThrownBy(() -> PerNeuronExpression.parse("exp(1*mV)", KEY, Map.of()))
                .hasMessage("populations.exc.init.v: exp(...) takes a bare number, got a voltage (column 1 of "
                        + "'exp(1*mV)')");
        assertThatThrownBy(() -> PerNeuronExpression.parse("(1*mV)**i", KEY, Map.of()))
                .hasMessageStartingWith("populations.exc.init.v: a quantity with a unit (a voltage) may be raised to "
                        + "a whole constant power only");
        assertThatThrownBy(() -> PerNeuronExpression.parse("rand(1)", KEY, Map.of()))
                .hasMessageStartingWith("populations.exc.init.v: rand() takes no arguments");
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        Map<String, Dimension> names = new LinkedHashMap<>();
        names.put("v_rest", Dimension.VOLTAGE);
        names.put("tau_m", Dimension.TIME);
        assertThatThrownBy(() -> PerNeuronExpression.parse("v_rst + i*0.1*mV", KEY, names))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("populations.exc.init.v: unknown name 'v_rst' (did you mean 'v_rest'?); known: i, N, "
                        + "tau_m, v_rest, units (mV, ms, nS, ...), rand(), randn() ('v_rst + i*0.1*mV')");
        assertThatThrownBy(() -> PerNeuronExpression.parse("gauss(1, 2)", KEY, names))
                .hasMessageStartingWith("populations.exc.init.v: unknown function 'gauss'");
    }

    @Test
    void constantsAndDistributionsAreNotExpressions() {
        for (String t : new String[] {"-70 mV", "20 ms", "0", "1 uA/cm^2", "uniform(-70 mV, -60 mV)",
                "normal(1 nS, 0.1 nS)", "lognormal(1 nS, 0.1 nS)", "-70 mv", "20 foo", "uniform(-60 mV)"}) {
            assertThat(PerNeuronExpression.isExpression(t)).as(t).isFalse();
        }
        for (String t : new String[] {"rand()*10*mV", "-70*mV + 5*mV*randn()", "v_rest + i*0.1*mV", "v_rest",
                "10*mV", "(1 mV)", "-70 mV - i*1 mV"}) {
            assertThat(PerNeuronExpression.isExpression(t)).as(t).isTrue();
        }
    }
}
