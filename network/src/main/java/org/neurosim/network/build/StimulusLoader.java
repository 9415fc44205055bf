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
 * (one per neuron: a constant, or any of the other forms, each as for a population of one neuron), {@code {NAME:
 * {its parameters}}}, {@code {NAME: value}} for a stimulus whose main parameter carries its name ({@code {steps:
 * [...]}}), or {@code {kind: NAME, its parameters}}.
 */
final class StimulusLoader {
    private StimulusLoader() { }

    static Signal load(Cfg c, Dimension dimension, int size, LoadContext ctx) {
        if (c.isList()) return loadList(c, dimension, size, ctx);
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

    /** A list of one value per neuron: quantities, or a stimulus per neuron (each as for a population of one). */
    private static Signal loadList(Cfg c, Dimension dimension, int size, LoadContext ctx) {
        List<Cfg> items = c.list();
        if (items.size() != size) throw c.error("expected " + size + " values (one per neuron), got " + items.size());
        boolean allQuantities = true;
        for (Cfg item : items) allQuantities &= !item.isMap() && !item.isList();
        if (allQuantities) {
            double[] values = new double[size];
            for (int i = 0; i < size; i++) values[i] = items.get(i).quantity(dimension);
            return Signal.perNeuron(values);
        }
        // one stimulus per neuron (a quantity or any stimulus form, each as for a population of one neuron)
        Signal[] signals = new Signal[size];
        for (int i = 0; i < size; i++) {
            Cfg item = items.get(i);
            if (item.isList()) throw item.error("expected a quantity or a stimulus for neuron " + i + ", not a list");
            signals[i] = load(item, dimension, 1, ctx);
        }
        return perNeuron(signals);
    }

    /** Neuron i's value in each step from signals[i] (a signal for a population of one). */
    private static Signal perNeuron(Signal[] signals) {
        boolean constant = true;
        for (Signal s : signals) constant &= s.constant();
        boolean allConstant = constant;
        return new Signal() {
            @Override public boolean uniform() { return false; }
            @Override public boolean constant() { return allConstant; }
            @Override public double value(long step) { throw new UnsupportedOperationException("per-neuron signal"); }
            @Override public void fill(long step, double[] out, int from, int to) {
                double[] one = new double[1];
                for (int i = from; i < to; i++) {
                    Signal s = signals[i];
                    if (s.uniform()) {
                        out[i] = s.value(step);
                    } else {
                        s.fill(step, one, 0, 1);
                        out[i] = one[0];
                    }
                }
            }
        };
    }
}
