package org.neurosim.network.build;

import java.util.Set;
import java.util.SplittableRandom;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.Seeds;
import org.neurosim.core.connect.Connections;
import org.neurosim.core.param.Distribution;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Units;
import org.neurosim.network.config.Cfg;
import org.neurosim.network.engine.DenseProjection;

/**
 * The costly stage of loading a projection ({@link ProjectionLoader.Pending}): its connections by rule (or an
 * explicit matrix), weights and delays, from the projection's own random stream, so that projections can be wired
 * concurrently with the same result.
 */
final class ProjectionWiring {
    private ProjectionWiring() { }

    /** The costly part: connections by rule (or an explicit matrix), weights, delays. Safe to run concurrently. */
    static void wire(ProjectionLoader.Pending p, LoadContext ctx) {
        Cfg c = p.c;
        Cfg weightCfg = c.get("weight");
        Connections conn = ConnectLoader.connect(c, weightCfg, p.weightDim, p.source, p.target, p.random, ctx);
        p.conn = conn;
        if (conn.delays() != null && !p.spiking) {
            throw c.get("connect").error("a projection from a rate population takes a single delay, not one per synapse");
        }
        weights(p, conn, weightCfg, ctx);
        if (p.dense == null) delays(p, conn, ctx);   // a rate population's (dense) projection has its delay already
    }

    /** The weights: one for all (p.weight) or one per synapse (p.weights); from a rate population, p.dense. */
    private static void weights(ProjectionLoader.Pending p, Connections conn, Cfg weightCfg, LoadContext ctx) {
        Cfg c = p.c;
        SplittableRandom random = p.random;
        Dimension weightDim = p.weightDim;
        float[] weights = null;
        double weight = 0;
        if (conn.weights() != null) {
            // a list's weights come in SI; a matrix's entries multiply the projection's weight
            double unit = ConnectLoader.explicit(c.get("connect")) ? 1
                    : ConnectLoader.matrixUnit(c.get("connect"), weightCfg, weightDim);
            if (!p.spiking) {
                p.dense = new DenseProjection(p.label(), p.source, p.target, conn.toDense(p.target.size, null, 0, unit),
                        rateDelaySteps(c, ctx.dt));
                return;
            }
            weights = new float[conn.count()];
            for (int s = 0; s < weights.length; s++) weights[s] = (float) (conn.weights()[s] * unit);
        } else {
            Distribution dist = bounded(Distribution.parse(weightCfg.required().text(), weightDim, weightCfg.path),
                    c, "weight", weightDim);
            if (dist.isConstant()) {
                weight = dist.sample(random);
            } else {
                weights = new float[conn.count()];
                for (int s = 0; s < weights.length; s++) weights[s] = (float) dist.sample(random);
            }
            if (!p.spiking) {
                p.dense = new DenseProjection(p.label(), p.source, p.target,
                        conn.toDense(p.target.size, weights, weight, 1), rateDelaySteps(c, ctx.dt));
                return;
            }
        }
        p.weights = weights;
        p.weight = weight;
    }

    /** The delays: one for all (p.delaySteps and p.fraction), or rows by delay (p.rows). */
    private static void delays(ProjectionLoader.Pending p, Connections conn, LoadContext ctx) {
        Cfg c = p.c;
        SplittableRandom random = p.random;
        Cfg delayCfg = c.get("delay");
        if (conn.delays() != null) {   // one per synapse, given: whole steps, at least one (as drawn ones)
            givenDelays(p, conn, p.weights, ctx.dt, c.get("connect").path);
            return;
        }
        Distribution delayDist = delayCfg.present()
                ? bounded(Distribution.parse(delayCfg.text(), Dimension.TIME, delayCfg.path), c, "delay", Dimension.TIME)
                : new Distribution.Constant(0);
        if (delayDist.isConstant()) {
            double delay = delay(delayCfg, delayDist.sample(random));
            // whole steps and the rest, so a delay of whole steps keeps each spike's offset exactly
            if (delay / ctx.dt > 1_000_000) throw delayCfg.error("more than 10^6 steps of delay");
            p.delaySteps = (int) org.neurosim.core.StepTime.step(delay, ctx.dt);
            p.fraction = org.neurosim.core.StepTime.offset(delay, p.delaySteps, ctx.dt);
        } else {
            SplittableRandom delayRandom = new SplittableRandom(Seeds.mix(random.nextLong(), "delays"));
            p.rows = DelayRows.group(conn.rowStart(), conn.targets(), p.weights, delayDist, ctx.dt, delayRandom,
                    delayCfg.path);
        }
    }

    /**
     * Delays given per synapse (a list's): each rounds to whole steps, at least one (DelayRows), as drawn delays do.
     * All the same, the projection keeps that one delay; else its synapses are grouped into rows by delay.
     */
    private static void givenDelays(ProjectionLoader.Pending p, Connections conn, float[] weights, double dt, String key) {
        double[] d = conn.delays();
        long first = -1;
        boolean same = true;
        for (double x : d) {
            long s = DelayRows.steps(x, dt);
            if (s > DelayRows.MAX_STEPS) {
                throw new InvalidInputException(key + ": a delay of " + LoadContext.fmt(x) + " s is more than "
                        + DelayRows.MAX_STEPS + " steps of dt = " + LoadContext.fmt(dt) + " s");
            }
            if (first < 0) first = s;
            else if (s != first) same = false;
        }
        if (same) {
            p.delaySteps = d.length == 0 ? 1 : (int) first;
            p.fraction = 0;
        } else {
            p.rows = DelayRows.group(conn.rowStart(), conn.targets(), weights, s -> d[s], dt, key);
        }
    }

    /**
     * A weight's or delay's distribution within its bounds ({@code weight_min}...): clipped to them, or, with
     * {@code out_of_bounds: redraw}, drawn again until inside.
     */
    private static Distribution bounded(Distribution d, Cfg c, String what, Dimension dim) {
        double min = bound(c, what + "_min", dim), max = bound(c, what + "_max", dim);
        return outOfBounds(c, what) ? d.redrawn(min, max, c.get(what).path) : d.clipped(min, max);
    }

    /**
     * {@code out_of_bounds}: {@code clip} (the default) or {@code redraw}, for weights and delays alike, or a mapping
     * {@code {weight: redraw, delay: clip}}. True for redraw.
     */
    static boolean outOfBounds(Cfg c, String what) {
        Cfg o = c.get("out_of_bounds");
        if (!o.present()) return false;
        if (o.isMap()) {
            o.allowOnly(Set.of("weight", "delay"));
            o = o.get(what);
            if (!o.present()) return false;
        }
        String v = o.text();
        if (v.equals("redraw")) return true;
        if (v.equals("clip")) return false;
        throw o.error("expected clip or redraw (or {weight: ..., delay: ...}), got '" + v + "'");
    }

    /**
     * The delay of a projection from a rate population in whole steps d = delay / dt (0 without {@code delay}): the
     * target then reads the source's rates of d steps ago (NEST's rate models with delay). One value for the whole
     * projection, >= 0, at most 1000 s and 10^6 steps, and a whole number of steps to 1e-9 (0.3 ms / 0.1 ms is 3).
     */
    static int rateDelaySteps(Cfg c, double dt) {
        for (String bound : new String[] {"delay_min", "delay_max"}) {
            if (c.has(bound)) {
                throw c.get(bound).error("a projection from a rate population takes a single delay, not a drawn one");
            }
        }
        Cfg delayCfg = c.get("delay");
        if (!delayCfg.present()) return 0;
        String expected = "expected a single delay >= 0 that is a whole number of steps (dt = "
                + Math.round(dt * 1e9) / 1e6 + " ms)";
        double delay;
        try {
            delay = Units.parse(delayCfg.text(), Dimension.TIME, delayCfg.path);
        } catch (InvalidInputException e) {
            throw delayCfg.error(expected + ", got '" + delayCfg.text() + "'");
        }
        double steps = delay / dt;
        long whole = Math.round(steps);
        if (!(delay >= 0) || Math.abs(steps - whole) > 1e-9 * Math.max(1, steps)) {
            throw delayCfg.error(expected + ", got '" + delayCfg.text() + "'");
        }
        if (delay > 1e3 || whole > 1_000_000) {
            throw delayCfg.error("expected a delay of at most 1000 s and 10^6 steps, got '" + delayCfg.text() + "'");
        }
        return (int) whole;
    }

    /**
     * A single delay in seconds: spikes arrive at exactly t + delay (no rounding to the grid). Below one step an
     * arrival can fall inside the step that emitted it; see SparseProjection for how such "late" arrivals are taken.
     * (A delay drawn per synapse rounds to whole steps instead; see DelayRows.)
     */
    private static double delay(Cfg delayCfg, double delay) {
        if (delay < 0) throw delayCfg.error("expected a delay >= 0, got '" + delayCfg.text() + "'");
        if (delay > 1e3) throw delayCfg.error("expected a delay of at most 1000 s, got '" + delayCfg.text() + "'");
        return delay;
    }

    /** {@code weight_min} and the like: a quantity, or NaN when absent. */
    private static double bound(Cfg c, String key, Dimension d) {
        return c.has(key) ? c.get(key).quantity(d) : Double.NaN;
    }
}
