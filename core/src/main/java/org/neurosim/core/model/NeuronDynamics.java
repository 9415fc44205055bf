package org.neurosim.core.model;

import java.util.List;
import java.util.OptionalDouble;
import org.neurosim.core.units.Dimension;

/**
 * The equations of a neuron model for a whole population, written over arrays: {@code state[k][i]} is state
 * variable k of neuron i (structure of arrays). Any integrator plugin can step a model through
 * {@link #derivatives}: ds/dt = f(s, drive). A model may also implement {@link ConditionallyLinear} (for
 * {@code exponential-euler}) or {@link ExactlySolvable} (for {@code exact}).
 *
 * <p>Spikes: when the variable {@link #membraneIndex()} crosses {@link #spikeThreshold()} upwards, the engine
 * records a spike at the interpolated time inside the step, calls {@link #onSpike} (the reset), and for
 * {@link #refractoryPeriod()} no further spike is counted; if {@link #clampDuringRefractory()} the membrane is held
 * at its post-reset value for that time.
 */
public interface NeuronDynamics {
    List<StateVariable> stateVariables();

    /** The dimension of {@link Drive#current} this model takes (a current density, a voltage, a number...). */
    Dimension inputDimension();

    /** Writes the resting state (one value per state variable) into {@code values}. */
    void restingState(double[] values);

    /** ds/dt for neurons {@code from} (inclusive) to {@code to} (exclusive). */
    void derivatives(double[][] state, Drive drive, double[][] ds, int from, int to);

    /** Index of the membrane potential among the state variables, or -1 for a model without spikes. */
    default int membraneIndex() {
        return 0;
    }

    /** The membrane value whose upward crossing is a spike (SI). */
    default double spikeThreshold() {
        return Double.POSITIVE_INFINITY;
    }

    /** The reset after a spike of neuron i; nothing by default (HH spikes need no reset). */
    default void onSpike(double[][] state, int i) { }

    default double refractoryPeriod() {
        return 0;
    }

    default boolean clampDuringRefractory() {
        return false;
    }

    /** The integrator used when the config names none. */
    String preferredIntegrator();

    /**
     * The steady firing rate (Hz) for a constant input of {@link Drive#current}, where a closed form exists
     * (LIF: G(v_in)); empty otherwise.
     */
    default OptionalDouble analyticRate(double input) {
        return OptionalDouble.empty();
    }

    /**
     * True when finite input can never make the state NaN or infinite (LIF: V stays between its reset and
     * v_rest + input), so the per-step check for numerical failure can be skipped.
     */
    default boolean boundedForFiniteInput() {
        return false;
    }

    /** True when the state is a function of the present input alone (a rate neuron with tau = 0). */
    default boolean instantaneous() {
        return false;
    }

    /** Why this model cannot be stepped by the named integrator (beyond the integrator's own checks), or empty. */
    default java.util.Optional<String> rejects(String integratorName) {
        return java.util.Optional.empty();
    }
}
