package org.neurosim.network.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.neurosim.core.Seeds;
import org.neurosim.core.units.Dimension;
import org.neurosim.network.Network;
import org.neurosim.network.config.Cfg;
import org.neurosim.network.engine.Projection;
import org.neurosim.network.engine.SparseProjection;

/**
 * One entry of {@code record.weights}: {@code {projection: INDEX, synapses: all | [[source, target], ...] | N,
 * every: Q}}. INDEX is the position in {@code projections}; a block with several targets records each. A list
 * names synapses by source and target neuron (every multapse between them); a number N samples N synapses
 * uniformly without replacement (from the seed). {@code every} defaults to a hundredth of the run.
 */
final class WeightProbes {
    private WeightProbes() { }

    static List<Network.WeightProbe> load(Cfg c, List<List<Projection>> blocks, double duration, LoadContext ctx) {
        c.allowOnly(Set.of("projection", "synapses", "every"));
        int block = (int) c.get("projection").required().integer(0, Math.max(0, blocks.size() - 1));
        if (blocks.isEmpty()) throw c.get("projection").error("the network has no projections");
        double every = c.has("every") ? c.get("every").quantity(Dimension.TIME) : duration / 100;
        if (!(every >= ctx.dt)) {
            throw c.get("every").error("expected an interval of at least one step (" + LoadContext.fmt(ctx.dt) + " s)");
        }
        long everySteps = Math.max(1, Math.round(every / ctx.dt));
        List<Network.WeightProbe> out = new ArrayList<>();
        int index = 0;   // the network's projections are the blocks' in order
        for (List<Projection> before : blocks.subList(0, block)) index += before.size();
        for (Projection p : blocks.get(block)) {
            if (!(p instanceof SparseProjection sp)) {
                throw c.get("projection").error("projections[" + block + "] is a rate projection (W y); its weights "
                        + "are fixed and not recorded");
            }
            out.add(new Network.WeightProbe(block, index++, synapses(c.get("synapses"), sp, ctx), everySteps));
        }
        return out;
    }

    private static int[] synapses(Cfg c, SparseProjection p, LoadContext ctx) {
        int n = (int) p.synapseCount();
        if (!c.present() || (!c.isList() && c.text().equals("all"))) return java.util.stream.IntStream.range(0, n).toArray();
        if (!c.isList()) {
            int k = (int) c.integer(1, n);
            // a partial Fisher-Yates shuffle: k distinct synapses, then in storage order
            int[] all = java.util.stream.IntStream.range(0, n).toArray();
            SplittableRandom r = new SplittableRandom(Seeds.mix(ctx.seed, "record.weights:" + p.label));
            for (int i = 0; i < k; i++) {
                int j = i + r.nextInt(n - i);
                int t = all[i];
                all[i] = all[j];
                all[j] = t;
            }
            int[] chosen = java.util.Arrays.copyOf(all, k);
            java.util.Arrays.sort(chosen);
            return chosen;
        }
        List<Integer> found = new ArrayList<>();
        int[] rowStart = p.rowStart(), targets = p.targets();
        for (Cfg pair : c.list()) {
            List<Cfg> st = pair.list();
            if (st.size() != 2) throw pair.error("expected [source, target]");
            long source = st.get(0).integer(0, p.source.size - 1), target = st.get(1).integer(0, p.target.size - 1);
            int before = found.size();
            for (int r = 0; r < rowStart.length - 1; r++) {
                if (p.rowSource(r) != source) continue;
                for (int s = rowStart[r]; s < rowStart[r + 1]; s++) if (targets[s] == target) found.add(s);
            }
            if (found.size() == before) {
                throw pair.error("no synapse from " + source + " to " + target + " in " + p.label);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }
}
