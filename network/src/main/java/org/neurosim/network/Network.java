package org.neurosim.network;

import java.util.List;
import org.neurosim.core.output.OutputFormat;
import org.neurosim.core.param.Parameters;
import org.neurosim.network.engine.Population;
import org.neurosim.network.engine.Projection;
import org.neurosim.network.engine.SourcePopulation;
import org.neurosim.network.engine.SynapseGroup;

/**
 * A network ready to simulate: populations (structure-of-arrays state), projections, synapse groups and what to
 * record. Built from a YAML config by {@link org.neurosim.network.build.NetworkLoader} or in Java by
 * {@link #builder()}, which produces the same config tree and so the same network. Its populations and projections
 * are seen through read-only views ({@link PopulationView}, {@link ProjectionView}); the engine objects behind them
 * are the network module's own.
 */
public final class Network {
    private final String name;
    private final double dt;
    private final double duration;
    private final long seed;
    private final long steps;
    /** Set while a {@link Simulation} advances this network (one at a time). */
    final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();
    private final int threads;
    private final List<Population> populations;
    private final List<Projection> projections;
    private final List<SynapseGroup> groups;
    private final List<PopulationView> populationViews;
    private final List<ProjectionView> projectionViews;
    private final RecordSpec record;
    private final List<String> warnings;
    private final List<java.nio.file.Path> inputFiles;

    /** {@code inputFiles}: the files the config named and the build read (absolute), for checkpoints and --out. */
    public Network(String name, double dt, double duration, long seed, int threads, List<Population> populations,
                   List<Projection> projections, List<SynapseGroup> groups, RecordSpec record, List<String> warnings,
                   List<java.nio.file.Path> inputFiles) {
        this.name = name;
        this.dt = dt;
        this.duration = duration;
        this.seed = seed;
        this.steps = org.neurosim.core.StepTime.wholeSteps(duration, dt);
        if (steps < 0) {
            throw new org.neurosim.core.InvalidInputException("duration: " + duration + " s is not a whole number of "
                    + "steps of dt = " + dt + " s");
        }
        this.threads = threads;
        this.populations = List.copyOf(populations);
        this.projections = List.copyOf(projections);
        this.groups = List.copyOf(groups);
        this.populationViews = this.populations.stream().map(Views::of).toList();
        this.projectionViews = this.projections.stream().map(p -> Views.of(p, dt)).toList();
        this.record = record;
        this.warnings = List.copyOf(warnings);
        this.inputFiles = List.copyOf(inputFiles);
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
    /** The populations in config order (read-only views). */
    public List<PopulationView> populations() { return populationViews; }
    /** The projections: per entry of the config's {@code projections}, one per target (read-only views). */
    public List<ProjectionView> projections() { return projectionViews; }
    // the engine objects, for the simulation and the tests of this package
    List<Population> enginePopulations() { return populations; }
    List<Projection> engineProjections() { return projections; }
    List<SynapseGroup> engineGroups() { return groups; }
    public RecordSpec record() { return record; }
    /** The files besides the config that the network was built from (weights CSVs, spike-time files...). */
    public List<java.nio.file.Path> inputFiles() { return inputFiles; }

    // time goes on from run to run: a second run continues the first (its spikes in flight; random streams are per step)
    private long clock;

    /** Steps simulated by earlier runs of this network: the next run starts at t = clock() dt. */
    public long clock() { return clock; }

    void advance(long steps) { clock += steps; }

    /**
     * The network's state for a checkpoint, taken between steps with nothing staged: the clock, every population
     * (state, refractory counters, spike counts), every synaptic filter, every projection's spikes in flight and
     * synapse-model state, and every rate projection's delay line. Connectivity and constant parameters are rebuilt from the config and its seed.
     */
    void save(org.neurosim.core.checkpoint.StateWriter out, long clock) {
        out.section("network").writeLong(clock);
        for (Population p : populations) p.save(out);
        for (SynapseGroup g : groups) g.save(out);
        for (Projection pr : projections) {
            if (pr instanceof org.neurosim.network.engine.SparseProjection s) s.save(out);
            if (pr instanceof org.neurosim.network.engine.DenseProjection d) d.save(out);
        }
    }

    /**
     * Takes over the state of {@code earlier}, a network built from a config of the same structure (the same
     * populations and sizes, the same projections and synapse models) with some values changed: membranes, synaptic
     * filters, spikes in flight, plastic synapses' state, sources' state and the clock, exactly as a checkpoint
     * carries them, while parameters, inputs, spike times, static weights and what is recorded are this network's.
     * So a run continues from earlier's step with the new values (PyNN's set() between two run()s, as NEST applies
     * it). A difference of structure is refused with a {@link org.neurosim.core.checkpoint.CheckpointException}
     * naming the first one.
     */
    public void continueFrom(Network earlier) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        org.neurosim.core.checkpoint.StateWriter out = new org.neurosim.core.checkpoint.StateWriter(bytes);
        earlier.save(out, earlier.clock());
        out.finish();
        try (org.neurosim.core.checkpoint.StateReader in = org.neurosim.core.checkpoint.StateReader.of(
                bytes.toByteArray(), "the network before the change")) {
            restore(in);
        }
    }

    void restore(org.neurosim.core.checkpoint.StateReader in) {
        in.section("network");
        long at = in.readLong();
        for (Population p : populations) p.restore(in);
        for (SynapseGroup g : groups) g.restore(in);
        for (Projection pr : projections) {
            if (pr instanceof org.neurosim.network.engine.SparseProjection s) s.restore(in, at);
            if (pr instanceof org.neurosim.network.engine.DenseProjection d) d.restore(in);
        }
        clock = at;
    }

    /** Each spike source's stream seed (per population index; 0 for neuron models): see {@link Seeds#stepStream}. */
    long[] sourceSeeds() {
        long[] seeds = new long[populations.size()];
        for (Population p : populations) {
            if (p instanceof SourcePopulation) seeds[p.index] = org.neurosim.core.Seeds.mix(seed, "source:" + p.name);
        }
        return seeds;
    }

    public List<String> warnings() { return warnings; }

    /** The population named {@code name} (a read-only view); an IllegalArgumentException when there is none. */
    public PopulationView population(String name) {
        return populationViews.get(populations.indexOf(enginePopulation(name)));
    }

    Population enginePopulation(String name) {
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

    /** What a run records, and in which formats. */
    public record RecordSpec(List<String> spikes, List<StateProbe> state, double rateBin, List<String> ratePopulations,
                             List<Output> formats, List<WeightProbe> weights, double analysisStart, Memory memory) { }

    /**
     * What a run keeps in memory for its plots and for {@code Result.recorder()} (config {@code record.memory}): the
     * first {@code spikes} spikes (200,000 by default), and at most {@code traceRows} rows (20,000: 2 s at 0.1 ms whole) of traces, evenly spaced. The output files and
     * any {@link org.neurosim.core.output.RunOutput} given to {@code Simulation.listen} get every spike and sample.
     */
    public record Memory(int spikes, int traceRows) {
        public static final Memory DEFAULT = new Memory(200_000, 20_000);
    }

    /**
     * Recorded weights: synapses (storage indices) of one projection of block {@code projections[block]} (the
     * network's {@code projections().get(projection)}), sampled every {@code everySteps} steps from t = 0 and once
     * more at the end of the run.
     */
    public record WeightProbe(int block, int projection, int[] synapses, long everySteps) { }

    /** A recorded state trace set: variables of chosen neurons of one population. */
    public record StateProbe(String population, List<String> variables, int[] neurons) { }

    /** One output format with its parameters. */
    public record Output(String key, OutputFormat format, Parameters parameters) { }
}
