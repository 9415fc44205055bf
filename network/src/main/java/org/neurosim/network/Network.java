package org.neurosim.network;

import java.util.List;

/**
 * A network ready to simulate: populations (structure-of-arrays state), projections, synapse groups and what to
 * record. Built from a YAML config by {@link NetworkLoader} or in Java by {@link #builder()}, which produces the
 * same config tree and so the same network.
 */
public final class Network {
    final String name;
    final double dt;
    final double duration;
    final long seed;
    final long steps;
    final int threads;
    final List<Population> populations;
    final List<Projection> projections;
    final List<SynapseGroup> groups;
    final RecordSpec record;
    final List<String> warnings;

    Network(String name, double dt, double duration, long seed, int threads, List<Population> populations,
            List<Projection> projections, List<SynapseGroup> groups, RecordSpec record, List<String> warnings) {
        this.name = name;
        this.dt = dt;
        this.duration = duration;
        this.seed = seed;
        this.steps = Math.round(duration / dt);
        this.threads = threads;
        this.populations = populations;
        this.projections = projections;
        this.groups = groups;
        this.record = record;
        this.warnings = warnings;
    }

    public static NetworkBuilder builder() {
        return new NetworkBuilder();
    }

    public String name() { return name; }
    public double dt() { return dt; }
    public double duration() { return duration; }
    public long seed() { return seed; }
    public long steps() { return steps; }
    public int threads() { return threads; }
    public List<Population> populations() { return populations; }
    public List<String> warnings() { return warnings; }

    public Population population(String name) {
        return populations.stream().filter(p -> p.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no population " + name));
    }

    /** Total number of synapses over all projections. */
    public long synapseCount() {
        return projections.stream().mapToLong(Projection::synapseCount).sum();
    }

    public long neuronCount() {
        return populations.stream().mapToLong(p -> p.size).sum();
    }

    /** What a run records. */
    public record RecordSpec(List<String> spikes, List<StateProbe> state, double rateBin, List<String> ratePopulations) { }

    /** A recorded state trace set: variables of chosen neurons of one population. */
    public record StateProbe(String population, List<String> variables, int[] neurons) { }
}
