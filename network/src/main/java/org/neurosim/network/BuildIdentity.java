package org.neurosim.network;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Which build of NeuroSim is running: the SHA-256 of every NeuroSim class file on the class path ({@code org/neurosim/}
 * in each jar or classes folder), names and contents, in name order. Two builds from different sources differ (a
 * rebuild after a pull, which {@code bin/neurosim} does on its own), the same build on another machine does not. A
 * version number cannot say this: every development build is "0.1.0-SNAPSHOT". About 300 classes, 1.2 MB: a few
 * milliseconds, once per process.
 */
final class BuildIdentity {
    private static final String PREFIX = "org/neurosim/";
    private static volatile String identity;

    private BuildIdentity() { }

    /** The first 16 hex digits of the hash (64 bits: no two builds meet by chance). */
    static String get() {
        String id = identity;
        if (id == null) identity = id = compute(System.getProperty("java.class.path", ""));
        return id;
    }

    static String compute(String classPath) {
        Map<String, List<byte[]>> classes = new TreeMap<>();   // name order, whatever the class path's order
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) continue;
            Path p = Path.of(entry);
            try {
                if (Files.isDirectory(p)) {
                    folder(p, classes);
                } else if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                    jar(p, classes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p + " to identify this build", e);
            }
        }
        MessageDigest sha = sha256();
        classes.forEach((name, contents) -> contents.forEach(bytes -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
        }));
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static void folder(Path root, Map<String, List<byte[]>> classes) throws IOException {
        Path dir = root.resolve(PREFIX);
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(f).toString().replace(File.separatorChar, '/');
                classes.computeIfAbsent(name, n -> new ArrayList<>()).add(digest(Files.readAllBytes(f)));
            }
        }
    }

    private static void jar(Path file, Map<String, List<byte[]>> classes) throws IOException {
        try (JarFile jar = new JarFile(file.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                if (!e.getName().startsWith(PREFIX) || !e.getName().endsWith(".class")) continue;
                try (InputStream in = jar.getInputStream(e)) {
                    classes.computeIfAbsent(e.getName(), n -> new ArrayList<>()).add(digest(in.readAllBytes()));
                }
            }
        }
    }

    private static byte[] digest(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);   // every JVM has SHA-256
        }
    }
}
