package org.neurosim.integrators;

import java.util.Optional;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.integrate.IntegratorContext;
import org.neurosim.core.integrate.SpikeLocatingStepper;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.GridPropagated;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.SpikeSink;
import org.neurosim.core.param.Parameters;

/**
 * Grid-constrained exact integration, as NEST's iaf_psc_exp and iaf_psc_alpha do it: the model's propagator over
 * whole steps with its current synapses, inputs taken at step boundaries and spikes at the end of the step in which
 * the membrane reaches threshold, refractoriness in whole steps ({@link GridPropagated#advanceOnGrid}). Between
 * grid points nothing is approximated, so V at every grid point is the closed form's for inputs on the grid; what
 * it gives up against {@code exact} is the spike time inside the step (up to dt late) and arrivals between grid
 * points (taken at the next one). In return a network can sum every spike's weights into per-neuron, per-step
 * buffers when it is emitted (NEST's ring buffers), which makes delivery a sequential pass over each source's
 * synapses.
 */
public final class ExactGrid implements Integrator {
    @Override public String name() { return "exact-grid"; }
    @Override public String description() {
        return "closed-form propagation of linear models with their synapses, spikes and inputs on the grid "
                + "(NEST's iaf_psc_exp)";
    }
    /** 0: no truncation error on the grid. */
    @Override public int order() { return 0; }

    @Override
    public Optional<String> unsupportedReason(NeuronDynamics d) {
        return d instanceof GridPropagated ? Optional.empty()
                : Optional.of("the model has no grid-constrained propagator (lif has one)");
    }

    @Override
    public OnGrid create(IntegratorContext context, Parameters p) {
        return new OnGrid((GridPropagated) context.dynamics());
    }

    /** The stepper: without arrivals (a population no synapse reaches) the same step with none. */
    public record OnGrid(GridPropagated model) implements SpikeLocatingStepper {
        @Override
        public void advance(double[][] state, Drive drive, double dt, double[] refractory, SpikeSink spikes,
                            int from, int to) {
            model.advanceOnGrid(state, drive, dt, refractory, spikes, null, null, from, to);
        }
    }
}
