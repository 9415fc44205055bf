package org.neurosim.core.plugin;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;

/**
 * The Guice mechanics of registering plugins, so that no plugin spells out a MapBinder: each kind is a
 * {@code MapBinder<String, F>} keyed by plugin name, and the set of kinds is a Multibinder.
 */
public final class PluginBinders {
    private PluginBinders() { }

    /** Adds one plugin instance under its {@code name()}. */
    public static <F extends PluginFactory<?, ?>> void register(Binder binder, PluginKind<F> kind, F plugin) {
        MapBinder.newMapBinder(binder, String.class, kind.type()).addBinding(plugin.name()).toInstance(plugin);
    }

    /** Adds a plugin that Guice constructs (for plugins that inject another registry, e.g. the activations). */
    public static <F extends PluginFactory<?, ?>> void register(Binder binder, PluginKind<F> kind, String name,
                                                                Class<? extends F> implementation) {
        MapBinder.newMapBinder(binder, String.class, kind.type()).addBinding(name).to(implementation);
    }

    /** Declares a kind, so that its registry exists even when no plugin fills it. */
    public static void declare(Binder binder, PluginKind<?> kind) {
        Multibinder.newSetBinder(binder, PluginKind.class).addBinding().toInstance(kind);
        MapBinder.newMapBinder(binder, String.class, kind.type());
    }
}
