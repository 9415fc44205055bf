package org.neurosim.network.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.model.ExactWithSynapses;
import org.neurosim.core.synapse.ModalFilter;

/**
 * A population on the grid (integrator exact-grid) and what reaches it: per input filter a ring of the weights on
 * their way, summed per neuron and per arrival step when their spikes are emitted (NEST's ring buffers), and one of
 * delta synapses' jumps; each step the model takes one slot of each ({@link #arrived}, {@link #jumpsNow}). The rings
 * live in the filters ({@link SynapseGroup#ring}) and the population ({@link NeuronPopulation#jumpRing}), which
 * checkpoint them.
 */
final class GridTarget {
    final NeuronPopulation population;
    /**
     * The static projections that fill the rings when spikes are emitted, in projection order (the order of every
     * neuron's sums); plastic ones put what their arrivals transmit into the rings as they arrive
     * ({@link PlasticGridDelivery}).
     */
    final GridDelivery[] onto;
    /** The filters onto the population that the model does not keep, which the network advances after it. */
    final SynapseGroup[] advancing;
    final long synapses;
    private final double[][][] rings;   // per input, or null for an input no projection fills
    private final double[][] jumpRing;  // or null
    /** This step's slot of each input's ring (null: none), taken at the step's start. */
    final double[][] arrived;
    /** This step's slot of the jump ring (null: none), taken at the step's end. */
    double[] jumpsNow;

    /**
     * True when every filter onto p is a current whose output has modes ({@link ModalFilter}), which the
     * grid-constrained step propagates with the membrane; otherwise the engine holds p's input over each step.
     */
    static boolean takes(NeuronPopulation p, List<SynapseGroup> groups) {
        for (SynapseGroup g : groups) {
            if (g.target == p && (g.conductance || !(g.filter instanceof ModalFilter))) return false;
        }
        return true;
    }

    /** Wires p's inputs ({@link #takes} them); plastic delta synapses are refused, naming the projection. */
    GridTarget(NeuronPopulation p, List<SynapseGroup> groups, List<SparseProjection> onto) {
        population = p;
        List<SynapseGroup> inputs = new ArrayList<>();
        for (SynapseGroup g : groups) if (g.target == p) inputs.add(g);
        advancing = Engine.bindInputs((ExactWithSynapses) p.dynamics, inputs);
        int[] reach = new int[inputs.size()];
        // Poisson jumps go into the slot taken at their own step's end: a ring of two steps at least
        int jumpReach = Arrays.stream(p.poissonInputs).anyMatch(in -> in.group == null) ? 2 : 0;
        long count = 0;
        List<GridDelivery> buffered = new ArrayList<>();
        for (SparseProjection pr : onto) {
            int input = pr.group == null ? -1 : inputs.indexOf(pr.group);
            if (!pr.isStatic()) {   // scheduled on one thread, its arrivals into the ring one step ahead
                if (pr.group == null) {   // the loader refuses these first; a network made in code reaches this
                    throw new InvalidInputException("projection " + pr.label + ": integrator exact-grid of population "
                            + p.name + " takes plastic synapses through a kernel only (use integrator exact)");
                }
                reach[input] = Math.max(reach[input], 2);
                continue;
            }
            GridDelivery d = new GridDelivery(pr, input);
            pr.deliverBy(d);
            buffered.add(d);
            count += pr.synapseCount();
            if (pr.group == null) {
                jumpReach = Math.max(jumpReach, pr.gridReach());
            } else {
                reach[input] = Math.max(reach[input], pr.gridReach());
            }
        }
        this.onto = buffered.toArray(GridDelivery[]::new);
        this.synapses = count;
        rings = new double[inputs.size()][][];
        for (int k = 0; k < inputs.size(); k++) if (reach[k] > 0) rings[k] = inputs.get(k).ring(reach[k]);
        for (SparseProjection pr : onto) {
            if (!pr.isStatic()) pr.deliverBy(new PlasticGridDelivery(pr, rings[inputs.indexOf(pr.group)]));
        }
        jumpRing = jumpReach > 0 ? p.jumpRing(jumpReach) : null;
        arrived = new double[inputs.size()][];
    }

    /** Step n's slots: the inputs' at its start (slot n), the jumps' at its end (slot n + 1). */
    void turn(long n) {
        for (int k = 0; k < rings.length; k++) arrived[k] = rings[k] == null ? null : rings[k][(int) (n % rings[k].length)];
        jumpsNow = jumpRing == null ? null : jumpRing[(int) ((n + 1) % jumpRing.length)];
    }

    /** At the end of step n: the step's spikes into chunk c of {@code chunks} of every ring. */
    void deliver(long n, double dt, int c, int chunks) {
        for (GridDelivery d : onto) d.deliver(n, dt, d.input < 0 ? jumpRing : rings[d.input], c);
    }

    /** A unit of ring filling: chunk {@code chunk} of {@code chunks} of a target's population. */
    record Unit(GridTarget target, int chunk, int chunks) {
        long synapses() {
            return target.synapses / chunks;
        }
    }

    /**
     * The units in which the rings are filled, largest first: whole populations where that balances the workers
     * (within 10% of an even share, by the synapses onto each, assigned largest first), since a whole population
     * reads each source's synapses onto it in one sequential run; else every population in as many chunks as
     * threads. Sets each projection's chunks.
     */
    static Unit[] units(List<GridTarget> targets, Parallel parallel) {
        List<GridTarget> sorted = new ArrayList<>(targets);
        sorted.removeIf(t -> t.onto.length == 0);
        sorted.sort((a, b) -> Long.compare(b.synapses, a.synapses));
        long total = 0;
        long[] load = new long[parallel.threads];
        for (GridTarget t : sorted) {
            int least = 0;
            for (int w = 1; w < load.length; w++) if (load[w] < load[least]) least = w;
            load[least] += t.synapses;
            total += t.synapses;
        }
        boolean whole = Arrays.stream(load).max().orElse(0) <= 1.1 * total / parallel.threads;
        List<Unit> units = new ArrayList<>();
        for (GridTarget t : sorted) {
            int chunks = whole ? 1 : parallel.chunks(t.population.size);
            for (GridDelivery d : t.onto) d.pr.chunkTargets(chunks);
            for (int c = 0; c < chunks; c++) units.add(new Unit(t, c, chunks));
        }
        units.sort((a, b) -> Long.compare(b.synapses(), a.synapses()));   // stable: ties keep their order
        return units.toArray(Unit[]::new);
    }
}
