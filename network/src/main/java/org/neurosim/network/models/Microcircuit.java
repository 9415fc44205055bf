package org.neurosim.network.models;

import java.util.Locale;

/**
 * The cortical microcircuit of Potjans &amp; Diesmann (2014) as a NeuroSim config, with the parameters of NEST's
 * {@code pynest/examples/Potjans_2014/network_params.py}: eight populations of iaf_psc_exp neurons (lif on the grid,
 * exact-grid, with c_m 250 pF, tau_m 10 ms, t_ref 2 ms, E_L = V_reset = -65 mV, V_th = -50 mV; exponential currents
 * of 0.5 ms), an
 * 8x8 table of connection probabilities turned into fixed total numbers of synapses (multapses and autapses
 * allowed, as NEST's fixed_total_number): n = ln(1 - p) / ln(1 - 1 / (N_pre N_post)); PSP 0.15 mV (87.8 pA) with
 * relative sd 0.1, doubled for L4E -> L23E, g = -4; delays normal(1.5 ms, 0.75 ms) from excitatory and
 * normal(0.75 ms, 0.375 ms) from inhibitory sources, clipped at dt; Poisson background K_ext x 8 Hz per neuron
 * through the excitatory synapse; V0 = normal(-58 mV, 10 mV).
 *
 * <p>At a scale s &lt; 1 (neurons and in-degrees both times s) the in-degree compensation of van Albada, Helias &amp;
 * Diesmann (2015), as NEST's example applies it: weights (recurrent and external) times 1/sqrt(s), and a DC input
 * I = 0.001 tau_syn (1 - sqrt(s)) (sum_j w_ij K_ij nu_j + w_ext K_ext 8 Hz) keeps each population's mean input, with
 * nu_j the full-scale rates (0.971, 2.868, 4.746, 5.396, 8.142, 9.078, 0.991, 7.523 Hz).
 */
public final class Microcircuit {
    public static final String[] POPULATIONS = {"L23E", "L23I", "L4E", "L4I", "L5E", "L5I", "L6E", "L6I"};
    public static final int[] N_FULL = {20683, 5834, 21915, 5479, 4850, 1065, 14395, 2948};
    /** The NEST example's full-scale mean rates (Hz): the reference of the full-scale test and the compensation. */
    public static final double[] FULL_MEAN_RATES = {0.971, 2.868, 4.746, 5.396, 8.142, 9.078, 0.991, 7.523};
    /** Connection probabilities, [target][source]. */
    static final double[][] P = {
            {0.1009, 0.1689, 0.0437, 0.0818, 0.0323, 0., 0.0076, 0.},
            {0.1346, 0.1371, 0.0316, 0.0515, 0.0755, 0., 0.0042, 0.},
            {0.0077, 0.0059, 0.0497, 0.135, 0.0067, 0.0003, 0.0453, 0.},
            {0.0691, 0.0029, 0.0794, 0.1597, 0.0033, 0., 0.1057, 0.},
            {0.1004, 0.0622, 0.0505, 0.0057, 0.0831, 0.3726, 0.0204, 0.},
            {0.0548, 0.0269, 0.0257, 0.0022, 0.06, 0.3158, 0.0086, 0.},
            {0.0156, 0.0066, 0.0211, 0.0166, 0.0572, 0.0197, 0.0396, 0.2252},
            {0.0364, 0.001, 0.0034, 0.0005, 0.0277, 0.008, 0.0658, 0.1443}};
    static final int[] K_EXT = {1600, 1500, 2100, 1900, 2000, 1900, 2900, 2100};
    static final double C_M = 250e-12, TAU_M = 10e-3, TAU_SYN = 0.5e-3, PSP = 0.15e-3, G = -4, BG_RATE = 8;

    private Microcircuit() { }

    /** The PSC amplitude (A) whose PSP peaks at psp (V) for iaf_psc_exp (NEST helpers.get_weight). */
    public static double pscOfPsp(double psp) {
        double r = TAU_M / TAU_SYN;
        double peak = 1 / C_M * TAU_M * TAU_SYN / (TAU_SYN - TAU_M)
                * (Math.pow(r, -TAU_M / (TAU_M - TAU_SYN)) - Math.pow(r, -TAU_SYN / (TAU_M - TAU_SYN)));
        return psp / peak;
    }

    /** Full-scale synapse count n[i][j] = ln(1 - p) / ln(1 - 1 / (N_i N_j)). */
    static double fullSynapses(int i, int j) {
        double prod = (double) N_FULL[i] * N_FULL[j];
        return P[i][j] == 0 ? 0 : Math.log(1 - P[i][j]) / Math.log((prod - 1) / prod);
    }

    /** The config at scale s (0 &lt; s &lt;= 1) for the given duration, as YAML. */
    public static String yaml(double s, String duration) {
        if (!(s > 0 && s <= 1)) throw new IllegalArgumentException("scale in (0, 1] expected, got " + s);
        double w = pscOfPsp(PSP), sq = Math.sqrt(s);
        StringBuilder y = new StringBuilder();
        y.append("# Potjans & Diesmann (2014) cortical microcircuit at scale ").append(fmt(s))
                .append(" (1 = 77,169 neurons, 0.3 billion synapses), made by\n")
                .append("# `neurosim bench microcircuit --scale S --duration Q --write-config FILE` (org.neurosim.network.models.\n")
                .append("# Microcircuit, whose Javadoc gives the parameters and the in-degree compensation of smaller scales).\n")
                .append("# Full scale: JAVA_OPTS=-Xmx4g bin/neurosim run examples/microcircuit.yaml --threads 2 (3.4 GB peak memory, 25-40 s to build, 5-6 s per simulated second)\n")
                .append("name: microcircuit\ndt: 0.1 ms\nduration: ").append(duration).append("\nseed: 55\n")
                .append("# NEST's iaf_psc_exp: exact propagation, spikes and inputs on the grid (integrator: exact times\n")
                .append("# spikes inside the step, as iaf_psc_exp_ps, at about 2.8 times the cost)\n")
                .append("integrator: exact-grid\n\n")
                .append("populations:\n");
        int[] n = new int[8];
        for (int i = 0; i < 8; i++) {
            n[i] = (int) (N_FULL[i] * s);
            double dc = 0;
            if (s < 1) {   // van Albada et al. (2015): the mean input the smaller in-degrees leave out, as a current
                double sum = w * K_EXT[i] * BG_RATE;
                for (int j = 0; j < 8; j++) sum += weight(i, j, w) * fullSynapses(i, j) / N_FULL[i] * FULL_MEAN_RATES[j];
                dc = TAU_SYN * (1 - sq) * sum;
            }
            y.append("  ").append(POPULATIONS[i]).append(":\n")
                    .append("    model: lif\n    size: ").append(n[i]).append('\n')
                    .append("    params: {c_m: 250 pF, tau_m: 10 ms, tau_ref: 2 ms, v_rest: -65 mV, v_th: -50 mV, v_reset: -65 mV}\n")
                    .append("    init: {v: \"normal(-58 mV, 10 mV)\"}\n");
            if (dc != 0) y.append("    input: ").append(fmt(dc * 1e12)).append(" pA\n");
            y.append("    poisson_input: {rate: ").append(fmt(K_EXT[i] * s * BG_RATE)).append(" Hz, weight: ")
                    .append(fmt(w / sq * 1e12)).append(" pA, synapse: {kernel: exponential, tau: 0.5 ms, normalize: peak}}\n");
        }
        y.append("\nprojections:\n");
        for (int j = 0; j < 8; j++) {
            for (int i = 0; i < 8; i++) {
                double full = fullSynapses(i, j);
                long total = Math.round(full / N_FULL[i] * s * n[i]);
                if (total == 0) continue;
                double wij = weight(i, j, w) / sq * 1e12;
                boolean exc = j % 2 == 0;
                y.append("  - {from: ").append(POPULATIONS[j]).append(", to: ").append(POPULATIONS[i])
                        .append(", connect: {total: ").append(total).append(", autapses: true, multapses: true},\n")
                        .append("     weight: \"normal(").append(fmt(wij)).append(" pA, ").append(fmt(Math.abs(wij) * 0.1))
                        .append(" pA)\", ").append(exc ? "weight_min: 0 pA" : "weight_max: 0 pA").append(",\n")
                        .append("     delay: \"normal(").append(exc ? "1.5 ms, 0.75 ms" : "0.75 ms, 0.375 ms")
                        .append(")\", delay_min: 0.1 ms, synapse: {kernel: exponential, tau: 0.5 ms, normalize: peak}}\n");
            }
        }
        y.append("\nrecord:\n  spikes: all\n  rates: {bin: 1 ms}\n  analysis: {start: 0.5 s}\n");
        return y.toString();
    }

    /** The mean weight (A) from population j onto i at full scale. */
    static double weight(int i, int j, double w) {
        double base = j % 2 == 0 ? w : G * w;
        return i == 0 && j == 2 ? 2 * base : base;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
