package org.neurosim.lif;

import org.neurosim.core.model.PopulationContext;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.ExactlySolvable;
import org.neurosim.core.param.Parameters;

/**
 * The population step of the exact LIF (three passes over arrays and a bit set of refractory neurons) against the
 * plain event-driven solution neuron by neuron: V(t + s) = v_inf + (V - v_inf) e^(-s/tau_m), a spike where it
 * reaches v_th at s* = tau_m ln((v_inf - V)/(v_inf - v_th)), then v_reset held for tau_ref (science.md section 2),
 * written out independently below. Same spikes (neuron, time), membrane and refractory times, bit for bit, for
 * refractory periods longer and shorter than dt and for chunkings whose edges cut through words of the bit set.
 */
class LifPopulationStepTest {
    private static final double TAU_M = 0.020, V_REST = 0, V_TH = 1, V_RESET = 0.1;

    private static ExactlySolvable lif(String tauRef) {
        LeakyIntegrateAndFire m = new LeakyIntegrateAndFire();
        return (ExactlySolvable) m.create(PopulationContext.single(Double.NaN), Parameters.resolve(m.parameters(), Map.of("tau_m", "20 ms",
                "tau_ref", tauRef, "v_reset", "0.1"), "params"));
    }

    record Spike(int neuron, int step, double offset) { }

    @ParameterizedTest(name = "tau_ref {0} s, dt {1} s, chunk edges {2}")
    @CsvSource({
            "0.002, 1e-4, 0;1000",
            "0.002, 1e-4, 0;37;100;511;640;1000",
            "0.00025, 1e-3, 0;63;64;65;129;1000",
            "0, 1e-3, 0;500;1000",
            "0.0013, 2.5e-4, 0;1;999;1000"})
    void populationStepEqualsTheEventDrivenSolution(double tauRef, double dt, String edges) {
        int n = 1000, steps = 3000;
        int[] cut = java.util.Arrays.stream(edges.split(";")).mapToInt(Integer::parseInt).toArray();
        ExactlySolvable d = lif(tauRef + " s");
        double[][] state = {new double[n]};
        double[] refractory = new double[n];
        double[] v = new double[n], r = new double[n];   // the reference
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < n; i++) state[0][i] = v[i] = rnd.nextDouble();
        Drive drive = new Drive(n);
        List<Spike> got = new ArrayList<>(), expected = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < n; i++) drive.current[i] = 0.6 + 1.4 * rnd.nextDouble();   // v_inf 0.6 .. 2
            int step = k;
            for (int c = 0; c + 1 < cut.length; c++) {
                d.advanceExactly(state, drive, dt, refractory, (i, o) -> got.add(new Spike(i, step, o)), cut[c], cut[c + 1]);
            }
            for (int i = 0; i < n; i++) reference(i, V_REST + drive.current[i], dt, tauRef, v, r, step, expected);
        }
        assertThat(got).hasSizeGreaterThan(n).isEqualTo(expected);
        for (int i = 0; i < n; i++) {
            assertThat(state[0][i]).as("v[%d]", i).isEqualTo(v[i]);
            assertThat(refractory[i]).as("refractory[%d]", i).isEqualTo(r[i]);
        }
    }

    @Test
    void oneDynamicsServesTwoPopulationsInTurn() {
        // the work arrays belong to a population's refractory array, not to the model
        ExactlySolvable d = lif("2 ms");
        double[][] a = {new double[300]}, b = {new double[700]};
        double[] ra = new double[300], rb = new double[700];
        Drive da = new Drive(300), db = new Drive(700);
        java.util.Arrays.fill(da.current, 1.5);
        java.util.Arrays.fill(db.current, 3.0);
        int[] spikes = new int[2];
        for (int k = 0; k < 2000; k++) {
            d.advanceExactly(a, da, 1e-4, ra, (i, o) -> spikes[0]++, 0, 300);
            d.advanceExactly(b, db, 1e-4, rb, (i, o) -> spikes[1]++, 0, 700);
        }
        // from V = 0 the first spike comes at tau_m ln(v_in/(v_in - 1)), then one every
        // tau_ref + tau_m ln((v_in - 0.1)/(v_in - 1)): 21.97 ms then 22.59 ms for v_in = 1.5 (8 spikes in 0.2 s),
        // 8.11 ms then 9.43 ms for v_in = 3 (21 spikes) -- computed by hand
        assertThat(spikes[0]).isEqualTo(300 * 8);
        assertThat(spikes[1]).isEqualTo(700 * 21);
    }

    /**
     * One neuron over one step, event by event (the closed form of science.md section 2). A neuron that is not
     * refractory spikes in the step exactly when its end-of-step value reaches v_th (the trajectory is monotonic).
     */
    private static void reference(int i, double vInf, double dt, double tauRef, double[] v, double[] r, int step,
                                  List<Spike> out) {
        double t = 0, vi = v[i];
        double end = vInf + (vi - vInf) * Math.exp(-dt / TAU_M);
        if (!(r[i] > 0) && end < V_TH) {
            v[i] = end;
            return;
        }
        while (true) {
            if (r[i] > 0) {
                if (r[i] >= dt - t) {
                    r[i] -= dt - t;
                    v[i] = V_RESET;
                    return;
                }
                t += r[i];
                r[i] = 0;
                vi = V_RESET;
            }
            double crossing = vi >= V_TH ? 0
                    : vInf > V_TH ? TAU_M * Math.log((vInf - vi) / (vInf - V_TH)) : Double.POSITIVE_INFINITY;
            if (t + crossing > dt) {
                v[i] = vInf + (vi - vInf) * Math.exp(-(dt - t) / TAU_M);
                return;
            }
            t += crossing;
            out.add(new Spike(i, step, t));
            vi = V_RESET;
            r[i] = tauRef;
            if (tauRef <= 0 && !(vInf > V_TH)) {
                v[i] = vInf + (vi - vInf) * Math.exp(-(dt - t) / TAU_M);
                return;
            }
        }
    }
}
