package org.example.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurosim.core.connect.ConnectionContext;
import org.neurosim.core.connect.Connections;
import org.neurosim.core.model.SpikeBuffer;
import org.neurosim.core.output.OutputContext;
import org.neurosim.core.output.RunOutput;
import org.neurosim.core.param.Parameters;
import org.neurosim.core.plugin.PluginKind;
import org.neurosim.core.plugin.PluginRegistry;
import org.neurosim.io.AtomicOutputFiles;
import org.neurosim.core.stimulus.Signal;
import org.neurosim.core.stimulus.StimulusContext;
import org.neurosim.core.units.Dimension;

class ExtensionPluginTest {
    @Test
    void ringGivesEverySourceItsTwoKNeighbours() {
        RingRule ring = new RingRule();
        ConnectionContext c = new ConnectionContext("connect", 50, 50, true, false, false, null);
        Connections conn = ring.create(c, Parameters.resolve(ring.parameters(), Map.of("neighbours", "3"), "connect"));
        assertThat(conn.count()).isEqualTo(50 * 6);
        // source 0 on a ring of 50: 47, 48, 49, 1, 2, 3 (sorted)
        assertThat(java.util.Arrays.copyOfRange(conn.targets(), 0, 6)).containsExactly(1, 2, 3, 47, 48, 49);
        int[] inDegree = new int[50];
        for (int t : conn.targets()) inDegree[t]++;
        assertThat(inDegree).containsOnly(6);
        assertThatThrownBy(() -> ring.create(c, Parameters.resolve(ring.parameters(), Map.of("neighbours", "25"), "c")))
                .hasMessageContaining("connect.neighbours: expected 2 k below the ring's 50 neurons");
    }

    @Test
    void chirpFollowsItsPhaseFormulaAtEveryStep() {
        ChirpStimulus chirp = new ChirpStimulus();
        double dt = 1e-4;
        Signal s = chirp.create(new StimulusContext("input.chirp", 1, dt, Dimension.VOLTAGE, 1),
                Parameters.resolve(chirp.parameters(), Map.of("amplitude", "2 mV", "f0", "1 Hz", "f1", "11 Hz",
                        "sweep", "1 s", "offset", "-1 mV"), "input.chirp", Dimension.VOLTAGE));
        for (long n = 0; n <= 15_000; n += 7) {
            double t = n * dt;
            // instantaneous frequency f0 + (f1 - f0) t / T integrates to 2 pi (t + 5 t^2) up to T = 1 s, then 11 Hz
            double phi = t <= 1 ? 2 * Math.PI * (t + 5 * t * t) : 2 * Math.PI * (6 + 11 * (t - 1));
            assertThat(s.value(n)).isCloseTo(-1e-3 + 2e-3 * Math.sin(phi), within(1e-12));
        }
    }

    @Test
    void spikesAsJsonLines(@TempDir Path dir) throws Exception {
        JsonLinesSpikes f = new JsonLinesSpikes();
        RunOutput out = f.create(new OutputContext("record.formats[0]", dir, 1e-4, List.of("exc", "inh"), List.of(),
                null, false, new AtomicOutputFiles(dir)), Parameters.defaults(f.parameters()));
        SpikeBuffer b = new SpikeBuffer();
        b.spike(3, 2.5e-5);
        b.spike(7, 0);
        out.spikes(1, 0.01, b);
        assertThat(dir.resolve("spikes.jsonl")).doesNotExist();   // only whole files carry the final name
        out.close();
        assertThat(Files.readAllLines(dir.resolve("spikes.jsonl"))).containsExactly(
                "{\"population\":\"inh\",\"neuron\":3,\"time_s\":" + (0.01 + 2.5e-5) + "}",
                "{\"population\":\"inh\",\"neuron\":7,\"time_s\":0.01}");
    }

    @Test
    void discoveredThroughServiceLoader() {
        PluginRegistry r = PluginRegistry.load();
        assertThat(r.all(PluginKind.CONNECTION_RULE)).containsKey("ring");
        assertThat(r.all(PluginKind.STIMULUS)).containsKey("chirp");
        assertThat(r.all(PluginKind.OUTPUT_FORMAT)).containsKey("spikes-jsonl");
    }
}
