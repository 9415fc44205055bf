package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 29 item 4 from the command line: `delay` on a projection from a rate population (examples/rate-network.yaml,
 * dt 1 ms) must be a whole number of steps >= 0 (config.md, "Rate networks with delays"); anything else is exit 2
 * with one line naming the key. Before the fix every value ran, ignored, with exit 0.
 */
class RateDelayCliTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-1 ms|projections[1].delay: expected a single delay >= 0 that is a whole number of steps (dt = 1.0 ms), got '-1 ms'",
            "0.5 ms|projections[1].delay: expected a single delay >= 0 that is a whole number of steps (dt = 1.0 ms), got '0.5 ms'",
            "2000 s|projections[1].delay: expected a delay of at most 1000 s and 10^6 steps, got '2000 s'"})
    void aRateDelayThatIsNotWholeStepsIsExitTwoWithOneLine(String delay, String expected, @TempDir Path dir)
            throws Exception {
        Path config = dir.resolve("rates.yaml");
        String yaml = Files.readString(Path.of("..", "examples", "rate-network.yaml"));
        Files.writeString(config, yaml.replace("    weight: [[2.0, -1.0]]", "    weight: [[2.0, -1.0]]\n    delay: " + delay));
        Cli r = Cli.run("run", config.toString(), "--out", dir.resolve("out").toString(), "--no-plots");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.oneErrorLine()).as(r.err()).isTrue();
        assertThat(r.err().strip()).isEqualTo("neurosim: " + expected);
    }
}
