package org.neurosim.network;

import java.util.List;
import org.neurosim.core.units.Dimension;

/**
 * A population of a {@link Network}, read-only: what it is (a model's neurons or a spike source), its state
 * variables and their current values (copies), its spike count. Given by {@link Network#populations()}; it reads
 * the network as it is now, so after a run it shows that run's end.
 */
public interface PopulationView {
    String name();

    /** The model's name ({@code lif}, {@code poisson}...). */
    String model();

    /** Its place in {@link Network#populations()} (config order). */
    int index();

    int size();

    /** True for a spike source (no equations, only the spikes it emits); false for a population of neurons. */
    boolean isSource();

    /** True for populations that emit spikes (a model with a threshold, a source); false for rate neurons. */
    boolean spiking();

    /** The integrator that steps it; {@code none} for a source. */
    String integrator();

    /**
     * How the engine steps it (summary.json's {@code stepping}): {@code held} (input held over each step),
     * {@code events} (synapses integrated in closed form) or {@code grid} (exact-grid), as set by the last run, or
     * the run under way ({@code held} before any); {@code none} for a source.
     */
    String stepping();

    /** Its state variables, in the model's order (none for a source). */
    List<String> variables();

    /** The physical dimension of a state variable; an IllegalArgumentException names an unknown one. */
    Dimension dimensionOf(String variable);

    /**
     * The dimension of the model's input (a current, a current density, a voltage...): what its synaptic current
     * {@code i_syn} is, and its conductances {@code g_k} times a voltage; dimensionless for a source, which takes none.
     */
    Dimension inputDimension();

    /** A state variable's values over the neurons now, in SI units (a copy). */
    double[] values(String variable);

    /** Its spikes over every run of the network so far. */
    long totalSpikes();
}
