package dev.pythonapp.operator.docs;

import dev.pythonapp.operator.scan.Rule;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's scanner rules table is the {@link Rule} enum: ids, severities, descriptions and fixes. */
class ReadmeScannerRulesTest {
    @Test
    void rulesTableMatchesTheRules() throws IOException {
        String expected = "| rule | severity | what | fix |\n|---|---|---|---|\n"
                + Arrays.stream(Rule.values())
                        .map(r -> "| `" + r.id() + "` | " + r.severity.id() + " | " + r.description + " | " + r.fix
                                + " |\n")
                        .collect(Collectors.joining());
        ReadmeSections.assertSection("scanner-rules", ReadmeScannerRulesTest.class, expected);
    }
}
