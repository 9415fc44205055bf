package org.neurosim.core.plugin;

import com.google.inject.Binding;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.multibindings.MapBinderBinding;
import com.google.inject.multibindings.MultibinderBinding;
import com.google.inject.multibindings.MultibindingsTargetVisitor;
import com.google.inject.multibindings.OptionalBinderBinding;
import com.google.inject.spi.DefaultBindingTargetVisitor;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import com.google.inject.TypeLiteral;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.neurosim.core.InvalidInputException;

/**
 * Every plugin found on a class loader: {@link ServiceLoader} finds the {@link NeuroSimPlugin} modules, one Guice
 * injector combines them, and each kind's MapBinder registry is read out by name, for the built-in
 * {@link PluginKind}s and any kind a plugin declares. Two plugins claiming one name fail at start-up naming both;
 * looking up an unknown name fails with the list of known names.
 */
public final class PluginRegistry {
    private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

    static {
        // plugins only bind instances: no method interception, so Guice need not generate classes (which on JDK 23+
        // goes through sun.misc.Unsafe and prints deprecation warnings on stderr); an explicit setting wins
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
    }

    private final List<PluginKind<?>> kinds;
    private final Map<PluginKind<?>, Map<String, ?>> plugins = new LinkedHashMap<>();
    private final Map<PluginKind<?>, Map<String, String>> sources;

    private PluginRegistry(Injector injector, Map<Class<?>, Map<String, String>> sourcesByType) {
        List<PluginKind<?>> all = new ArrayList<>(PluginKind.BUILT_IN);
        for (PluginKind<?> k : injector.getInstance(Key.get(new TypeLiteral<Set<PluginKind>>() { }))) {
            if (!all.contains(k)) all.add(k);
        }
        this.kinds = List.copyOf(all);
        this.sources = new LinkedHashMap<>();
        for (PluginKind<?> k : kinds) {
            plugins.put(k, Collections.unmodifiableMap(new TreeMap<>(injector.getInstance(mapKey(k.type())))));
            sources.put(k, sourcesByType.getOrDefault(k.type(), Map.of()));
        }
        // populations name neuron models and spike sources with one key, `model:`
        for (String name : all(PluginKind.SPIKE_SOURCE).keySet()) {
            if (all(PluginKind.NEURON_MODEL).containsKey(name)) {
                throw new InvalidInputException("two plugins claim the model name '" + name + "': neuron model from "
                        + source(PluginKind.NEURON_MODEL, name) + " and spike source from "
                        + source(PluginKind.SPIKE_SOURCE, name) + "; remove one of them");
            }
        }
    }

    /** The plugins on the application's class path. */
    public static PluginRegistry load() {
        return load(PluginRegistry.class.getClassLoader());
    }

    /** The plugins on the class path plus a jar, or every jar in a folder (the {@code --plugins} option). */
    public static PluginRegistry load(Path pluginDir) {
        return load(classLoaderFor(pluginDir));
    }

    /** A class loader over a plugin jar, or over every jar in a folder, for {@code --plugins JAR|DIR}. */
    public static ClassLoader classLoaderFor(Path plugins) {
        List<URL> urls = new ArrayList<>();
        try {
            for (Path p : pluginJars(plugins)) urls.add(p.toUri().toURL());
        } catch (IOException e) {
            throw new InvalidInputException("--plugins: cannot read '" + plugins + "': " + e.getMessage());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), PluginRegistry.class.getClassLoader());
    }

    /** The jars {@code --plugins} names: the file itself, or the folder's jars in name order. */
    public static List<Path> pluginJars(Path plugins) {
        if (Files.isRegularFile(plugins) && plugins.getFileName().toString().endsWith(".jar")) {
            if (!Files.isReadable(plugins)) throw new InvalidInputException("--plugins: cannot read '" + plugins + "'");
            return List.of(plugins);
        }
        if (!Files.isDirectory(plugins) || !Files.isReadable(plugins)) {
            throw new InvalidInputException("--plugins: '" + plugins + "' is neither a plugin jar nor a readable "
                    + "folder of plugin jars");
        }
        try (Stream<Path> files = Files.list(plugins)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException("--plugins: cannot read folder '" + plugins + "': " + e.getMessage());
        }
    }

    /**
     * A warning for each of those jars that declares no plugin (no META-INF/services/ entry for
     * {@link NeuroSimPlugin}): its classes are on the class path, but nothing in it is registered.
     */
    public static List<String> pluginWarnings(Path plugins) {
        List<String> out = new ArrayList<>();
        String entry = "META-INF/services/" + NeuroSimPlugin.class.getName();
        for (Path jar : pluginJars(plugins)) {
            try (java.util.jar.JarFile f = new java.util.jar.JarFile(jar.toFile())) {
                if (f.getEntry(entry) == null) {
                    out.add("--plugins: " + jar + " registers no plugin (it has no " + entry + "); its classes are "
                            + "loaded but no model, kernel or rule of it can be named");
                }
            } catch (IOException e) {
                out.add("--plugins: " + jar + " is not a readable jar: " + e.getMessage());
            }
        }
        if (pluginJars(plugins).isEmpty()) out.add("--plugins: no jar in '" + plugins + "'");
        return out;
    }

    public static PluginRegistry load(ClassLoader loader) {
        List<NeuroSimPlugin> plugins = new ArrayList<>();
        try {
            for (NeuroSimPlugin p : ServiceLoader.load(NeuroSimPlugin.class, loader)) {
                plugins.add(p);
            }
        } catch (ServiceConfigurationError e) {
            throw new InvalidInputException("a plugin could not be loaded: " + e.getMessage(), e);
        }
        return of(plugins);
    }

    /** A registry of exactly these plugin modules (tests, embedding). */
    public static PluginRegistry of(List<? extends NeuroSimPlugin> plugins) {
        Map<Class<?>, Map<String, String>> sources = new LinkedHashMap<>();
        for (NeuroSimPlugin plugin : plugins) {
            String source = plugin.moduleName();
            for (Map.Entry<Class<?>, List<String>> e : namesBoundBy(plugin).entrySet()) {
                Map<String, String> byName = sources.computeIfAbsent(e.getKey(), x -> new TreeMap<>());
                for (String name : e.getValue()) {
                    String previous = byName.putIfAbsent(name, source);
                    if (previous != null) {
                        throw new InvalidInputException("two plugins claim the " + label(e.getKey()) + " name '" + name
                                + "': " + previous + " and " + source + "; remove one of them");
                    }
                    LOG.fine(() -> "registered " + label(e.getKey()) + " " + name + " from " + source);
                }
            }
        }
        List<com.google.inject.Module> modules = new ArrayList<>(plugins);
        modules.add(binder -> PluginKind.BUILT_IN.forEach(k -> PluginBinders.declare(binder, k)));
        try {
            return new PluginRegistry(Guice.createInjector(Stage.PRODUCTION, modules), sources);
        } catch (CreationException e) {
            throw new InvalidInputException("plugins could not be combined: " + e.getErrorMessages().iterator().next()
                    .getMessage(), e);
        }
    }

    private static String label(Class<?> type) {
        for (PluginKind<?> k : PluginKind.BUILT_IN) if (k.type().equals(type)) return k.label();
        return type.getSimpleName();
    }

    /** The names each registry (by factory type) receives from one plugin module, read without running it. */
    private static Map<Class<?>, List<String>> namesBoundBy(NeuroSimPlugin plugin) {
        List<Element> elements = Elements.getElements(plugin);
        for (Element element : elements) {
            // a module whose configure() threw: say which, in one line, before Guice logs its stack trace
            if (element instanceof com.google.inject.spi.Message m) {
                throw new InvalidInputException("the plugin module " + plugin.getClass().getName() + " ("
                        + plugin.moduleName() + ") failed: " + (m.getCause() != null ? m.getCause() : m.getMessage())
                        + "; fix or remove that plugin");
            }
        }
        Map<Class<?>, List<String>> names = new LinkedHashMap<>();
        for (Element element : elements) {
            if (!(element instanceof Binding<?> binding)) continue;
            binding.acceptTargetVisitor(new MapVisitor(elements, names));
        }
        return names;
    }

    private static final class MapVisitor extends DefaultBindingTargetVisitor<Object, Object>
            implements MultibindingsTargetVisitor<Object, Object> {
        private final List<Element> elements;
        private final Map<Class<?>, List<String>> names;

        MapVisitor(List<Element> elements, Map<Class<?>, List<String>> names) {
            this.elements = elements;
            this.names = names;
        }

        @Override
        public Object visit(MapBinderBinding<?> mapBinding) {
            Class<?> valueType = mapBinding.getValueTypeLiteral().getRawType();
            if (!PluginFactory.class.isAssignableFrom(valueType)) return null;
            for (Map.Entry<?, Binding<?>> e : mapBinding.getEntries(elements)) {
                names.computeIfAbsent(valueType, x -> new ArrayList<>()).add(String.valueOf(e.getKey()));
            }
            return null;
        }

        @Override public Object visit(MultibinderBinding<?> multibinding) { return null; }
        @Override public Object visit(OptionalBinderBinding<?> optionalbinding) { return null; }
    }

    @SuppressWarnings("unchecked")
    private static <T> Key<Map<String, T>> mapKey(Class<T> type) {
        return (Key<Map<String, T>>) Key.get(com.google.inject.util.Types.mapOf(String.class, type));
    }


    /** The jar or class folder a class came from, as a short name. */
    static String locationOf(Class<?> type) {
        try {
            var cs = type.getProtectionDomain().getCodeSource();
            if (cs == null) return type.getName();
            File f = new File(cs.getLocation().toURI());
            if (f.isDirectory() && f.getName().equals("classes") && f.getParentFile() != null
                    && f.getParentFile().getParentFile() != null) {
                return f.getParentFile().getParentFile().getName();
            }
            return f.getName();
        } catch (Exception e) {
            return type.getName();
        }
    }

    /** Every kind, built-in first, then those plugins declared. */
    public List<PluginKind<?>> kinds() {
        return kinds;
    }

    /** The plugins of one kind by name, sorted. */
    @SuppressWarnings("unchecked")
    public <F extends PluginFactory<?, ?>> Map<String, F> all(PluginKind<F> kind) {
        Map<String, ?> m = plugins.get(kind);
        return m == null ? Map.of() : (Map<String, F>) m;
    }

    /** The plugin of that kind and name, or empty. */
    public <F extends PluginFactory<?, ?>> Optional<F> find(PluginKind<F> kind, String name) {
        return Optional.ofNullable(all(kind).get(name == null ? "" : name.strip()));
    }

    /**
     * The plugin of that kind and name; an unknown name fails with the known ones.
     *
     * @param key the config key or option that named it, for the message (may be null)
     */
    public <F extends PluginFactory<?, ?>> F get(PluginKind<F> kind, String name, String key) {
        return find(kind, name).orElseThrow(() -> new InvalidInputException((key == null ? "" : key + ": ")
                + "unknown " + kind.label() + " '" + name + "'"
                + org.neurosim.core.Suggestions.didYouMean(name, all(kind).keySet()) + "; known " + kind.plural() + ": "
                + String.join(", ", all(kind).keySet())));
    }

    /** Where a plugin came from: its module's name. */
    public String source(PluginKind<?> kind, String name) {
        return sources.getOrDefault(kind, Map.of()).getOrDefault(name, "?");
    }

    /** The integrators that can step {@code dynamics}, by name: for "use one of ..." in error messages. */
    public java.util.List<String> integratorsFor(org.neurosim.core.model.NeuronDynamics dynamics) {
        return all(PluginKind.INTEGRATOR).values().stream()
                .filter(i -> i.refusal(dynamics).isEmpty())
                .map(PluginFactory::name).sorted().toList();
    }
}
