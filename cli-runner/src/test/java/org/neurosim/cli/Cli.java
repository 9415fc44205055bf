package org.neurosim.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in-process and captures what it prints. */
record Cli(int exit, String out, String err) {
    static Cli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = NeuroSim.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Starts the command line as a separate process (for real signals and locks), its output into {@code log}. */
    static Process start(java.nio.file.Path log, String... args) throws java.io.IOException {
        return start(java.util.List.of(), log, args);
    }

    /** The same with options for the JVM (e.g. a small heap). */
    static Process start(java.util.List<String> jvm, java.nio.file.Path log, String... args) throws java.io.IOException {
        return start(jvm, null, log, args);
    }

    /** The same in the working folder {@code workDir} (null: this process's), where relative paths start. */
    static Process start(java.util.List<String> jvm, java.nio.file.Path workDir, java.nio.file.Path log,
                         String... args) throws java.io.IOException {
        String launcher = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(launcher, "-cp",
                System.getProperty("java.class.path"), "-Djava.awt.headless=true"));
        command.addAll(jvm);
        command.add("org.neurosim.cli.NeuroSim");
        command.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (workDir != null) pb.directory(workDir.toFile());
        return pb.start();
    }

    /** The error output is one line (no stack trace). */
    boolean oneErrorLine() {
        return err.strip().lines().count() == 1;
    }
}
