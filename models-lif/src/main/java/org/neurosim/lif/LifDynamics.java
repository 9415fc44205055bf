package org.neurosim.lif;

import java.util.List;
import java.util.OptionalDouble;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.ExactlySolvable;
import org.neurosim.core.model.SpikeSink;
import org.neurosim.core.model.StateVariable;
import org.neurosim.core.units.Dimension;

/**
 * LIF equations over a population. Exact propagation for input held constant over a step: with
 * v_inf = v_rest + input, V(t + s) = v_inf + (V(t) - v_inf) exp(-s/tau_m); the threshold is reached after
 * s* = tau_m ln((v_inf - V) / (v_inf - v_th)) when v_inf &gt; v_th. Spike, reset and the end of refractoriness are
 * placed at these exact times, several per step if need be.
 */
final class LifDynamics implements ExactlySolvable {
    private final double tauM, tauRef, vRest, vTh, vReset;
    private final Dimension voltage;

    LifDynamics(double tauM, double tauRef, double vRest, double vTh, double vReset, Dimension voltage) {
        this.tauM = tauM;
        this.tauRef = tauRef;
        this.vRest = vRest;
        this.vTh = vTh;
        this.vReset = vReset;
        this.voltage = voltage;
    }

    @Override public List<StateVariable> stateVariables() { return List.of(new StateVariable("v", voltage)); }
    @Override public Dimension inputDimension() { return voltage; }
    @Override public void restingState(double[] values) { values[0] = vRest; }
    @Override public double spikeThreshold() { return vTh; }
    @Override public void onSpike(double[][] state, int i) { state[0][i] = vReset; }
    @Override public double refractoryPeriod() { return tauRef; }
    @Override public boolean clampDuringRefractory() { return true; }
    @Override public String preferredIntegrator() { return "exact"; }
    @Override public boolean boundedForFiniteInput() { return true; }

    @Override
    public void derivatives(double[][] s, Drive drive, double[][] ds, int from, int to) {
        double[] v = s[0], dv = ds[0], in = drive.current;
        double k = 1.0 / tauM;
        for (int i = from; i < to; i++) {
            dv[i] = (vRest - v[i] + in[i]) * k;
        }
    }

    @Override
    public void advanceExactly(double[][] s, Drive drive, double dt, double[] refractory, SpikeSink spikes,
                               int from, int to) {
        double[] v = s[0], in = drive.current;
        double decay = Math.exp(-dt / tauM);
        Scratch w = scratch(v.length);
        double[] before = w.before;
        int[] odd = w.odd;
        System.arraycopy(v, from, before, from, to - from);
        // 1. every neuron as if neither refractory nor spiking: no branch, so the JIT vectorises it
        for (int i = from; i < to; i++) {
            double vInf = vRest + in[i];
            v[i] = vInf + (v[i] - vInf) * decay;
        }
        // 2. list the neurons that are refractory or reached the threshold, without a branch per neuron (a few
        //    percent of them, scattered: a branch here would be mispredicted for each)
        int n = from;
        for (int i = from; i < to; i++) {
            odd[n] = i;
            n += (refractory[i] > 0) | (v[i] >= vTh) ? 1 : 0;
        }
        // 3. redo those from their start-of-step value: reset, refractoriness and spikes at their exact times
        for (int k = from; k < n; k++) {
            int i = odd[k];
            double r = refractory[i];
            if (r >= dt) {   // refractory for the whole step
                refractory[i] = r - dt;
                v[i] = vReset;
            } else {
                v[i] = before[i];
                advanceWithSpikes(v, vRest + in[i], dt, refractory, spikes, i);
            }
        }
    }

    /** Per-population work arrays of {@link #advanceExactly}; chunks on other threads use disjoint ranges. */
    private record Scratch(double[] before, int[] odd) { }

    private volatile Scratch scratch = new Scratch(new double[0], new int[0]);

    private Scratch scratch(int size) {
        Scratch w = scratch;
        if (w.before.length >= size) return w;
        synchronized (this) {
            if (scratch.before.length < size) scratch = new Scratch(new double[size], new int[size]);
            return scratch;
        }
    }

    private void advanceWithSpikes(double[] v, double vInf, double dt, double[] refractory, SpikeSink spikes, int i) {
        double t = 0;
        double vi = v[i];
        while (true) {
            if (refractory[i] > 0) {
                if (refractory[i] >= dt - t) {
                    refractory[i] -= dt - t;
                    v[i] = vReset;
                    return;
                }
                t += refractory[i];
                refractory[i] = 0;
                vi = vReset;
            }
            double crossing;
            if (vi >= vTh) {
                crossing = 0;
            } else if (vInf > vTh) {
                crossing = tauM * Math.log((vInf - vi) / (vInf - vTh));
            } else {
                crossing = Double.POSITIVE_INFINITY;
            }
            if (t + crossing > dt) {
                v[i] = vInf + (vi - vInf) * Math.exp(-(dt - t) / tauM);
                return;
            }
            t += crossing;
            spikes.spike(i, t);
            vi = vReset;
            refractory[i] = tauRef;
            if (tauRef <= 0 && !(vInf > vTh)) {
                v[i] = vInf + (vi - vInf) * Math.exp(-(dt - t) / tauM);
                return;
            }
        }
    }

    @Override
    public OptionalDouble analyticRate(double input) {
        double vInf = vRest + input;
        if (!(vInf > vTh)) return OptionalDouble.of(0);
        return OptionalDouble.of(1.0 / (tauRef + tauM * Math.log((vInf - vReset) / (vInf - vTh))));
    }
}
