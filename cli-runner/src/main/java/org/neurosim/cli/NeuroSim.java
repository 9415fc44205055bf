package org.neurosim.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.NumericalFailureException;
import org.neurosim.core.plugin.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code neurosim} command (../shared/spec/cli.md). Exit codes: 0 success, 2 bad usage or input, 3 numerical
 * failure, 130/143 interrupted, 1 internal error. Errors are one line on stderr; {@code --debug} adds the stack
 * trace.
 */
@Command(name = "neurosim", mixinStandardHelpOptions = true, versionProvider = NeuroSim.Version.class,
        description = "Simulate neurons and networks of neurons.",
        subcommands = {PluginsCommand.class, RunCommand.class, ResumeCommand.class, ValidateCommand.class, FiCurveCommand.class,
                DemoCommand.class, BenchCommand.class, SweepCommand.class})
public final class NeuroSim implements Callable<Integer> {
    public static final int OK = 0, INTERNAL = 1, BAD_INPUT = 2, NUMERICAL = 3, OUTPUT = 4;

    @Option(names = "--plugins", paramLabel = "JAR|DIR", description = "Also load plugins from a jar, or from every jar in DIR.")
    Path pluginDir;

    @Option(names = "--debug", description = "Print stack traces on errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PluginRegistry registry;

    /** Where commands print: the process's streams, or a test's. */
    PrintStream out = System.out;
    PrintStream err = System.err;

    /** The plugins on the class path plus those of {@code --plugins JAR|DIR}. */
    PluginRegistry registry() {
        if (registry == null) {
            if (pluginDir != null) PluginRegistry.pluginWarnings(pluginDir).forEach(w -> err.println("neurosim: warning: " + w));
            registry = pluginDir == null ? PluginRegistry.load() : PluginRegistry.load(pluginDir);
        }
        return registry;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line with the given streams and returns the exit code (used by main and the tests). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        NeuroSim root = new NeuroSim();
        root.out = out;
        root.err = err;
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            String msg = ex.getMessage() == null ? "bad usage" : ex.getMessage().lines().findFirst().orElse("bad usage");
            if (ex instanceof CommandLine.UnmatchedArgumentException u) {   // the nearest option or command
                if (!u.getSuggestions().isEmpty()) {
                    msg += " (did you mean '" + u.getSuggestions().get(0) + "'?)";
                } else if (!u.getUnmatched().isEmpty()) {
                    msg += org.neurosim.core.Suggestions.didYouMean(u.getUnmatched().get(0),
                            ex.getCommandLine().getSubcommands().keySet());
                }
            }
            err.println("neurosim: " + msg + "; see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help'");
            if (root.debug) ex.printStackTrace(err);
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> handle(ex, err, root.debug));
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {   // picocli hands on Errors: one line here too, not a stack trace
            return handle(e, err, root.debug);
        }
    }

    static int handle(Throwable ex, PrintStream err, boolean debug) {
        Throwable e = ex;
        if (e instanceof com.google.inject.ProvisionException || e instanceof com.google.inject.CreationException) {
            if (e.getCause() != null) e = e.getCause();
        }
        int code;
        if (e instanceof InvalidInputException) {
            err.println("neurosim: " + oneLine(e.getMessage()));
            code = BAD_INPUT;
        } else if (e instanceof org.neurosim.core.output.OutputException) {
            err.println("neurosim: " + oneLine(e.getMessage()));
            code = OUTPUT;
        } else if (e instanceof NumericalFailureException) {
            err.println("neurosim: numerical failure: " + oneLine(e.getMessage()));
            code = NUMERICAL;
        } else if (e instanceof OutOfMemoryError) {
            long max = Runtime.getRuntime().maxMemory() >> 20;
            err.println("neurosim: out of memory (the Java heap holds " + (max >= 1024 ? String.format(java.util.Locale.ROOT,
                    "%.1f GiB", max / 1024.0) : max + " MiB") + "); raise it with JAVA_OPTS=-Xmx<size>, e.g. -Xmx"
                    + Math.max(2, 2 * ((max + 1023) / 1024)) + "g, or make the network smaller");
            code = BAD_INPUT;
        } else {
            err.println("neurosim: internal error: " + e + (debug ? "" : " (run with --debug for the stack trace)"));
            code = INTERNAL;
        }
        if (debug) e.printStackTrace(err);
        return code;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').strip();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = NeuroSim.class.getPackage().getImplementationVersion();
            return new String[] {"neurosim " + (v == null ? "0.1.0-SNAPSHOT" : v),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
