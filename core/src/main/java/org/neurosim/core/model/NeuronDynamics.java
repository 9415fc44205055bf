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
 * y = f(input)) and {@link AnalyticRate} (a closed-form firing rate).
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
}
