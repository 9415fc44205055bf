package org.neurosim.synapses;

import org.neurosim.core.synapse.Kernel;
import org.neurosim.core.synapse.ModalFilter;
import org.neurosim.core.synapse.SynapticFilter;

/**
 * The gamma-family PSC h(t) = kappa t^n exp(-t/tau_s) for t &gt;= 0, kappa = 1 / (n! tau_s^(n+1)), which integrates
 * to 1 and peaks at t = n tau_s (../shared/science.md section 4). n = 0 is the exponential PSC, n = 1 the alpha
 * function.
 *
 * <p>Online form: a cascade of n + 1 first-order filters x_0 ... x_n, tau dx_0/dt = -x_0 + tau s(t),
 * tau dx_j/dt = -x_j + x_(j-1), whose last stage is (s * h)(t). Its exact propagator over dt is
 * x_j &lt;- exp(-dt/tau) sum_(k=0..j) (dt/tau)^k / k! x_(j-k), and a spike of weight w arriving r before the end of
 * the step adds (w / tau) exp(-r/tau) (r/tau)^j / j! to x_j: no truncation error, on-grid or off-grid.
 */
final class GammaKernel implements Kernel {
    private final int n;
    private final double tau;
    private final double kappa;

    GammaKernel(int n, double tau) {
        this.n = n;
        this.tau = tau;
        double factorial = 1;
        for (int k = 2; k <= n; k++) factorial *= k;
        this.kappa = 1.0 / (factorial * Math.pow(tau, n + 1));
    }

    @Override
    public double value(double t) {
        if (t < 0) return 0;
        return kappa * Math.pow(t, n) * Math.exp(-t / tau);
    }

    @Override public double peakTime() { return n * tau; }

    @Override
    public SynapticFilter newFilter(int size, double dt, double scale) {
        return n == 0 ? new ExponentialFilter(size, dt, tau, scale) : new CascadeFilter(size, dt, tau, n, scale);
    }

    /** n = 0: one state per target, x &lt;- x exp(-dt/tau); the hot path of current-based networks. */
    static final class ExponentialFilter implements ModalFilter {
        private final double[] x;
        private final double decay, tau, spikeScale;

        ExponentialFilter(int size, double dt, double tau, double scale) {
            this.x = new double[size];
            this.decay = Math.exp(-dt / tau);
            this.tau = tau;
            this.spikeScale = scale / tau;
        }

        @Override
        public void advance(int from, int to) {
            double[] s = x;
            double d = decay;
            for (int i = from; i < to; i++) s[i] *= d;
        }

        @Override
        public void addSpike(int target, double weight, double sinceArrival) {
            x[target] += sinceArrival == 0 ? weight * spikeScale : weight * spikeScale * Math.exp(-sinceArrival / tau);
        }

        @Override
        public void addSpikes(int[] targets, int from, int to, float[] weights, double weight, double sinceArrival) {
            double c = spikeScale * (sinceArrival == 0 ? 1 : Math.exp(-sinceArrival / tau));
            double[] s = x;
            if (weights == null) {
                double inc = c * weight;
                for (int k = from; k < to; k++) s[targets[k]] += inc;
            } else {
                for (int k = from; k < to; k++) s[targets[k]] += c * weights[k];
            }
        }

        @Override
        public void addSpikes(int[] targets, double[] weights, int from, int to, double sinceArrival) {
            double c = spikeScale * (sinceArrival == 0 ? 1 : Math.exp(-sinceArrival / tau));
            for (int k = from; k < to; k++) x[targets[k]] += c * weights[k];
        }

        @Override
        public void addToEach(double[] weights, int from, int to) {
            double[] s = x;
            double c = spikeScale;
            for (int i = from; i < to; i++) s[i] += weights[i] * c;
        }

        @Override public void set(int target, double value) { x[target] = value; }
        @Override public double[] output() { return x; }
        @Override public double pointwiseDecay() { return decay; }

        // one mode: I(t + s) = x exp(-s/tau)
        @Override public double[] modeTimeConstants() { return new double[] {tau}; }
        @Override public int[] modeDegrees() { return new int[] {0}; }
        @Override public double[] state(int group, int k) { return x; }
        @Override public double multiplier(int group, int k) { return 1; }
        @Override public double unitSpike(int group, int k) { return spikeScale; }
    }

    static final class CascadeFilter implements ModalFilter {
        private final double[][] x;
        private final double[] coefficient;   // exp(-dt/tau) (dt/tau)^k / k!
        private final int n;
        private final double tau, spikeScale;

        CascadeFilter(int size, double dt, double tau, int n, double scale) {
            this.n = n;
            this.tau = tau;
            this.x = new double[n + 1][size];
            this.coefficient = new double[n + 1];
            double c = Math.exp(-dt / tau);
            for (int k = 0; k <= n; k++) {
                coefficient[k] = c;
                c *= (dt / tau) / (k + 1);
            }
            this.spikeScale = scale / tau;
        }

        @Override
        public void advance(int from, int to) {
            for (int j = n; j >= 0; j--) {   // highest stage first: it reads the lower stages' old values
                double[] xj = x[j];
                for (int i = from; i < to; i++) {
                    double sum = 0;
                    for (int k = 0; k <= j; k++) sum += coefficient[k] * x[j - k][i];
                    xj[i] = sum;
                }
            }
        }

        @Override
        public void addSpike(int target, double weight, double sinceArrival) {
            double r = sinceArrival / tau;
            double c = weight * spikeScale * Math.exp(-r);
            for (int j = 0; j <= n; j++) {
                x[j][target] += c;
                c *= r / (j + 1);
            }
        }

        @Override
        public void set(int target, double value) {
            for (int j = 0; j < n; j++) x[j][target] = 0;
            x[n][target] = value;
        }

        @Override public double[] output() { return x[n]; }

        // the last stage from the present state on: x_n(t + s) = exp(-s/tau) sum_k x_(n-k) (s/tau)^k / k!,
        // so c_k = x_(n-k) / tau^k; a spike adds only to x_0, that is to c_n
        @Override public double[] modeTimeConstants() { return new double[] {tau}; }
        @Override public int[] modeDegrees() { return new int[] {n}; }
        @Override public double[] state(int group, int k) { return x[n - k]; }
        @Override public double multiplier(int group, int k) { return Math.pow(tau, -k); }
        @Override public double unitSpike(int group, int k) { return k == n ? spikeScale * Math.pow(tau, -n) : 0; }
    }
}
