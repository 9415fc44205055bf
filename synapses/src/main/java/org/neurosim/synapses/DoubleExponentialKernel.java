package org.neurosim.synapses;

import org.neurosim.core.synapse.Kernel;
import org.neurosim.core.synapse.ModalFilter;
import org.neurosim.core.synapse.SynapticFilter;

/**
 * The difference of exponentials h(t) = (exp(-t/tau_d) - exp(-t/tau_r)) / (tau_d - tau_r) for t &gt;= 0 (area 1),
 * rising with tau_r and decaying with tau_d &gt; tau_r; peak at t_p = tau_d tau_r / (tau_d - tau_r) ln(tau_d / tau_r).
 * Online form: two exponential states a (decay) and b (rise), output a - b; both propagate exactly.
 */
final class DoubleExponentialKernel implements Kernel {
    private final double tauDecay, tauRise, norm;

    DoubleExponentialKernel(double tauDecay, double tauRise) {
        this.tauDecay = tauDecay;
        this.tauRise = tauRise;
        this.norm = 1.0 / (tauDecay - tauRise);
    }

    @Override
    public double value(double t) {
        if (t < 0) return 0;
        return norm * (Math.exp(-t / tauDecay) - Math.exp(-t / tauRise));
    }

    @Override
    public double peakTime() {
        return tauDecay * tauRise / (tauDecay - tauRise) * Math.log(tauDecay / tauRise);
    }

    @Override
    public SynapticFilter newFilter(int size, double dt, double scale) {
        return new Filter(size, dt, scale);
    }

    /** Two exponential states a (decay) and b (rise), output a - b: two modes of the closed form. */
    private final class Filter implements ModalFilter {
        private final double[] a, b, out;
        private final double da, db, w0;

        Filter(int size, double dt, double scale) {
            a = new double[size];
            b = new double[size];
            out = new double[size];
            da = Math.exp(-dt / tauDecay);
            db = Math.exp(-dt / tauRise);
            w0 = scale * norm;
        }

        @Override
        public void advance(int from, int to) {
            for (int i = from; i < to; i++) {
                a[i] *= da;
                b[i] *= db;
                out[i] = a[i] - b[i];
            }
        }

        @Override
        public void addSpike(int target, double weight, double r) {
            a[target] += weight * w0 * Math.exp(-r / tauDecay);
            b[target] += weight * w0 * Math.exp(-r / tauRise);
            out[target] = a[target] - b[target];
        }

        @Override
        public void set(int target, double value) {
            a[target] = value;
            b[target] = 0;
            out[target] = value;
        }

        @Override
        public double[] output() {
            return out;
        }

        // I(t + s) = a exp(-s/tau_d) - b exp(-s/tau_r)
        @Override public double[] modeTimeConstants() { return new double[] {tauDecay, tauRise}; }
        @Override public int[] modeDegrees() { return new int[] {0, 0}; }
        @Override public double[] state(int group, int k) { return group == 0 ? a : b; }
        @Override public double multiplier(int group, int k) { return group == 0 ? 1 : -1; }
        @Override public double unitSpike(int group, int k) { return group == 0 ? w0 : -w0; }
    }
}
