package org.neurosim.activation;

import java.util.function.DoubleUnaryOperator;
import org.neurosim.core.activation.Activation;
import org.neurosim.core.activation.ActivationFunction;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginContext;

/** A parameterless activation function given by its value and derivative. */
final class SimpleActivation implements ActivationFunction, Activation {
    private final String name;
    private final String formula;
    private final DoubleUnaryOperator value;
    private final DoubleUnaryOperator derivative;

    SimpleActivation(String name, String formula, DoubleUnaryOperator value, DoubleUnaryOperator derivative) {
        this.name = name;
        this.formula = formula;
        this.value = value;
        this.derivative = derivative;
    }

    @Override public String name() { return name; }
    @Override public String description() { return formula; }
    @Override public Activation create(PluginContext context, Parameters parameters) { return this; }
    @Override public double value(double z) { return value.applyAsDouble(z); }
    @Override public double derivative(double z) { return derivative.applyAsDouble(z); }
}
