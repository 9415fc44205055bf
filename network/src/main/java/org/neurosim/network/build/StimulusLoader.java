package org.neurosim.network.build;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.Seeds;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.core.stimulus.Signal;
import org.neurosim.core.stimulus.Stimulus;
import org.neurosim.core.stimulus.StimulusContext;
import org.neurosim.core.units.Dimension;
import org.neurosim.network.config.Cfg;

/**
 * A population's {@code input} (or a Poisson {@code rate}) as a {@link Signal}: a quantity (constant), a list
 * (one constant per neuron), {@code {NAME: {its parameters}}}, {@code {NAME: value}} for a stimulus whose main
 * parameter carries its name ({@code {steps: [...]}}), or {@code {kind: NAME, its parameters}}.
 */
final class StimulusLoader {
    private StimulusLoader() { }

    static Signal load(Cfg c, Dimension dimension, int size, LoadContext ctx) {
        if (c.isList()) {
            List<Cfg> items = c.list();
            if (items.size() != size) throw c.error("expected " + size + " values (one per neuron), got " + items.size());
            double[] values = new double[size];
            for (int i = 0; i < size; i++) values[i] = items.get(i).quantity(dimension);
            return Signal.perNeuron(values);
        }
        if (!c.isMap()) return Signal.constant(c.quantity(dimension));
        Map<String, Cfg> entries = c.entries();
        String name;
        Cfg block;
        Map<String, Object> given;
        if (entries.containsKey("kind")) {
            name = c.get("kind").text();
            block = c;
            given = ctx.given(c);
            given.remove("kind");
        } else if (entries.size() == 1) {
            name = entries.keySet().iterator().next();
            block = c.get(name);
            if (block.isMap()) {
                given = ctx.given(block);
            } else {
                given = new LinkedHashMap<>();
                given.put(name, ctx.data(block));
                block = c;
            }
        } else {
            throw c.error("expected a quantity, a list per neuron, {NAME: {parameters}} or {kind: NAME, ...}; known "
                    + "stimuli: " + String.join(", ", ctx.registry.all(PluginKind.STIMULUS).keySet()));
        }
        Stimulus stimulus = ctx.registry.get(PluginKind.STIMULUS, name, c.path);
        Parameters p;
        try {
            p = Parameters.resolve(stimulus.parameters(), given, block.path, dimension);
        } catch (InvalidInputException e) {
            throw e.getMessage().startsWith(block.path) ? e : e.under(block.path);
        }
        return stimulus.create(new StimulusContext(block.path, size, ctx.dt, dimension,
                Seeds.mix(ctx.seed, "stimulus:" + c.path)), p);
    }
}
