package org.neurosim.lif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.Parameters;
import org.neurosim.integrators.Euler;
import org.neurosim.integrators.Exact;
import org.neurosim.integrators.SingleNeuron;

/**
 * The LIF rate curve G(v_in) = 1 / (tau_ref - tau_m ln(1 - 1/v_in)) of ../shared/science.md section 2, and the
 * exact simulation against it.
 */
class LifRateCurveTest {
    static final double TAU_M = 0.020, TAU_REF = 0.002;

    static NeuronDynamics lif() {
        LeakyIntegrateAndFire m = new LeakyIntegrateAndFire();
        return m.create(PopulationContext.single(Double.NaN), Parameters.resolve(m.parameters(), Map.of("tau_m", "20 ms", "tau_ref", "2 ms"), "params"));
    }

    @Test
    void rateCurveAgainstHandComputedValues() {
        // G(2) = 1 / (0.002 + 0.02 ln 2) = 1 / 0.0158629 s = 63.0402 Hz (computed by hand)
        assertThat(LeakyIntegrateAndFire.rate(2, TAU_REF, TAU_M)).isCloseTo(63.0402, within(1e-3));
        // G(1.1) = 1 / (0.002 + 0.02 ln 11) = 1 / 0.0499579 s = 20.0169 Hz
        assertThat(LeakyIntegrateAndFire.rate(1.1, TAU_REF, TAU_M)).isCloseTo(20.0169, within(1e-3));
        // G(10) = 1 / (0.002 + 0.02 ln(10/9)) = 1 / 0.00410721 s = 243.474 Hz
        assertThat(LeakyIntegrateAndFire.rate(10, TAU_REF, TAU_M)).isCloseTo(243.474, within(1e-2));
        assertThat(LeakyIntegrateAndFire.rate(1, TAU_REF, TAU_M)).isZero();
        assertThat(LeakyIntegrateAndFire.rate(0.5, TAU_REF, TAU_M)).isZero();
        // large-input limit: G -> 1 / tau_ref
        assertThat(LeakyIntegrateAndFire.rate(1e9, TAU_REF, TAU_M)).isCloseTo(500, within(1e-3));
    }

    @Test
    void derivativeMatchesFiniteDifferences() {
        for (double v : new double[] {1.05, 1.5, 3, 10}) {
            double h = 1e-6;
            double fd = (LeakyIntegrateAndFire.rate(v + h, TAU_REF, TAU_M) - LeakyIntegrateAndFire.rate(v - h, TAU_REF, TAU_M)) / (2 * h);
            assertThat(LeakyIntegrateAndFire.rateDerivative(v, TAU_REF, TAU_M)).isCloseTo(fd, within(1e-4 * Math.abs(fd)));
        }
    }

    @ParameterizedTest(name = "v_in = {0}, dt = {1} s")
    @CsvSource({"0.5,1e-4", "1,1e-4", "1.01,1e-4", "1.1,1e-4", "1.5,1e-4", "2,1e-4", "5,1e-4", "10,1e-4",
                "1.01,1e-3", "1.1,1e-3", "1.5,1e-3", "2,1e-3", "5,1e-3", "10,1e-3"})
    void simulatedRateWithinOnePercentOfG(double vIn, double dt) {
        double duration = 2.0;
        SingleNeuron.Result r = SingleNeuron.run(lif(), new Exact(), vIn, duration, dt);
        double g = LeakyIntegrateAndFire.rate(vIn, TAU_REF, TAU_M);
        double rate = r.rate(0, duration);
        if (g == 0) {
            assertThat(r.spikeCount()).isZero();
        } else {
            assertThat(rate).isCloseTo(g, within(0.01 * g));
        }
    }

    @Test
    void firstSpikeAtTheClosedFormCrossingTime() {
        // t* = -tau_m ln(1 - 1/v_in) (science.md section 2), at any dt, even off-grid
        double vIn = 1.5;
        double tStar = -TAU_M * Math.log(1 - 1 / vIn);
        for (double dt : new double[] {1e-4, 1e-3, 3.7e-3}) {
            SingleNeuron.Result r = SingleNeuron.run(lif(), new Exact(), vIn, 0.1, dt);
            assertThat(r.spikeTimes()[0]).isCloseTo(tStar, within(1e-12));
            assertThat(r.spikeTimes()[1] - r.spikeTimes()[0]).isCloseTo(TAU_REF + tStar, within(1e-12));
        }
    }

    @Test
    void thousandSecondsGiveTheAnalyticSpikeCount() {
        // spikes at k P - tau_ref (k = 1, 2, ...) with period P = 1/G: floor((T + tau_ref) / P) of them in [0, T]
        double vIn = 1.5, duration = 1000, dt = 1e-4;
        double period = TAU_REF - TAU_M * Math.log(1 - 1 / vIn);
        long expected = (long) Math.floor((duration + TAU_REF) / period);
        SingleNeuron.Result r = SingleNeuron.run(lif(), new Exact(), vIn, duration, dt);
        assertThat((long) r.spikeCount()).isEqualTo(expected);
        // and the last spike is where the closed form puts it: no drift over 10^7 steps
        assertThat(r.spikeTimes()[r.spikeCount() - 1]).isCloseTo(expected * period - TAU_REF, within(1e-9));
    }

    @Test
    void eulerAlsoFiresNearGWithSmallSteps() {
        // a grid integrator with step-counted refractoriness is biased by up to one step per spike
        double vIn = 2, dt = 1e-5;
        SingleNeuron.Result r = SingleNeuron.run(lif(), new Euler(), vIn, 1.0, dt);
        double g = LeakyIntegrateAndFire.rate(vIn, TAU_REF, TAU_M);
        assertThat(r.rate(0, 1.0)).isCloseTo(g, within(0.02 * g));
    }

    @Test
    void physicalUnitsAndMixedUnitsError() {
        LeakyIntegrateAndFire m = new LeakyIntegrateAndFire();
        NeuronDynamics d = m.create(PopulationContext.single(Double.NaN), Parameters.resolve(m.parameters(),
                Map.of("v_rest", "-49 mV", "v_th", "-50 mV", "v_reset", "-60 mV", "tau_ref", "5 ms"), "p"));
        // v_inf = -49 mV > v_th: from reset, t* = tau_m ln((v_inf - v_reset)/(v_inf - v_th)) = 20 ms ln 11
        double period = 0.005 + 0.020 * Math.log(11);
        assertThat(((org.neurosim.core.model.AnalyticRate) d).analyticRate(0)).isCloseTo(1 / period, within(1e-9));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.create(PopulationContext.single(Double.NaN), Parameters.resolve(m.parameters(),
                        Map.of("v_th", "-50 mV"), "populations.exc.params")))
                .hasMessageContaining("must share one unit");
    }
}
