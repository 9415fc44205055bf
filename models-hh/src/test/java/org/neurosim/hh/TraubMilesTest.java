package org.neurosim.hh;

import org.neurosim.core.model.PopulationContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.neurosim.core.model.Drive;
import org.neurosim.core.param.Parameters;

/**
 * The Traub-Miles rates of the COBAHH benchmark. Reference: the six rate formulas of ../shared/peers/brian2_cobahh.py
 * written out with Math.expm1 (the class's alphaM ... betaN), against which the step's fast arithmetic (three
 * exponentials, three square roots, shared constants) must agree.
 */
class TraubMilesTest {
    private final TraubMiles.Dynamics d = (TraubMiles.Dynamics) new TraubMiles()
            .create(PopulationContext.single(Double.NaN), Parameters.defaults(new TraubMiles().parameters()));

    @Test
    void linearFormEqualsTheSixRateFormulasFromMinus100To100mV() {
        // u = V - VT in mV; the removable singularities of alpha_m, beta_m and alpha_n sit at u = 13, 40 and 15
        double[] us = new double[2001 + 6];
        for (int k = 0; k <= 2000; k++) us[k] = -100 + 0.1 * k;
        double[] singular = {13, 40, 15, 13 + 1e-6, 40 - 1e-6, 15 + 3e-5};
        System.arraycopy(singular, 0, us, 2001, singular.length);
        int n = us.length;
        TraubMiles.Dynamics d = (TraubMiles.Dynamics) new TraubMiles().create(new PopulationContext("p", "p", n,
                Double.NaN, 1), Parameters.defaults(new TraubMiles().parameters()));
        double[][] s = new double[4][n], a = new double[4][n], b = new double[4][n];
        for (int i = 0; i < n; i++) {
            s[0][i] = (us[i] + d.vtMv[0]) * 1e-3;
            s[1][i] = 0.3;
            s[2][i] = 0.4;
            s[3][i] = 0.5;
        }
        d.linearForm(s, new Drive(n), a, b, 0, n);
        for (int i = 0; i < n; i++) {
            double u = s[0][i] * 1e3 - d.vtMv[0];   // what the step sees, rounding included
            assertRelative(-a[1][i], 1e3 * (d.alphaM(u) + d.betaM(u)), u);
            assertRelative(b[1][i], 1e3 * d.alphaM(u), u);
            assertRelative(-a[2][i], 1e3 * (d.alphaN(u) + d.betaN(u)), u);
            assertRelative(b[2][i], 1e3 * d.alphaN(u), u);
            assertRelative(-a[3][i], 1e3 * (d.alphaH(u) + d.betaH(u)), u);
            assertRelative(b[3][i], 1e3 * d.alphaH(u), u);
        }
    }

    @Test
    void ratesAtTheSingularPointsAreTheLimits() {
        // x / (e^x - 1) -> 1: alpha_m(13) = 0.32 * 4, beta_m(40) = 0.28 * 5, alpha_n(15) = 0.032 * 5 (1/ms)
        assertThat(d.alphaM(13)).isCloseTo(1.28, within(1e-12));
        assertThat(d.betaM(40)).isCloseTo(1.4, within(1e-12));
        assertThat(d.alphaN(15)).isCloseTo(0.16, within(1e-12));
    }

    @Test
    void equilibriumIsTheZeroOfTheSteadyStateCurrent() {
        // Without input the COBAHH neuron has one equilibrium on [-100, -30] mV, at -33.41 mV (the zero of
        // g_L (E_L - V) - g_Na m_inf^3 h_inf (V - E_Na) - g_Kd n_inf^4 (V - E_K), found independently by a sign scan
        // of the same formulas in Python); at -60 mV the net current is still depolarising (+0.2 mS/cm^2 * mV).
        double[] rest = new double[4];
        d.restingState(rest);
        assertThat(rest[0] * 1e3).isCloseTo(-33.41, within(0.01));
        double u = rest[0] * 1e3 - d.vtMv[0];
        assertThat(rest[1]).isCloseTo(d.alphaM(u) / (d.alphaM(u) + d.betaM(u)), within(1e-12));
        assertThat(rest[2]).isCloseTo(d.alphaN(u) / (d.alphaN(u) + d.betaN(u)), within(1e-12));
        assertThat(rest[3]).isCloseTo(d.alphaH(u) / (d.alphaH(u) + d.betaH(u)), within(1e-12));
        double[][] s = {{rest[0]}, {rest[1]}, {rest[2]}, {rest[3]}}, ds = new double[4][1];
        d.derivatives(s, new Drive(1), ds, 0, 1);
        assertThat(Math.abs(ds[0][0])).isLessThan(1e-6);   // V/s: at rest to rounding
    }

    private static void assertRelative(double actual, double expected, double u) {
        assertThat(Math.abs(actual - expected))
                .as("u = %s mV: %s vs %s", u, actual, expected)
                .isLessThanOrEqualTo(1e-12 * Math.abs(expected) + 1e-300);
    }
}
