package org.neurosim.core.model;

import java.util.List;
import org.neurosim.core.units.Dimension;

/**
 * The equations of a neuron model for a whole population, written over arrays: {@code state[k][i]} is state
 * variable k of neuron i (structure of arrays), and any integrator plugin steps the model through
 * {@link #derivatives}: ds/dt = f(s, drive). What happens at a spike is the separate {@link #spikeRule()}
 * (threshold, reset, refractoriness), as Hipparchus separates an equation from its event detector and handler.
 * Optional capabilities are interfaces a model may add: {@link ConditionallyLinear} (for
 * {@code exponential-euler}), {@link ExactlySolvable} (for {@code exact}), {@link Instantaneous} (no equation,
 * y = f(input)), {@link AnalyticRate} (a closed-form firing rate) and {@link Stochastic} (white noise, for
 * {@code euler-maruyama}; then {@link #derivatives} is the drift).
 *
 * <p>With {@code --threads}, {@link #derivatives} is called from several threads at once on disjoint index ranges
 * {@code from..to}: write only inside your range.
 */
public interface NeuronDynamics {
    List<StateVariable> stateVariables();

    /** The dimension of {@link Drive#current} this model takes (a current density, a voltage, a number...). */
    Dimension inputDimension();

    /** Writes the resting state (one value per state variable) into {@code values}. */
    void restingState(double[] values);

    /**
     * Writes every neuron's resting state into {@code state[k][i]}: by default the one of {@link
     * #restingState(double[])} for all; a model whose rest depends on parameters given per neuron finds each one's.
     */
    default void restingState(double[][] state) {
        double[] rest = new double[state.length];
        restingState(rest);
        for (int k = 0; k < state.length; k++) java.util.Arrays.fill(state[k], rest[k]);
    }

    /** ds/dt for neurons {@code from} (inclusive) to {@code to} (exclusive). */
    void derivatives(double[][] state, Drive drive, double[][] ds, int from, int to);

    /** The integrator used when the config names none. */
    String preferredIntegrator();

    /** When this model spikes and what a spike does; {@link SpikeRule#NONE} for a rate neuron. */
    default SpikeRule spikeRule() {
        return SpikeRule.NONE;
    }

    /**
     * True when the model reads its external input and its current-based synaptic input under their own names
     * (an equations model's {@code I_ext} and {@code I_syn}): the drive then keeps the synaptic part in
     * {@link Drive#synapticCurrent}. By default both are summed into {@link Drive#current}.
     */
    default boolean separatesSynapticCurrent() {
        return false;
    }

    /**
     * Why synaptic input through a kernel cannot reach this model, or empty when it can: current synapses
     * ({@code conductance} false) add to its input, conductance synapses act through its membrane potential. An
     * equations model that never reads I_syn, or has no voltage named v, says so here, and the loader refuses the
     * projection instead of running a network whose synapses do nothing.
     */
    default java.util.Optional<String> refusesSynapses(boolean conductance) {
        return java.util.Optional.empty();
    }
}
