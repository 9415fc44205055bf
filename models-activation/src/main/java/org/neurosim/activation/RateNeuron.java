package org.neurosim.activation;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosim.core.activation.Activation;
import org.neurosim.core.activation.ActivationFunction;
import org.neurosim.core.model.Drive;
import org.neurosim.core.model.ExactlySolvable;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.Instantaneous;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.model.SpikeSink;
import org.neurosim.core.model.StateVariable;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginContext;
import org.neurosim.core.units.Dimension;

/**
 * The rate neuron: tau dy/dt = -y + s(input), with s any activation plugin; with tau = 0 it is y = s(input) at
 * every step (the course's y = s(W x + b) once a network supplies W x + b as input). Its parameters are
 * {@code activation}, {@code tau}, and those of every activation plugin (e.g. lif-rate's tau_m, tau_ref).
 * The exact solution for input held constant over a step, y(t + dt) = s + (y - s) exp(-dt/tau), makes
 * {@code exact} its preferred integrator.
 */
public final class RateNeuron implements NeuronModel {
    private final Map<String, ActivationFunction> activations;

    @Inject
    public RateNeuron(Map<String, ActivationFunction> activations) {
        this.activations = activations;
    }

    @Override public String name() { return "rate"; }

    @Override public String description() {
        return "rate neuron: tau dy/dt = -y + s(input); tau = 0 gives y = s(input); s: any activation plugin";
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(ParameterSpec.text("activation", "logistic",
                "activation function: " + String.join(", ", new java.util.TreeSet<>(activations.keySet()))));
        specs.add(ParameterSpec.positive("tau", Dimension.TIME, "0 ms", "time constant; 0 for y = s(input)"));
        Map<String, ParameterSpec> extra = new LinkedHashMap<>();
        for (ActivationFunction f : new java.util.TreeMap<>(activations).values()) {
            for (ParameterSpec s : f.parameters()) extra.putIfAbsent(s.name(), s);
        }
        specs.addAll(extra.values());
        return specs;
    }

    @Override
    public NeuronDynamics create(PopulationContext context, Parameters p) {
        ActivationFunction f = activations.get(p.text("activation"));
        if (f == null) {
            throw new org.neurosim.core.InvalidInputException("activation: unknown activation function '"
                    + p.text("activation") + "'; known activation functions: "
                    + String.join(", ", new java.util.TreeSet<>(activations.keySet())));
        }
        Map<String, String> own = new LinkedHashMap<>();
        for (ParameterSpec s : f.parameters()) {
            if (!p.uniform(s.name())) p.get(s.name());   // one value per population: refused naming the key
            own.put(s.name(), p.text(s.name()));
        }
        Activation s = f.create(new PluginContext(context.key(), context.dt()),
                Parameters.resolve(f.parameters(), own, "params"));
        if (p.uniform("tau")) {
            double tau = p.get("tau");
            return tau == 0 ? new Instant(s) : new Relaxing(s, new double[] {tau}, context.dt());
        }
        // tau per neuron: each neuron relaxes with its own; a population is either instantaneous or relaxing
        double[] taus = p.values("tau", context.size());
        if (java.util.Arrays.stream(taus).anyMatch(t -> t == 0)) {
            throw new org.neurosim.core.InvalidInputException("params.tau: 0 (y = s(input)) for some neurons and not "
                    + "for others; give tau > 0 to every neuron of the population, or 0 to all");
        }
        return new Relaxing(s, taus, context.dt());
    }

    /** tau = 0: y = s(input) at every step, no differential equation. */
    static final class Instant implements Instantaneous {
        private final Activation s;

        Instant(Activation s) {
            this.s = s;
        }

        @Override public List<StateVariable> stateVariables() { return Relaxing.Y; }
        @Override public Dimension inputDimension() { return Dimension.DIMENSIONLESS; }
        @Override public void restingState(double[] values) { values[0] = s.value(0); }
        @Override public String preferredIntegrator() { return "exact"; }

        /** None: the state follows the input; integrators other than exact are refused before this is reached. */
        @Override
        public void derivatives(double[][] st, Drive drive, double[][] ds, int from, int to) {
            java.util.Arrays.fill(ds[0], from, to, 0);
        }

        @Override
        public void advanceExactly(double[][] st, Drive drive, double dt, double[] refractory, SpikeSink spikes,
                                   int from, int to) {
            s.apply(drive.current, st[0], from, to);
        }
    }

    /**
     * tau &gt; 0: tau dy/dt = -y + s(input), exactly y(t + dt) = s + (y - s) exp(-dt/tau) for constant input; one tau
     * for all neurons, or each neuron's own (then {@code taus} has one per neuron).
     */
    static final class Relaxing implements ExactlySolvable {
        static final List<StateVariable> Y = List.of(new StateVariable("y", Dimension.DIMENSIONLESS));
        private final Activation s;
        private final double tau, dt, decay;
        private final double[] taus, decays;   // per neuron, or null when tau is every neuron's

        Relaxing(Activation s, double[] taus, double dt) {
            this.s = s;
            this.tau = taus[0];
            this.dt = dt;
            this.decay = Math.exp(-dt / tau);
            this.taus = taus.length == 1 ? null : taus;
            this.decays = taus.length == 1 ? null : java.util.Arrays.stream(taus).map(t -> Math.exp(-dt / t)).toArray();
        }

        @Override public List<StateVariable> stateVariables() { return Y; }
        @Override public Dimension inputDimension() { return Dimension.DIMENSIONLESS; }
        @Override public void restingState(double[] values) { values[0] = s.value(0); }
        @Override public String preferredIntegrator() { return "exact"; }

        @Override
        public void derivatives(double[][] st, Drive drive, double[][] ds, int from, int to) {
            double[] y = st[0], dy = ds[0], in = drive.current;
            for (int i = from; i < to; i++) {
                dy[i] = (s.value(in[i]) - y[i]) / (taus == null ? tau : taus[i]);
            }
        }

        @Override
        public void advanceExactly(double[][] st, Drive drive, double step, double[] refractory, SpikeSink spikes,
                                   int from, int to) {
            double[] y = st[0], in = drive.current;
            if (taus != null) {
                for (int i = from; i < to; i++) {
                    double target = s.value(in[i]), f = step == dt ? decays[i] : Math.exp(-step / taus[i]);
                    y[i] = target + (y[i] - target) * f;
                }
                return;
            }
            double f = step == dt ? decay : Math.exp(-step / tau);
            for (int i = from; i < to; i++) {
                double target = s.value(in[i]);
                y[i] = target + (y[i] - target) * f;
            }
        }
    }
}
