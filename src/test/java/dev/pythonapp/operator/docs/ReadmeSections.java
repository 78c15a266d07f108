package dev.pythonapp.operator.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README sections generated from data, each between {@code <!-- name (checked by SomeTest) -->} and
 * {@code <!-- /name -->}.
 */
final class ReadmeSections {
    private ReadmeSections() {}

    /**
     * Asserts that section {@code name}, checked by {@code test}, is {@code expected}. On a mismatch the expected
     * section is written to target/readme-{@code name}.md to paste.
     */
    static void assertSection(String name, Class<?> test, String expected) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String begin = "<!-- " + name + " (checked by " + test.getSimpleName() + ") -->\n";
        int from = readme.indexOf(begin);
        int to = readme.indexOf("<!-- /" + name + " -->");
        assertThat(from).as("README markers of " + name).isNotNegative();
        assertThat(to).as("README end marker of " + name).isGreaterThan(from);
        String actual = readme.substring(from + begin.length(), to);
        Path paste = Path.of("target", "readme-" + name + ".md");
        if (!actual.equals(expected)) {
            Files.writeString(paste, expected);
        }
        assertThat(actual).as("paste " + paste).isEqualTo(expected);
    }
}
