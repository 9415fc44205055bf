package org.neurosim.equations;

import java.util.Map;
import java.util.Set;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.model.NeuronDynamics;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.model.PopulationContext;
import org.neurosim.core.param.Parameters;

/**
 * {@code model: equations}: a neuron model typed as equations in the population block (Brian2's syntax, see
 * {@link org.neurosim.equations.parse.Equations}), with {@code threshold}, {@code reset} and {@code refractory}.
 * {@link #define} parses and checks the text; the defined model's parameters are the constants the equations
 * declare. From Java: {@code EquationsModel.builder("dv/dt = ...").threshold("v > 1").build()},
 * {@code ModelFile.read(new EquationsModel(), "equations", path)} (module network), or {@code new EquationsModel().define(keys, "my-model")}.
 */
public final class EquationsModel implements NeuronModel {
    public static final String NAME = "equations";

    @Override public String name() { return NAME; }

    @Override public String description() {
        return "a model typed as equations (Brian2 syntax) with threshold, reset and refractory keys, compiled to "
                + "bytecode at load time; its parameters are the constants the equations declare";
    }

    @Override public Set<String> definitionKeys() { return ModelDefinition.KEYS; }

    @Override
    public NeuronModel define(Map<String, String> definition, String keyPath) {
        return new DefinedModel(ModelDefinition.parse(definition, keyPath));
    }

    @Override
    public NeuronDynamics create(PopulationContext context, Parameters parameters) {
        throw new InvalidInputException(context.key() + ".equations: required for model: equations, e.g. "
                + "'dv/dt = (e_l - v)/tau : volt'");
    }

    /** A model from Java: the equations, then optionally threshold, reset, refractory period and a resting guess. */
    public static Builder builder(String equations) {
        return new Builder(equations);
    }

    /** Builds a {@link DefinedModel}; errors name the key under {@code name} ("model" by default). */
    public static final class Builder {
        private final Map<String, String> keys = new java.util.LinkedHashMap<>();
        private final Map<String, Double> guess = new java.util.LinkedHashMap<>();
        private String name = "model";

        private Builder(String equations) {
            keys.put("equations", equations);
        }

        public Builder name(String keyPath) { this.name = keyPath; return this; }
        public Builder threshold(String condition) { keys.put("threshold", condition); return this; }
        public Builder reset(String assignments) { keys.put("reset", assignments); return this; }
        public Builder refractory(String time) { keys.put("refractory", time); return this; }

        /** A start for the resting-state search, in SI units. */
        public Builder restNear(String variable, double value) { guess.put(variable, value); return this; }

        public DefinedModel build() {
            return new DefinedModel(ModelDefinition.parse(keys, name), guess);
        }
    }
}
