package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dormand-prince on a stiff hh-traub (e_l -70, e_na 40, e_k -80 mV, v0 = +10 mV): it used to run about 260 s
 * before "maximal count exceeded" with no population, neuron or time. Now the work per neuron and step is bounded
 * (max_evaluations) and the failure says where, when and what to do: exit 3, one line.
 */
class NumericalFailureTest {
    static final String CONFIG = """
            name: dp-stiff
            dt: 0.1 ms
            duration: 5 ms
            populations:
              n:
                model: hh-traub
                size: 1
                integrator: dormand-prince
                params: {e_l: -70 mV, e_na: 40 mV, e_k: -80 mV}
                init: {v: 10 mV}
            record: {spikes: all}
            """;

    @Test
    void aStiffModelFailsWithinItsBoundNamingPopulationNeuronAndTime(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("dp.yaml");
        Files.writeString(cfg, CONFIG);
        Cli r = Cli.run("run", cfg.toString(), "--out", dir.resolve("out").toString(), "--no-plots");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.oneErrorLine()).as(r.err()).isTrue();
        assertThat(r.err()).contains("population n, step at t = ").contains("neuron 0 needed more than 100,000 "
                + "evaluations").contains("raise max_evaluations");
    }
}
