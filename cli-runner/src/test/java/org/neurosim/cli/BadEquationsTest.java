package org.neurosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of bad equations (src/test/resources/bad-equations, one mistake per file, what it is on the first
 * line and the message expected on the second): `validate` exits 2 with one line that names the key, the line and
 * the column of the mistake in that key's text, and says what is wrong.
 */
class BadEquationsTest {
    static final Path DIR = Path.of("src", "test", "resources", "bad-equations");

    static Stream<Path> catalogue() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void eachMistakeExitsTwoWithOneLineNamingLineAndColumn(Path config) throws IOException {
        String expected = Files.readAllLines(config).get(1).replaceFirst("^# expect: ", "");
        Cli r = Cli.run("validate", config.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.oneErrorLine()).as(r.err()).isTrue();
        assertThat(r.err()).contains(expected).containsPattern("line \\d+, column \\d+: ");
    }

    @org.junit.jupiter.api.Test
    void theCatalogueHasAtLeastTenMistakes() throws IOException {
        assertThat(catalogue().count()).isGreaterThanOrEqualTo(10);
    }
}
