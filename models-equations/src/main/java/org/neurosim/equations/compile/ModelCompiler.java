package org.neurosim.equations.compile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * Compiles generated model source to bytecode in memory with Janino and instantiates it. Identical source (the
 * same equations with the same constant values, e.g. several populations of one model) is compiled once. With
 * {@code -Dneurosim.equations.dump=DIR} (JAVA_OPTS for bin/neurosim) the sources are also written to DIR.
 */
public final class ModelCompiler {
    private static final Map<String, Class<? extends Generated>> CACHE = new ConcurrentHashMap<>();
    private static final AtomicInteger COUNT = new AtomicInteger();

    private ModelCompiler() { }

    /** A new instance of the class whose source {@code body} makes with the class name {@code NAME}. */
    public static Generated compile(String sourceWithPlaceholderName) {
        Class<? extends Generated> c = CACHE.computeIfAbsent(sourceWithPlaceholderName, ModelCompiler::cook);
        try {
            return c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate generated model " + c.getName(), e);
        }
    }

    private static Class<? extends Generated> cook(String source) {
        String name = "EquationsModel" + COUNT.incrementAndGet();
        String dump = System.getProperty("neurosim.equations.dump");   // a folder to write the generated source to
        if (dump != null) {
            try {
                java.nio.file.Files.createDirectories(java.nio.file.Path.of(dump));
                java.nio.file.Files.writeString(java.nio.file.Path.of(dump, name + ".java"), source.replace(NAME, name));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(Generated.class.getClassLoader());
        try {
            compiler.cook(source.replace(NAME, name));
            return compiler.getClassLoader().loadClass(name).asSubclass(Generated.class);
        } catch (CompileException | ClassNotFoundException e) {
            // the source is ours: a failure here is a bug in the generator, not in the user's equations
            throw new IllegalStateException("generated model code does not compile: " + e.getMessage() + "\n" + source, e);
        }
    }

    /** The class name to write in the source; replaced by a unique name at compile time. */
    public static final String NAME = "__ModelClass__";
}
