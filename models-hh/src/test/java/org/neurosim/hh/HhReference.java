package org.neurosim.hh;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.events.EventHandler;
import org.apache.commons.math3.ode.nonstiff.GraggBulirschStoerIntegrator;

/**
 * An independent Hodgkin-Huxley solution for cross-checking: the 1952 equations written out again here in mV, ms
 * and uA/cm^2 straight from ../shared/science.md (no code shared with the plugin), integrated by Commons Math's
 * Gragg-Bulirsch-Stoer extrapolation method, spikes located as upward zero crossings of V.
 */
final class HhReference implements FirstOrderDifferentialEquations {
    final double current;

    HhReference(double currentUaPerCm2) {
        this.current = currentUaPerCm2;
    }

    static double an(double v) {
        return Math.abs(v + 55) < 1e-7 ? 0.1 : 0.01 * (v + 55) / (1 - Math.exp(-(v + 55) / 10));
    }
    static double bn(double v) { return 0.125 * Math.exp(-(v + 65) / 80); }
    static double am(double v) {
        return Math.abs(v + 40) < 1e-7 ? 1.0 : 0.1 * (v + 40) / (1 - Math.exp(-(v + 40) / 10));
    }
    static double bm(double v) { return 4 * Math.exp(-(v + 65) / 18); }
    static double ah(double v) { return 0.07 * Math.exp(-(v + 65) / 20); }
    static double bh(double v) { return 1 / (1 + Math.exp(-(v + 35) / 10)); }

    @Override public int getDimension() { return 4; }

    @Override
    public void computeDerivatives(double t, double[] y, double[] yDot) {
        double v = y[0], n = y[1], m = y[2], h = y[3];
        yDot[0] = current - 0.3 * (v + 54.387) - 120 * m * m * m * h * (v - 50) - 36 * n * n * n * n * (v + 77);
        yDot[1] = an(v) * (1 - n) - bn(v) * n;
        yDot[2] = am(v) * (1 - m) - bm(v) * m;
        yDot[3] = ah(v) * (1 - h) - bh(v) * h;
    }

    /** Spike times (ms) over [0, durationMs] from the given initial state (V in mV). */
    double[] spikeTimes(double[] y0, double durationMs) {
        java.util.List<Double> times = new java.util.ArrayList<>();
        GraggBulirschStoerIntegrator ode = new GraggBulirschStoerIntegrator(1e-9, 0.05, 1e-12, 1e-12);
        ode.addEventHandler(new EventHandler() {
            @Override public void init(double t0, double[] y, double t) { }
            @Override public double g(double t, double[] y) { return y[0]; }
            @Override public Action eventOccurred(double t, double[] y, boolean increasing) {
                if (increasing) times.add(t);
                return Action.CONTINUE;
            }
            @Override public void resetState(double t, double[] y) { }
        }, 0.01, 1e-10, 1000);
        double[] y = y0.clone();
        ode.integrate(this, 0, y, durationMs, y);
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
