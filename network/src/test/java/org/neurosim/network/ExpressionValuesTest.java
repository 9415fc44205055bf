package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurosim.core.InvalidInputException;
import org.neurosim.network.build.NetworkLoader;

/**
 * Expressions with units for per-neuron values in a population's params and init (config.md, third round): the
 * values against each expression's closed form per neuron, the moments of rand() and randn() drawn from the
 * population's stream, the same values and spikes at 1 and 2 threads, and the one-line refusals of unit mismatches
 * and unknown names, for built-in models and sources.
 */
class ExpressionValuesTest {
    static final double MV = 1e-3;

    static String lif(int n, String params, String init) {
        return "dt: 0.1 ms\nduration: 1 ms\nseed: 3\npopulations:\n  exc:\n    model: lif\n    size: " + n
                + "\n    params: {tau_m: 20 ms, v_th: -50 mV, v_reset: -65 mV, " + params + "}\n    init: {" + init
                + "}\n";
    }

    static double[] v(Network net) {
        return net.enginePopulations().get(0).state()[0];   // lif's first state variable is v
    }

    @Test
    void initReadsTheParametersByNameAndTheNeuronIndex() {
        int n = 200;
        Network net = Nets.build(lif(n, "v_rest: \"-70*mV + i*0.5*mV\"", "v: \"v_rest + i*0.1*mV\""));
        double[] v = v(net);
        for (int i = 0; i < n; i++) {
            double vRest = -70 * MV + i * 0.5 * MV;
            assertThat(v[i]).isEqualTo(vRest + i * 0.1 * MV);
        }
        Network m = Nets.build(lif(n, "v_rest: -70 mV", "v: \"v_rest + (i - N/2)**2*1*uV\""));
        for (int i = 0; i < n; i++) {
            assertThat(v(m)[i]).isEqualTo(-70 * MV + (i - n / 2.0) * (i - n / 2.0) * 1e-6);
        }
    }

    @Test
    void paramsReadTheOtherParametersInTheUnitTheyAreGivenIn() {
        // lif's v_rest is a bare number or a voltage: given in mV, it reads as a voltage
        int n = 50;
        Network net = Nets.build("dt: 0.1 ms\nduration: 1 ms\npopulations:\n  exc:\n    model: lif\n    size: " + n
                + "\n    params: {v_rest: \"normal(-70 mV, 2 mV)\", v_reset: \"-75*mV - i*0.01*mV\", v_th: -50 mV}\n"
                + "    init: {v: \"v_rest\"}\n");
        double[] vRest = v(net);
        Network m = Nets.build("dt: 0.1 ms\nduration: 1 ms\npopulations:\n  exc:\n    model: lif\n    size: " + n
                + "\n    params: {v_rest: \"normal(-70 mV, 2 mV)\", v_reset: \"v_rest - 5*mV\",\n"
                + "             v_th: \"v_rest + 20*mV\"}\n"
                + "    init: {v: \"v_reset\"}\n");
        for (int i = 0; i < n; i++) assertThat(v(m)[i]).isEqualTo(vRest[i] - 5 * MV);
        assertThatThrownBy(() -> Nets.build(lif(2, "v_rest: -70 mV, tau_ref: \"tau_mm*0.1\"", "v: -70 mV")))
                .hasMessageStartingWith("populations.exc.params.tau_ref: unknown name 'tau_mm' "
                        + "(did you mean 'tau_m'?)");
    }

    @Test
    void randInParamsHasTheUniformMomentsOverTenToTheFiveNeurons() {
        int n = 100_000;
        Network net = Nets.build(lif(n, "v_rest: \"-70*mV + rand()*10*mV\"", "v: \"v_rest\""));
        double[] v = v(net);
        double mean = 0;
        for (double x : v) mean += x - (-70 * MV);
        mean /= n;
        double var = 0;
        for (double x : v) var += (x + 70 * MV - mean) * (x + 70 * MV - mean);
        var /= n - 1;
        double sigma2 = 100.0 / 12 * MV * MV;
        double mu4 = Math.pow(10 * MV, 4) / 80;
        assertThat(Math.abs(mean - 5 * MV)).isLessThan(5 * Math.sqrt(sigma2 / n));
        assertThat(Math.abs(var - sigma2)).isLessThan(5 * Math.sqrt((mu4 - sigma2 * sigma2) / n));
    }

    @Test
    void randnInInitHasTheNormalMoments() {
        int n = 100_000;
        Network net = Nets.build(lif(n, "v_rest: -70 mV", "v: \"-70*mV + 5*mV*randn()\""));
        double[] v = v(net);
        double mean = 0;
        for (double x : v) mean += x;
        mean /= n;
        double var = 0;
        for (double x : v) var += (x - mean) * (x - mean);
        var /= n - 1;
        double sigma2 = 25 * MV * MV;
        assertThat(Math.abs(mean + 70 * MV)).isLessThan(5 * Math.sqrt(sigma2 / n));
        assertThat(Math.abs(var - sigma2)).isLessThan(5 * sigma2 * Math.sqrt(2.0 / n));
    }

    static String network(int threads) {
        return """
                dt: 0.1 ms
                duration: 100 ms
                seed: 11
                threads: %d
                integrator: exact
                populations:
                  exc:
                    model: lif
                    size: 2000
                    params: {tau_m: "20*ms + 2*ms*rand()", tau_ref: 5 ms, v_rest: "-49*mV + 0.5*mV*randn()",
                             v_th: -50 mV, v_reset: -60 mV}
                    init: {v: "-60*mV + 10*mV*rand()"}
                projections:
                  - {from: exc, to: exc, connect: {probability: 0.02}, weight: -2 mV,
                     synapse: {kernel: exponential, tau: 5 ms, normalize: peak}}
                record: {spikes: all}
                """.formatted(threads);
    }

    @Test
    void theSameValuesAndSpikesAtOneAndTwoThreads() {
        Network one = Nets.build(network(1));
        Network two = Nets.build(network(2));
        assertThat(v(two)).containsExactly(v(one));
        List<String> s1 = Nets.spikes(ReproducibilityTest.runSplit(one), one);
        assertThat(s1).hasSizeGreaterThan(100);
        assertThat(Nets.spikes(ReproducibilityTest.runSplit(two), two)).isEqualTo(s1);
    }

    @Test
    void aUnitMismatchIsRefusedWithOneLineNamingTheKey() {
        assertThatThrownBy(() -> Nets.build(lif(2, "v_rest: -70 mV", "v: \"10*ms\"")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("populations.exc.init.v: expected a voltage, got a time ('10*ms')");
        assertThatThrownBy(() -> Nets.build(lif(2, "v_rest: -70 mV, tau_ref: \"2*mV*rand()\"", "v: -70 mV")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("populations.exc.params.tau_ref: expected a time, got a voltage ('2*mV*rand()')");
        assertThatThrownBy(() -> Nets.build("dt: 0.1 ms\nduration: 1 ms\npopulations:\n  src: {model: gamma, size: 3, "
                + "params: {rate: \"5*ms + i*1*ms\"}}\n"))
                .hasMessage("populations.src.params.rate: expected a frequency, got a time ('5*ms + i*1*ms')");
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Nets.build(lif(2, "v_rest: -70 mV", "v: \"v_rst + i*0.1*mV\"")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("populations.exc.init.v: unknown name 'v_rst' (did you mean 'v_rest'?); known: i, N, c_m, "
                        + "tau_m, tau_ref, v_reset, v_rest, v_th, units (mV, ms, nS, ...), rand(), randn() "
                        + "('v_rst + i*0.1*mV')");
    }

    @Test
    void sourcesAndHhTakeExpressions() {
        Network g = Nets.build("dt: 0.1 ms\nduration: 2 s\nseed: 2\npopulations:\n  src: {model: gamma, size: 4, "
                + "params: {rate: \"10*Hz + i*40*Hz\", shape: 2}}\nrecord: {spikes: all}\n");
        List<String> spikes = Nets.spikes(Nets.run(g), g);
        long first = spikes.stream().filter(s -> s.startsWith("src 0 ")).count();
        long last = spikes.stream().filter(s -> s.startsWith("src 3 ")).count();
        assertThat(first).isBetween(5L, 40L);      // 10 Hz for 2 s
        assertThat(last).isBetween(200L, 300L);    // 130 Hz for 2 s
        Network hh = Nets.build("dt: 0.01 ms\nduration: 1 ms\npopulations:\n  p: {model: hh, size: 5, "
                + "params: {e_l: \"-54.4*mV - i*1*mV\"}, init: {v: \"e_l\"}}\n");
        double[] v = hh.enginePopulations().get(0).state()[0];
        for (int i = 0; i < 5; i++) assertThat(v[i]).isEqualTo(-54.4 * MV - i * 1 * MV);
    }

    @Test
    void theExampleConfigsKeepTheirMeaning() {
        // a plain quantity or a distribution is not an expression: cuba's uniform init is drawn as before
        Network net = NetworkLoader.load(Path.of("..", "examples", "cuba.yaml"), Nets.PLUGINS,
                List.of("duration=1 ms"));
        for (double x : v(net)) assertThat(x).isBetween(-60 * MV, -50 * MV);
    }
}
