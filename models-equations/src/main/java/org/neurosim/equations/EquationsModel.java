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
 * declare. From Java: {@code Equations.model(...)} or {@code new EquationsModel().define(keys, "my-model")}.
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
}
