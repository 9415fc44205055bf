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
        for (int i = from; i < to; i++) {
            double vInf = vRest + in[i];
            double next = vInf + (v[i] - vInf) * decay;
            double r = refractory[i];
            // one well-predicted branch: neither refractory nor crossing is the common case
            if ((r > 0) | (next >= vTh)) {
                if (r >= dt) {   // refractory for the whole step
                    refractory[i] = r - dt;
                    v[i] = vReset;
                } else {
                    advanceWithSpikes(v, vInf, dt, refractory, spikes, i);
                }
                continue;
            }
            v[i] = next;
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
