package org.neurosim.core.model;

import java.util.SplittableRandom;
import org.neurosim.core.Seeds;

/**
 * What a neuron model or spike source is told once per run, before its first step (NEST's pre_run_hook, GeNN's
 * derived parameters): the key path for messages, the population's name and size, the time step, and the run's
 * seed, from which {@link #random} derives the population's own streams. Everything that depends only on these
 * (exp(-dt/tau), work arrays of the population's size) is computed in {@code create}, not per step.
 */
public record PopulationContext(String key, String population, int size, double dt, long seed) {
    /** A context for one neuron outside a network (fi-curves, demos, tests). */
    public static PopulationContext single(double dt) {
        return new PopulationContext("neuron", "neuron", 1, dt, 1);
    }

    /** The population's own random stream for one purpose ({@code "init"}, {@code "source"}), the same every run. */
    public SplittableRandom random(String purpose) {
        return new SplittableRandom(Seeds.mix(seed, purpose + ":" + population));
    }

    /** The seed of the population's own stream for one purpose (as {@link #random}), for counter-based draws. */
    public long seed(String purpose) {
        return Seeds.mix(seed, purpose + ":" + population);
    }
}
