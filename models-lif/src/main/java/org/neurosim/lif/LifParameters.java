package org.neurosim.lif;

/**
 * The parameters of one LIF population (lif, and the exact solution's helpers {@link LifAnchors} and
 * {@link LifSynapses}), in SI: one value for every neuron, or one per neuron (a population's {@code params} given as a
 * list or a distribution). The scalars serve when {@link #uniform}, and the hot loops keep their scalar form then, so
 * that a population whose values are all alike costs what it did before values per neuron existed and gives the same
 * bits. Otherwise every array is filled (also for the parameters that are alike), and a neuron's arithmetic is the
 * same as that of a population of that one neuron with its values as scalars.
 */
final class LifParameters {
    /** The population's values; neuron 0's when they differ between neurons. */
    final double tauM, tauRef, vRest, vTh, vReset;
    /** Input times scale is a voltage: 1, or R = tau_m / C_m for a current; and exp(-dt/tau_m). */
    final double scale, decay;
    /** tau_ref in whole steps of dt, for the grid (NEST's refractory counts). */
    final double gridHold;
    /** True when every parameter has one value for every neuron: the arrays below are null. */
    final boolean uniform;
    /**
     * True when tau_m and the scale are alike for every neuron, so that the membrane's response to an arrival is
     * too (the network computes it once per presynaptic spike).
     */
    final boolean oneResponse;
    /**
     * True when tau_m, the scale and v_rest are alike for every neuron, so that the membrane's equation between
     * events is (only v_th, v_reset or tau_ref differ, or nothing): the passes over all neurons keep their scalar form.
     */
    final boolean oneMembrane;
    /** Per neuron, all null when {@link #uniform}, all filled otherwise. */
    final double[] tauMs, tauRefs, vRests, vThs, vResets, scales, decays, gridHolds;
    /** Whether v_th, tau_ref and v_reset are alike for every neuron (the spike rule keeps its scalars for those). */
    final boolean oneThreshold, oneRefractoryPeriod, oneReset;

    /**
     * From the values of each parameter for {@code size} neurons: an array of one value per neuron, or of length 1
     * for one value for all. {@code cm} 0 for the normalised model (input a voltage), else a capacitance (input a
     * current), the same kind for every neuron.
     */
    LifParameters(int size, double[] tauM, double[] tauRef, double[] vRest, double[] vTh, double[] vReset,
                  double[] cm, double dt) {
        int n = size;
        this.oneThreshold = alike(vTh);
        this.oneRefractoryPeriod = alike(tauRef);
        this.oneReset = alike(vReset);
        this.oneResponse = alike(tauM) && alike(cm);
        this.oneMembrane = oneResponse && alike(vRest);
        this.uniform = oneThreshold && oneRefractoryPeriod && oneReset && oneMembrane;
        this.tauM = tauM[0];
        this.tauRef = tauRef[0];
        this.vRest = vRest[0];
        this.vTh = vTh[0];
        this.vReset = vReset[0];
        this.scale = scale(tauM[0], cm[0]);
        this.decay = Math.exp(-dt / this.tauM);
        this.gridHold = Math.round(this.tauRef / dt) * dt;
        if (uniform) {
            tauMs = tauRefs = vRests = vThs = vResets = scales = decays = gridHolds = null;
            return;
        }
        tauMs = expand(tauM, n);
        tauRefs = expand(tauRef, n);
        vRests = expand(vRest, n);
        vThs = expand(vTh, n);
        vResets = expand(vReset, n);
        cm = expand(cm, n);
        scales = new double[n];
        decays = new double[n];
        gridHolds = new double[n];
        for (int i = 0; i < n; i++) {
            scales[i] = scale(tauMs[i], cm[i]);
            decays[i] = Math.exp(-dt / tauMs[i]);
            gridHolds[i] = Math.round(tauRefs[i] / dt) * dt;
        }
    }

    /** One value per neuron: a copy of a, or its one value n times. */
    private static double[] expand(double[] a, int n) {
        if (a.length == n) return a.clone();
        if (a.length != 1) throw new IllegalArgumentException(a.length + " values for " + n + " neurons");
        double[] out = new double[n];
        java.util.Arrays.fill(out, a[0]);
        return out;
    }

    private static double scale(double tauM, double cm) {
        return cm > 0 ? tauM / cm : 1;
    }

    private static boolean alike(double[] a) {
        for (double x : a) if (Double.doubleToLongBits(x) != Double.doubleToLongBits(a[0])) return false;
        return true;
    }

    /** The number of neurons the values are for, or -1 when they are one for all (any population size). */
    int size() {
        return uniform ? -1 : tauMs.length;
    }

    double tauM(int i) { return uniform ? tauM : tauMs[i]; }
    double tauRef(int i) { return uniform ? tauRef : tauRefs[i]; }
    double vRest(int i) { return uniform ? vRest : vRests[i]; }
    double vTh(int i) { return uniform ? vTh : vThs[i]; }
    double vReset(int i) { return uniform ? vReset : vResets[i]; }
    double scale(int i) { return uniform ? scale : scales[i]; }
    double decay(int i) { return uniform ? decay : decays[i]; }
    double gridHold(int i) { return uniform ? gridHold : gridHolds[i]; }
}
