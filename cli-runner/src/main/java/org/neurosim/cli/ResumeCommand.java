package org.neurosim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neurosim.core.InvalidInputException;
import org.neurosim.core.checkpoint.CheckpointException;
import org.neurosim.network.Network;
import org.neurosim.network.Simulation;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.config.ConfigTree;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code neurosim resume DIR}: continues the run whose outputs are in DIR from its latest checkpoint. The network is
 * built again from DIR/config.yaml (the config the run wrote, whose hash the checkpoint carries) and restored; the
 * outputs are cut back to the checkpoint and continued, so they end as an uninterrupted run's would.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue an interrupted run from its latest checkpoint (DIR/checkpoint/).")
final class ResumeCommand implements Callable<Integer> {
    /** What the run command knew and the config does not say: where relative paths start, the checkpoint period. */
    static final String RUN_INFO = "run.json";

    @CommandLine.ParentCommand NeuroSim root;

    @Parameters(index = "0", paramLabel = "DIR", description = "The output folder of the run to continue.")
    Path dir;

    @Option(names = "--duration", paramLabel = "Q",
            description = "Run to this simulated time instead of the configured duration, e.g. '2 s'.")
    String duration;

    @Option(names = "--threads", paramLabel = "K", description = "Worker threads (the results do not depend on it).")
    Integer threads;

    @Option(names = "--no-plots", description = "Write no PNG plots.")
    boolean noPlots;

    /** Written by {@code run} into DIR/checkpoint/ before the run starts. */
    static void writeRunInfo(Path out, Path configDir, long checkpointEvery, boolean noPlots) {
        ObjectNode info = new ObjectMapper().createObjectNode();
        info.put("config_dir", configDir.toString());
        info.put("checkpoint_every_steps", checkpointEvery);
        info.put("no_plots", noPlots);
        try {
            Files.createDirectories(out.resolve("checkpoint"));
        } catch (IOException e) {
            throw new InvalidInputException("--out: cannot make '" + out.resolve("checkpoint") + "' (" + e.getMessage() + ")");
        }
        org.neurosim.io.AtomicFiles.write(out.resolve("checkpoint").resolve(RUN_INFO), info.toString() + "\n");
    }

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("resume: '" + dir + "' is not a folder; give the --out folder of a run");
        }
        String text = read(dir.resolve("config.yaml"));
        JsonNode info;
        try {
            info = new ObjectMapper().readTree(read(dir.resolve("checkpoint").resolve(RUN_INFO)));
        } catch (IOException e) {
            throw new CheckpointException(dir.resolve("checkpoint").resolve(RUN_INFO) + ": not readable as JSON ("
                    + e.getMessage() + ")");
        }
        ObjectNode tree = ConfigTree.parse(text, dir.resolve("config.yaml").toString());
        NetworkOptions.durationAndThreads(tree, duration, threads);
        Network net = NetworkLoader.build(tree, Path.of(info.path("config_dir").asText(".")), root.registry());
        double build = (System.nanoTime() - t0) / 1e9;
        net.warnings().forEach(w -> root.err.println("neurosim: warning: " + w));
        boolean plots = !noPlots && !info.path("no_plots").asBoolean(false);
        Simulation sim = new Simulation(net).checkpoints(info.path("checkpoint_every_steps").asLong(0), text);
        return RunCommand.simulate(root, net, dir, build, !plots, (progress, stop) -> sim.resume(dir, progress, stop, build));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file + ": missing; resume needs the folder a run wrote (--out of "
                    + "'neurosim run')");
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
