package org.neurosim.core.activation;

import java.util.List;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;

/** An activation-function plugin s(z) for rate neurons: logistic, tanh, ReLU, the LIF rate curve... */
public interface ActivationFunction {
    String name();

    /** One line with the formula, e.g. {@code s(z) = 1 / (1 + exp(-z))}. */
    String description();

    default List<ParameterSpec> parameters() {
        return List.of();
    }

    Activation create(Parameters parameters);
}
