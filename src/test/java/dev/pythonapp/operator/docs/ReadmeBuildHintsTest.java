package dev.pythonapp.operator.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.build.BuildFailureHints;
import dev.pythonapp.operator.build.FailurePattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The README's failure-hint table is the hint data in order (src/main/resources/build/failure-hints.yaml). On a
 * mismatch the expected table is written to target/readme-build-hints.md to paste.
 */
class ReadmeBuildHintsTest {
    static final String BEGIN = "<!-- build-hints (checked by ReadmeBuildHintsTest) -->\n";
    static final String END = "<!-- /build-hints -->";

    @Test
    void hintTableMatchesTheData() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int from = readme.indexOf(BEGIN);
        int to = readme.indexOf(END);
        assertThat(from).as("README build hint markers").isNotNegative();
        List<FailurePattern> patterns = BuildFailureHints.builtIn().patterns();
        String expected = "| # | id | matched on | hint | source |\n|---|---|---|---|---|\n"
                + IntStream.range(0, patterns.size())
                        .mapToObj(i -> row(i + 1, patterns.get(i)))
                        .collect(Collectors.joining());
        String actual = readme.substring(from + BEGIN.length(), to);
        if (!actual.equals(expected)) {
            Files.writeString(Path.of("target", "readme-build-hints.md"), expected);
        }
        assertThat(actual).as("paste target/readme-build-hints.md").isEqualTo(expected);
    }

    private static String row(int rank, FailurePattern p) {
        String reasons = p.reasons().isEmpty()
                ? ""
                : "reason " + String.join(", ", new TreeSet<>(p.reasons())).replaceAll("(\\w+)", "`$1`");
        String log = p.log().isEmpty()
                ? ""
                : p.log().size() + " log pattern" + (p.log().size() == 1 ? "" : "s");
        String matched = reasons.isEmpty() ? log : log.isEmpty() ? reasons : reasons + "; " + log;
        return "| " + rank + " | `" + p.id() + "` | " + matched + " | " + cell(p.hint()) + " | " + cell(p.source())
                + " |\n";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ").strip();
    }
}
