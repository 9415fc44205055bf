package org.neurosim.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step times in the CSVs are the correctly rounded decimals (3 dt = 0.0003 s, not 3.0000000000000003E-4). */
class OutputTimesTest {
    @Test
    void stepTimesAreWrittenWithoutFloatNoise(@TempDir Path dir) throws Exception {
        Network net = Nets.build("""
                dt: 0.1 ms
                duration: 5 ms
                populations:
                  a: {model: lif, size: 1, input: 1.5}
                record: {state: [{population: a, variables: [v]}], rates: {bin: 0.3 ms}}
                """);
        new Simulation(net).run(dir);
        List<String> state = Files.readAllLines(dir.resolve("state.csv"));
        // 0.1 ms * 3 in doubles is 3.0000000000000003E-4 and * 7 is 7.000000000000001E-4
        assertThat(state.get(4)).startsWith("3.0E-4,");
        assertThat(state.get(8)).startsWith("7.0E-4,");
        assertThat(state.get(51)).startsWith("0.005,");
        List<String> rates = Files.readAllLines(dir.resolve("rates.csv"));
        assertThat(rates.get(2)).startsWith("3.0E-4,");
        assertThat(rates.get(4)).startsWith("9.0E-4,");   // 9 * 0.1 ms: 9.000000000000001E-4 in doubles
        assertThat(0.1e-3 * 3).isNotEqualTo(3e-4);       // the noise this avoids
    }
}
