package dev.pythonapp.operator.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.scan.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's scanner rules table is the {@link Rule} enum: ids, severities, descriptions and fixes. */
class ReadmeScannerRulesTest {
    static final String BEGIN = "<!-- scanner-rules (checked by ReadmeScannerRulesTest) -->\n";
    static final String END = "<!-- /scanner-rules -->";

    @Test
    void rulesTableMatchesTheRules() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int from = readme.indexOf(BEGIN);
        int to = readme.indexOf(END);
        assertThat(from).as("README scanner rules markers").isNotNegative();
        String expected = "| rule | severity | what | fix |\n|---|---|---|---|\n"
                + Arrays.stream(Rule.values())
                        .map(r -> "| `" + r.id() + "` | " + r.severity().id() + " | " + r.description() + " | "
                                + r.fix() + " |\n")
                        .collect(Collectors.joining());
        assertThat(readme.substring(from + BEGIN.length(), to)).isEqualTo(expected);
    }
}
