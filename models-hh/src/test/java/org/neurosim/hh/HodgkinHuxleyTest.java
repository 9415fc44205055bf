package org.neurosim.hh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.Parameters;
import org.neurosim.integrators.DormandPrince;
import org.neurosim.integrators.ExponentialEuler;
import org.neurosim.integrators.RungeKutta4;
import org.neurosim.integrators.SingleNeuron;

/**
 * Known behaviour of the 1952 model for constant input from rest (../shared/science.md section 1), with the
 * reference solution computed by dormand-prince at tolerance 1e-12 and cross-checked against an independent
 * implementation ({@link HhReference}, Gragg-Bulirsch-Stoer).
 */
class HodgkinHuxleyTest {
    static final double UA_PER_CM2 = 1e-2;   // 1 uA/cm^2 = 0.01 A/m^2

    static NeuronDynamics hh() {
        HodgkinHuxley m = new HodgkinHuxley();
        return m.create(PopulationContext.single(Double.NaN), Parameters.defaults(m.parameters()));
    }

    static SingleNeuron.Result run(Integrator integrator, double currentUa, double durationS, double dt) {
        Parameters ip = integrator instanceof DormandPrince dp
                ? Parameters.resolve(dp.parameters(), Map.of("abs_tol", "1e-12", "rel_tol", "1e-12"), "p")
                : Parameters.defaults(integrator.parameters());
        return SingleNeuron.run(hh(), integrator, ip, currentUa * UA_PER_CM2, durationS, dt, false);
    }

    static SingleNeuron.Result reference(double currentUa, double durationS) {
        return run(new DormandPrince(), currentUa, durationS, 1e-4);
    }

    @Test
    void restsAtMinus65() {
        double[] rest = new double[4];
        hh().restingState(rest);
        assertThat(rest[0] * 1e3).isCloseTo(-65.0, within(0.05));
        // and stays there with zero input (published: rests at about -65.0 mV)
        SingleNeuron.Result r = SingleNeuron.run(hh(), new RungeKutta4(), Parameters.defaults(java.util.List.of()),
                0, 0.1, 1e-5, true);
        double[] v = r.trace()[0];
        assertThat(v[v.length - 1] * 1e3).isCloseTo(-65.0, within(0.05));
        assertThat(r.spikeCount()).isZero();
    }

    @Test
    void removableSingularitiesTakeTheirLimits() {
        assertThat(HodgkinHuxley.alphaN(-55)).isEqualTo(0.1);
        assertThat(HodgkinHuxley.alphaM(-40)).isEqualTo(1.0);
        // continuous across the singular point: values just beside it agree to first order
        assertThat(HodgkinHuxley.alphaN(-55 + 1e-7)).isCloseTo(0.1, within(1e-9));
        assertThat(HodgkinHuxley.alphaM(-40 - 1e-6)).isCloseTo(1.0, within(1e-6));
        assertThat(HodgkinHuxley.alphaN(-30)).isCloseTo(0.01 * 25 / (1 - Math.exp(-2.5)), within(1e-15));
    }

    @Test
    void sharedExponentialRatesEqualTheFormulas() {
        // the fast path (three exponentials and a square root) against the six formulas of science.md section 1,
        // across the voltage range and right at the removable singularities -55 and -40 mV
        HodgkinHuxley.Rates r = new HodgkinHuxley.Rates();
        for (double v = -100; v <= 60; v += 0.0137) {
            check(r, v);
        }
        for (double v : new double[] {-55, -55 + 1e-6, -55 - 1e-3, -40, -40 + 1e-5, -40 - 2e-4}) {
            check(r, v);
        }
    }

    private static void check(HodgkinHuxley.Rates r, double v) {
        r.at(v);
        assertThat(r.an).as("a_n(%s)", v).isCloseTo(HodgkinHuxley.alphaN(v), within(1e-12 * HodgkinHuxley.alphaN(v)));
        assertThat(r.am).as("a_m(%s)", v).isCloseTo(HodgkinHuxley.alphaM(v), within(1e-12 * HodgkinHuxley.alphaM(v)));
        assertThat(r.bn).isCloseTo(HodgkinHuxley.betaN(v), within(1e-13 * HodgkinHuxley.betaN(v)));
        assertThat(r.bm).isCloseTo(HodgkinHuxley.betaM(v), within(1e-13 * HodgkinHuxley.betaM(v)));
        assertThat(r.ah).isCloseTo(HodgkinHuxley.alphaH(v), within(1e-13 * HodgkinHuxley.alphaH(v)));
        assertThat(r.bh).isCloseTo(HodgkinHuxley.betaH(v), within(1e-13 * HodgkinHuxley.betaH(v)));
    }

    @Test
    void negativeAndSmallInputsDoNotSpike() {
        for (double i : new double[] {-5, 0, 1, 2.0}) {
            assertThat(reference(i, 0.2).spikeCount()).as("I = %s", i).isZero();
        }
        // negative input hyperpolarises
        SingleNeuron.Result r = SingleNeuron.run(hh(), new RungeKutta4(), Parameters.defaults(java.util.List.of()),
                -5 * UA_PER_CM2, 0.1, 1e-5, true);
        assertThat(r.trace()[0][r.trace()[0].length - 1] * 1e3).isLessThan(-66);
    }

    @Test
    void singleSpikeAt2Point5And5() {
        assertThat(reference(2.5, 0.3).spikeCount()).isEqualTo(1);
        assertThat(reference(5, 0.3).spikeCount()).isEqualTo(1);
    }

    @Test
    void sustainedFiringAboveTheSaddleNodeAt6Point26() {
        // Balti et al. 2018: saddle-node of limit cycles between 6.2649 and 6.2716 uA/cm^2
        assertThat(reference(6.0, 0.3).spikeCount()).isLessThanOrEqualTo(2);
        assertThat(reference(6.5, 0.3).rate(0.1, 0.3)).isGreaterThan(50);
    }

    @Test
    void firesAt68To72HzAt10() {
        SingleNeuron.Result r = reference(10, 0.5);
        assertThat(r.rate(0.1, 0.5)).isBetween(68.0, 72.0);
    }

    @Test
    void depolarisationBlockAt100() {
        SingleNeuron.Result r = reference(100, 0.5);
        assertThat(r.spikeCount()).isBetween(1, 6);
        assertThat(r.rate(0.1, 0.5)).isZero();
    }

    @Test
    void referenceAgreesWithAnIndependentSolver() {
        double[] rest = new double[4];
        hh().restingState(rest);
        double[] y0 = {rest[0] * 1e3, rest[1], rest[2], rest[3]};
        for (double i : new double[] {2.5, 10}) {
            double[] independent = new HhReference(i).spikeTimes(y0, 100);
            double[] ours = reference(i, 0.1).spikeTimes();
            assertThat(ours).hasSameSizeAs(independent);
            for (int k = 0; k < ours.length; k++) {
                assertThat(ours[k] * 1e3).isCloseTo(independent[k], within(1e-6));
            }
        }
    }

    @Test
    void rk4FirstSpikeTimesWithinTwentyMicrosecondsOfTheReference() {
        for (double i : new double[] {2.5, 5, 6.5, 10, 20, 50}) {
            double ref = reference(i, 0.05).spikeTimes()[0];
            double rk4 = run(new RungeKutta4(), i, 0.05, 1e-5).spikeTimes()[0];
            assertThat(rk4 * 1e3).as("I = %s", i).isCloseTo(ref * 1e3, within(0.02));
        }
    }

    @Test
    void exponentialEulerFiresAtTheSameRateAtDt25Microseconds() {
        double ref = reference(10, 0.5).rate(0.1, 0.5);
        double ee = run(new ExponentialEuler(), 10, 0.5, 2.5e-5).rate(0.1, 0.5);
        assertThat(ee).isCloseTo(ref, within(2.5));
    }
}
