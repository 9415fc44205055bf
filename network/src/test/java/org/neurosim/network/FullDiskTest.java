package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosim.core.model.SpikeBuffer;
import org.neurosim.io.AtomicFile;
import org.neurosim.core.output.OutputContext;
import org.neurosim.core.output.OutputException;
import org.neurosim.core.output.OutputFormat;
import org.neurosim.core.output.RunOutput;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.AbstractNeuroSimPlugin;
import org.neurosim.core.plugin.NeuroSimPlugin;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.network.build.NetworkLoader;
import org.neurosim.network.config.ConfigTree;

/**
 * A full disk during a run (an output file that is Linux's /dev/full, which refuses every write with ENOSPC): the run
 * stops with an {@link OutputException} naming the file (the CLI's exit 4), the other outputs are closed whole, and
 * summary.json says {@code "complete": false} with the reason.
 */
class FullDiskTest {
    /** Writes every spike as a line to full.out. */
    static final class Lines implements OutputFormat {
        @Override public String name() { return "lines"; }
        @Override public String description() { return "spikes as lines"; }

        @Override
        public RunOutput create(OutputContext c, Parameters p) {
            AtomicFile f = AtomicFile.open(c.directory(), "full.out", "spikes");
            char[] line = "0123456789abcdef0123456789abcdef\n".toCharArray();
            return new RunOutput() {
                @Override
                public void spikes(int population, double stepStart, SpikeBuffer spikes) {
                    for (int k = 0; k < spikes.count(); k++) f.write(line, line.length);
                }

                @Override public void close() { f.close(); }
            };
        }
    }

    @Test
    void aFullDiskStopsTheRunNamingTheFileAndTheSummarySaysIncomplete(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs Linux's /dev/full");
        List<NeuroSimPlugin> plugins = new ArrayList<>();
        ServiceLoader.load(NeuroSimPlugin.class).forEach(plugins::add);
        plugins.add(new AbstractNeuroSimPlugin() {
            @Override public String moduleName() { return "full-disk-test"; }
            @Override protected void configure() { outputFormat(new Lines()); }
        });
        String yaml = Files.readString(Path.of("..", "examples", "cuba.yaml"))
                .replace("rates: {bin: 5 ms}", "rates: {bin: 5 ms}\n  formats: [csv, lines]");
        Network net = NetworkLoader.build(ConfigTree.parse(yaml, "cuba.yaml"), null, PluginRegistry.of(plugins));
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.createSymbolicLink(out.resolve("full.out.partial"), Path.of("/dev/full"));

        Throwable t = catchThrowable(() -> new Simulation(net).run(out));
        assertThat(t).isInstanceOf(OutputException.class)
                .hasMessage(out.resolve("full.out.partial") + ": cannot write (No space left on device)");
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(s.get("complete").asBoolean()).isFalse();
        assertThat(s.get("reason").asText()).contains("full.out.partial: cannot write");
        assertThat(s.get("simulated_s").asDouble()).isLessThan(1.0);   // it stopped early
        List<String> spikes = Files.readAllLines(out.resolve("spikes.csv"));   // the other outputs are whole
        assertThat(spikes.get(0)).isEqualTo("population,neuron,time_s");
        for (String line : spikes.subList(1, spikes.size())) assertThat(line.split(",")).hasSize(3);
    }
}
