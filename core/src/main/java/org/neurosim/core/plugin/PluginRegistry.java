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
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.activation.ActivationFunction;
import org.neurosim.core.integrate.Integrator;
import org.neurosim.core.model.NeuronModel;
import org.neurosim.core.synapse.SynapticKernel;

/**
 * Every plugin found on a class loader: {@link ServiceLoader} finds the {@link NeuroSimPlugin} modules, one Guice
 * injector combines them, and the four MapBinder registries are read out by name. Two plugins claiming one name
 * fail at start-up naming both; looking up an unknown name fails with the list of known names.
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

    /** The four kinds of plugin, with the registry key and the words used in messages. */
    public enum Kind {
        NEURON_MODEL("neuron model", "neuron_models", NeuronModel.class),
        INTEGRATOR("integrator", "integrators", Integrator.class),
        KERNEL("synaptic kernel", "kernels", SynapticKernel.class),
        ACTIVATION("activation function", "activations", ActivationFunction.class);

        public final String label;
        public final String jsonKey;
        final Class<?> type;

        Kind(String label, String jsonKey, Class<?> type) {
            this.label = label;
            this.jsonKey = jsonKey;
            this.type = type;
        }
    }

    private final Map<String, NeuronModel> neuronModels;
    private final Map<String, Integrator> integrators;
    private final Map<String, SynapticKernel> kernels;
    private final Map<String, ActivationFunction> activations;
    private final Map<Kind, Map<String, String>> sources;

    private PluginRegistry(Injector injector, Map<Kind, Map<String, String>> sources) {
        this.neuronModels = sorted(injector.getInstance(mapKey(NeuronModel.class)));
        this.integrators = sorted(injector.getInstance(mapKey(Integrator.class)));
        this.kernels = sorted(injector.getInstance(mapKey(SynapticKernel.class)));
        this.activations = sorted(injector.getInstance(mapKey(ActivationFunction.class)));
        this.sources = sources;
    }

    /** The plugins on the application's class path. */
    public static PluginRegistry load() {
        return load(PluginRegistry.class.getClassLoader());
    }

    /** The plugins on the class path plus every jar in {@code pluginDir} (the {@code --plugins} option). */
    public static PluginRegistry load(Path pluginDir) {
        return load(classLoaderFor(pluginDir));
    }

    /** A class loader over every jar in a directory, for {@code --plugins DIR}. */
    public static ClassLoader classLoaderFor(Path pluginDir) {
        if (!Files.isDirectory(pluginDir) || !Files.isReadable(pluginDir)) {
            throw new InvalidInputException("--plugins: cannot read directory '" + pluginDir
                    + "'; expected a readable directory of plugin jars");
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(pluginDir)) {
            for (Path p : files.sorted().toList()) {
                if (p.getFileName().toString().endsWith(".jar")) {
                    urls.add(p.toUri().toURL());
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("--plugins: cannot read directory '" + pluginDir + "': " + e.getMessage());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), PluginRegistry.class.getClassLoader());
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
        Map<Kind, Map<String, String>> sources = new LinkedHashMap<>();
        for (Kind k : Kind.values()) sources.put(k, new TreeMap<>());
        for (NeuroSimPlugin plugin : plugins) {
            String source = plugin.moduleName();
            for (Map.Entry<Kind, List<String>> e : namesBoundBy(plugin).entrySet()) {
                Map<String, String> byName = sources.get(e.getKey());
                for (String name : e.getValue()) {
                    String previous = byName.putIfAbsent(name, source);
                    if (previous != null) {
                        throw new InvalidInputException("two plugins claim the " + e.getKey().label + " name '" + name
                                + "': " + previous + " and " + source + "; remove one of them");
                    }
                    LOG.fine(() -> "registered " + e.getKey().label + " " + name + " from " + source);
                }
            }
        }
        List<com.google.inject.Module> modules = new ArrayList<>(plugins);
        modules.add(AbstractNeuroSimPlugin::declareRegistries);
        try {
            return new PluginRegistry(Guice.createInjector(Stage.PRODUCTION, modules), sources);
        } catch (CreationException e) {
            throw new InvalidInputException("plugins could not be combined: " + e.getErrorMessages().iterator().next()
                    .getMessage(), e);
        }
    }

    /** The names each registry receives from one plugin module, read from its bindings without running it. */
    private static Map<Kind, List<String>> namesBoundBy(NeuroSimPlugin plugin) {
        List<Element> elements = Elements.getElements(plugin);
        Map<Kind, List<String>> names = new LinkedHashMap<>();
        for (Element element : elements) {
            if (!(element instanceof Binding<?> binding)) continue;
            binding.acceptTargetVisitor(new MapVisitor(elements, names));
        }
        return names;
    }

    private static final class MapVisitor extends DefaultBindingTargetVisitor<Object, Object>
            implements MultibindingsTargetVisitor<Object, Object> {
        private final List<Element> elements;
        private final Map<Kind, List<String>> names;

        MapVisitor(List<Element> elements, Map<Kind, List<String>> names) {
            this.elements = elements;
            this.names = names;
        }

        @Override
        public Object visit(MapBinderBinding<?> mapBinding) {
            Class<?> valueType = mapBinding.getValueTypeLiteral().getRawType();
            for (Kind k : Kind.values()) {
                if (k.type.equals(valueType)) {
                    for (Map.Entry<?, Binding<?>> e : mapBinding.getEntries(elements)) {
                        names.computeIfAbsent(k, x -> new ArrayList<>()).add(String.valueOf(e.getKey()));
                    }
                }
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

    private static <T> Map<String, T> sorted(Map<String, T> m) {
        return Collections.unmodifiableMap(new TreeMap<>(m));
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

    public Map<String, NeuronModel> neuronModels() { return neuronModels; }
    public Map<String, Integrator> integrators() { return integrators; }
    public Map<String, SynapticKernel> kernels() { return kernels; }
    public Map<String, ActivationFunction> activations() { return activations; }

    /** Where a plugin came from: its module's name. */
    public String source(Kind kind, String name) {
        return sources.get(kind).getOrDefault(name, "?");
    }

    public NeuronModel neuronModel(String name, String key) { return lookup(neuronModels, name, Kind.NEURON_MODEL, key); }
    public Integrator integrator(String name, String key) { return lookup(integrators, name, Kind.INTEGRATOR, key); }
    public SynapticKernel kernel(String name, String key) { return lookup(kernels, name, Kind.KERNEL, key); }
    public ActivationFunction activation(String name, String key) {
        return lookup(activations, name, Kind.ACTIVATION, key);
    }

    private static <T> T lookup(Map<String, T> registry, String name, Kind kind, String key) {
        T t = registry.get(name == null ? "" : name.strip());
        if (t == null) {
            throw new InvalidInputException((key == null ? "" : key + ": ") + "unknown " + kind.label + " '" + name
                    + "'; known " + kind.label + "s: " + String.join(", ", registry.keySet()));
        }
        return t;
    }

}
