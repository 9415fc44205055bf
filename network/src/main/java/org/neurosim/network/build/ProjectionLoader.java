package org.neurosim.network.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.Seeds;
import org.neurosim.core.connect.Connections;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.synapse.Normalization;
import org.neurosim.core.synapse.SynapseContext;
import org.neurosim.core.synapse.SynapseDynamics;
import org.neurosim.core.units.Dimension;
import org.neurosim.core.units.Units;
import org.neurosim.network.config.Cfg;
import org.neurosim.core.param.Distribution;
import org.neurosim.network.engine.DenseProjection;
import org.neurosim.network.engine.Population;
import org.neurosim.network.engine.Projection;
import org.neurosim.network.engine.SparseProjection;
import org.neurosim.network.engine.SynapseGroup;

/**
 * A {@code projections[k]} block, one projection per target population: connections by rule (or an explicit
 * matrix), weights, delay, the synapse block and the synapse model. A projection from a rate population becomes a
 * dense W; from a spiking one, CSR rows with a synaptic filter shared per target, kernel and reversal.
 */
final class ProjectionLoader {
    static final Set<String> KEYS = Set.of("from", "to", "connect", "weight", "delay", "synapse", "autapses",
            "weight_min", "weight_max", "delay_min", "delay_max", "out_of_bounds", "seed");

    private ProjectionLoader() { }

    /**
     * One projection between loading stages: checked and parsed ({@link #prepare}, serial), wired ({@link #wire}: the
     * rule's connections, the weights and delays, from the projection's own random stream, so projections can be
     * wired concurrently with the same result), then finished ({@link #finish}, serial and in config order: the
     * filters it shares, the synapse model).
     */
    static final class Pending {
        final Cfg c;
        final Population source, target;
        final SplittableRandom random;
        final SynapseLoader.Block sb;
        final Dimension weightDim;
        final boolean spiking, instant;
        // set by wire
        Connections conn;
        float[] weights;
        double weight;
        DenseProjection dense;
        DelayRows rows;
        int delaySteps;
        double fraction;

        Pending(Cfg c, Population source, Population target, SplittableRandom random, LoadContext ctx) {
            this.c = c;
            this.source = source;
            this.target = target;
            this.random = random;
            this.spiking = source.spiking();
            this.sb = SynapseLoader.load(c.get("synapse"), source, target, ctx);
            this.instant = spiking && (sb == null || sb.instant());
            this.weightDim = weightDimension(c, spiking, instant, sb, target);
        }

        String label() {
            return source.name + "->" + target.name;
        }
    }

    /** Checks a {@code projections[index]} block and parses what is cheap: one pending projection per target. */
    static List<Pending> prepare(Cfg c, int index, Map<String, Population> pops, LoadContext ctx) {
        c.allowOnly(KEYS);
        String fromName = c.get("from").required().text();
        Population source = pops.get(fromName);
        if (source == null) {
            throw c.get("from").error("unknown population '" + fromName + "'; known populations: "
                    + String.join(", ", pops.keySet()));
        }
        List<String> toNames = c.get("to").required().names();
        // the projection's random stream: by its place in the list, or by its own seed (then inserting projections
        // before it leaves its connections, weights and delays as they were)
        String stream = c.has("seed") ? "connect-seed:" + c.get("seed").integer(Long.MIN_VALUE, Long.MAX_VALUE)
                : "connect:" + index;
        outOfBounds(c, "weight");
        outOfBounds(c, "delay");
        List<Pending> out = new ArrayList<>();
        for (String toName : toNames) {
            Population target = pops.get(toName);
            if (target == null) {
                throw c.get("to").error("unknown population '" + toName + "'; known populations: "
                        + String.join(", ", pops.keySet()));
            }
            if (target.source != null) {
                throw c.get("to").error("population '" + target.name + "' is a spike source and takes no input");
            }
            SplittableRandom random = new SplittableRandom(Seeds.mix(ctx.seed, stream + ":" + target.name));
            out.add(new Pending(c, source, target, random, ctx));
        }
        return out;
    }

    /** The costly part: connections by rule (or an explicit matrix), weights, delays. Safe to run concurrently. */
    static void wire(Pending p, LoadContext ctx) {
        Cfg c = p.c;
        SplittableRandom random = p.random;
        Dimension weightDim = p.weightDim;
        Cfg weightCfg = c.get("weight");
        Connections conn = ConnectLoader.connect(c, weightCfg, weightDim, p.source, p.target, random, ctx);
        p.conn = conn;
        float[] weights = null;
        double weight = 0;
        if (conn.delays() != null && !p.spiking) {
            throw c.get("connect").error("a projection from a rate population takes a single delay, not one per synapse");
        }
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
        Cfg delayCfg = c.get("delay");
        if (conn.delays() != null) {   // one per synapse, given: whole steps, at least one (as drawn ones)
            givenDelays(p, conn, weights, ctx.dt, c.get("connect").path);
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
            p.rows = DelayRows.group(conn.rowStart(), conn.targets(), weights, delayDist, ctx.dt, delayRandom,
                    delayCfg.path);
        }
    }

    /**
     * Delays given per synapse (a list's): each rounds to whole steps, at least one (DelayRows), as drawn delays do.
     * All the same, the projection keeps that one delay; else its synapses are grouped into rows by delay.
     */
    private static void givenDelays(Pending p, Connections conn, float[] weights, double dt, String key) {
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

    /** The projection, with its shared filter and synapse model (serial, in config order). */
    static Projection finish(Pending p, Map<String, SynapseGroup> groups, LoadContext ctx) {
        if (p.dense != null) return p.dense;
        Cfg syn = p.c.get("synapse");
        Population source = p.source, target = p.target;
        SynapseGroup group = p.instant ? null : group(syn, p.sb, target, p.random, groups, ctx);
        if (p.instant && syn.get("init").present()) throw syn.get("init").error("a delta synapse has no state to initialise");
        SynapseLoader.Model model = SynapseLoader.model(syn, ctx);
        float[] weights = p.weights;
        Connections conn = p.conn;
        DelayRows rows = p.rows;
        if (model.rule().weightPerSynapse() && weights == null) {
            weights = new float[conn.count()];
            java.util.Arrays.fill(weights, (float) p.weight);
        }
        int[] rowStart = rows == null ? conn.rowStart() : rows.rowStart;
        int[] sourceRows = rows == null ? null : rows.sourceRows;
        SynapseDynamics dynamics = model.rule().create(new SynapseContext(model.key(), ctx.dt, source.size, target.size,
                rowStart, sourceRows, conn.targets(), weights, p.weight, p.weightDim, Seeds.mix(ctx.seed, "synapse:"
                + model.key() + ":" + target.name)), model.parameters());
        if (!dynamics.isStatic() && p.instant && target.solver != null && target.solver.onGrid()) {
            throw syn.get("plasticity").error("integrator exact-grid of population '" + target.name + "' takes plastic "
                    + "synapses through a kernel (its jumps are summed when spikes are emitted, before a rule could "
                    + "change them); give the synapse a kernel or use integrator exact");
        }
        SparseProjection.Rows delays = rows == null ? null
                : new SparseProjection.Rows(rows.rowDelay, rows.sourceRows, rows.maxDelay);
        SparseProjection sp = new SparseProjection(p.label(), source, target, rowStart, conn.targets(), weights,
                p.weight, dynamics, p.delaySteps, p.fraction, delays, group, p.weightDim);
        if (model.dendritic()) {
            Cfg d = syn.get("plasticity").get("delays");
            if (!dynamics.learns()) throw d.error("only a rule that learns from spike timing has a delay convention");
            if (rows != null) {
                throw d.error("dendritic timing needs one delay for the projection (the rule would hear each "
                        + "postsynaptic spike at every synapse's own delay); give 'delay' one value");
            }
            sp.timeDendritically();
        }
        return sp;
    }

    /** The filter onto the target that this projection feeds (shared per kernel and reversal), initialised. */
    static SynapseGroup group(Cfg syn, SynapseLoader.Block sb, Population target, SplittableRandom random,
                                      Map<String, SynapseGroup> groups, LoadContext ctx) {
        SynapseGroup group = groups.computeIfAbsent(sb.groupKey(), x -> new SynapseGroup(target,
                sb.kernel().newFilter(target.size, ctx.dt, sb.norm().scale(sb.kernel())), sb.conductance(),
                sb.reversal()));
        Cfg init = syn.get("init");
        if (init.present()) {
            NeuronDynamics td = target.dynamics;
            Dimension outDim = sb.conductance() ? td.inputDimension().divide(Dimension.VOLTAGE) : td.inputDimension();
            Distribution d = Distribution.parse(init.text(), outDim, init.path);
            SplittableRandom r = new SplittableRandom(Seeds.mix(random.nextLong(), "synapse-init"));
            for (int i = 0; i < target.size; i++) group.filter.set(i, d.sample(r));
        }
        return group;
    }

    /** What a weight is: a jump of the membrane, an input (x time with area normalisation), or a conductance. */
    static Dimension weightDimension(Cfg c, boolean spiking, boolean instant, SynapseLoader.Block sb,
                                             Population target) {
        NeuronDynamics td = target.dynamics;
        if (!spiking) return td.inputDimension();   // W y with dimensionless y
        if (instant) {
            if (!td.spikeRule().spikes()) {
                throw c.error("spikes reach the rate population '" + target.name
                        + "' only through a synapse kernel; add a synapse block");
            }
            return td.stateVariables().get(td.spikeRule().membrane()).dimension();
        }
        Dimension base = sb.conductance() ? td.inputDimension().divide(Dimension.VOLTAGE) : td.inputDimension();
        return sb.norm() == Normalization.AREA ? base.times(Dimension.TIME) : base;
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
