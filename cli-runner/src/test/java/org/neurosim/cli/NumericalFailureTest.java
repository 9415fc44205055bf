package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dormand-prince on a model it cannot step used to run for minutes before "maximal count exceeded" with no
 * population, neuron or time. The work per neuron and step is bounded (max_evaluations) and the failure says where,
 * when and what to do: exit 3, one line. (The case this test first used, a stiff hh-traub from +10 mV, is stepped
 * since issue 29 item 17: TraubMilesDormandPrinceTest.) Here a decay with tau = 1 ns, which an explicit method can
 * only take in steps of a few ns (30,000 per 0.1 ms step), and v' = v^2 / (mV ms), which diverges at t = 1 ms.
 */
class NumericalFailureTest {
    static final String CONFIG = """
            name: dp-stiff
            dt: 0.1 ms
            duration: 5 ms
            populations:
              n:
                model: equations
                size: 1
                integrator: dormand-prince
                equations: |
                  dv/dt = -v/tau : volt
                  tau : second
                params: {tau: 1 ns}
                init: {v: 1 mV}
            record: {spikes: all}
            """;

    static final String DIVERGING = """
            name: dp-diverging
            dt: 0.1 ms
            duration: 5 ms
            populations:
              n:
                model: equations
                size: 1
                integrator: dormand-prince
                equations: |
                  dv/dt = v*v/(mV*ms) : volt
                init: {v: 1 mV}
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

    @Test
    void aDivergingModelFailsAtItsSingularityNamingPopulationNeuronAndTime(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("dp.yaml");
        Files.writeString(cfg, DIVERGING);
        Cli r = Cli.run("run", cfg.toString(), "--out", dir.resolve("out").toString(), "--no-plots");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.oneErrorLine()).as(r.err()).isTrue();
        assertThat(r.err()).contains("population n, step at t = 0.00100000 s").contains("neuron 0: the step size fell");
    }
}
