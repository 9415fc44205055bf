package org.neurosim.network.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.neurosim.core.Seeds;
import org.neurosim.core.connect.Connections;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.synapse.Normalization;
import org.neurosim.core.synapse.SynapseContext;
import org.neurosim.core.synapse.SynapseDynamics;
import org.neurosim.core.units.Dimension;
import org.neurosim.network.config.Cfg;
import org.neurosim.core.param.Distribution;
import org.neurosim.network.engine.DenseProjection;
import org.neurosim.network.engine.NeuronPopulation;
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
     * One projection between loading stages: checked and parsed ({@link #prepare}, serial), wired ({@link ProjectionWiring#wire}: the
     * rule's connections, the weights and delays, from the projection's own random stream, so projections can be
     * wired concurrently with the same result), then finished ({@link #finish}, serial and in config order: the
     * filters it shares, the synapse model).
     */
    static final class Pending {
        final Cfg c;
        final Population source;
        final NeuronPopulation target;
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

        Pending(Cfg c, Population source, NeuronPopulation target, SplittableRandom random, LoadContext ctx) {
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
        ProjectionWiring.outOfBounds(c, "weight");
        ProjectionWiring.outOfBounds(c, "delay");
        List<Pending> out = new ArrayList<>();
        for (String toName : toNames) {
            Population to = pops.get(toName);
            if (to == null) {
                throw c.get("to").error("unknown population '" + toName + "'; known populations: "
                        + String.join(", ", pops.keySet()));
            }
            if (!(to instanceof NeuronPopulation target)) {
                throw c.get("to").error("population '" + to.name + "' is a spike source and takes no input");
            }
            SplittableRandom random = new SplittableRandom(Seeds.mix(ctx.seed, stream + ":" + target.name));
            out.add(new Pending(c, source, target, random, ctx));
        }
        return out;
    }

    /** The projection, with its shared filter and synapse model (serial, in config order). */
    static Projection finish(Pending p, Map<String, SynapseGroup> groups, LoadContext ctx) {
        if (p.dense != null) return p.dense;
        Cfg syn = p.c.get("synapse");
        Population source = p.source;
        NeuronPopulation target = p.target;
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
        if (!dynamics.isStatic() && p.instant && target.solver.onGrid()) {
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
    static SynapseGroup group(Cfg syn, SynapseLoader.Block sb, NeuronPopulation target, SplittableRandom random,
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
                                             NeuronPopulation target) {
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
}
