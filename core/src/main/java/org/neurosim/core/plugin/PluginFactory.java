package org.neurosim.core.plugin;

import java.util.List;
import org.neurosim.core.param.ParameterSpec;
import org.neurosim.core.param.Parameters;

/**
 * The one shape of every plugin: a name that configs use, a line for {@code neurosim plugins}, the parameters it
 * declares (checked before {@link #create} sees them, so a misspelt key fails with the known keys), and a factory.
 *
 * @param <C> what the plugin is told about where it is used (a population's size and dt, a projection's sizes...),
 *            given once per run so that everything derived from it is computed once
 * @param <T> what it makes: neuron dynamics, a stepper, a kernel, a connection list, a signal...
 */
public interface PluginFactory<C, T> {
    /** The name configs use, e.g. {@code model: lif}, {@code connect: {rule: ring}}. */
    String name();

    /** One line, with the formula where there is one. */
    String description();

    default List<ParameterSpec> parameters() {
        return List.of();
    }

    /** Makes the plugin's object for one use; {@code parameters} are validated against {@link #parameters()}. */
    T create(C context, Parameters parameters);
}
