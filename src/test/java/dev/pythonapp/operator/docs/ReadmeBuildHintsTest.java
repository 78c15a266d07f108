package dev.pythonapp.operator.docs;

import dev.pythonapp.operator.build.BuildFailureHints;
import dev.pythonapp.operator.build.FailurePattern;
import java.io.IOException;
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
    @Test
    void hintTableMatchesTheData() throws IOException {
        List<FailurePattern> patterns = BuildFailureHints.builtIn().patterns();
        String expected = "| # | id | matched on | hint | source |\n|---|---|---|---|---|\n"
                + IntStream.range(0, patterns.size())
                        .mapToObj(i -> row(i + 1, patterns.get(i)))
                        .collect(Collectors.joining());
        ReadmeSections.assertSection("build-hints", ReadmeBuildHintsTest.class, expected);
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
