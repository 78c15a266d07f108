package dev.pythonapp.operator.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.OsFamily;
import dev.pythonapp.operator.catalog.BuilderCatalog;
import dev.pythonapp.operator.catalog.BuilderImage;
import dev.pythonapp.operator.catalog.CatalogLoader;
import dev.pythonapp.operator.catalog.PythonVersions;
import dev.pythonapp.operator.eol.EolBasis;
import dev.pythonapp.operator.eol.Lifecycle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's catalog tables are generated from the catalog: this test fails when they differ. Regenerate with
 * {@code mvn test -Dtest=ReadmeCatalogTablesTest -Dupdate.committed=true} (the successor table is then computed
 * as of today; otherwise as of the date recorded in its marker).
 */
class ReadmeCatalogTablesTest {
    static final Path README = Path.of("README.md");
    static final Pattern SECTION = Pattern.compile(
            "(<!-- BEGIN (\\w+)(?: as-of=(\\d{4}-\\d{2}-\\d{2}))? -->\\n)(.*?)(<!-- END \\2 -->)", Pattern.DOTALL);
    static final BuilderCatalog CATALOG = CatalogLoader.builtIn();

    @Test
    void readmeTablesMatchTheCatalog() throws IOException {
        String readme = Files.readString(README);
        boolean update = Boolean.getBoolean("update.committed");
        Matcher m = SECTION.matcher(readme);
        StringBuilder out = new StringBuilder();
        int sections = 0;
        while (m.find()) {
            sections++;
            LocalDate asOf = update || m.group(3) == null ? LocalDate.now() : LocalDate.parse(m.group(3));
            String begin =
                    m.group(2).equals("successors") ? "<!-- BEGIN successors as-of=" + asOf + " -->\n" : m.group(1);
            String body = switch (m.group(2)) {
                case "versions" -> versionsTable();
                case "successors" -> successorTable(asOf);
                default -> throw new IllegalStateException("unknown README section " + m.group(2));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(begin + body + m.group(5)));
        }
        m.appendTail(out);
        assertThat(sections).as("README sections versions and successors").isEqualTo(2);
        if (update) {
            Files.writeString(README, out.toString());
        }
        assertThat(readme)
                .as("README catalog tables are stale: run with -Dupdate.committed=true")
                .isEqualTo(out.toString());
    }

    /** Python version x OS: the variants available, with the vendor end-of-life date. */
    static String versionsTable() {
        List<OsFamily> oses = OsFamily.DEFAULT_PREFERENCE;
        List<String> versions = CATALOG.images().stream()
                .filter(i -> oses.contains(i.os()))
                .map(BuilderImage::python)
                .distinct()
                .sorted(PythonVersions.ORDER)
                .toList();
        StringBuilder t = new StringBuilder(
                "| Python | upstream EOL | " + oses.stream().map(OsFamily::id).collect(Collectors.joining(" | "))
                        + " |\n|---|---|" + "---|".repeat(oses.size()) + "\n");
        for (String v : versions) {
            t.append("| ")
                    .append(v)
                    .append(" | ")
                    .append(CATALOG.release(v).map(r -> r.eol().toString()).orElse("?"));
            for (OsFamily os : oses) {
                String cell = CATALOG.images().stream()
                        .filter(i -> i.python().equals(v) && i.os() == os)
                        .sorted(Comparator.comparing(BuilderImage::variant))
                        .map(i -> i.variant() + " (" + i.vendorEol().date() + ")")
                        .collect(Collectors.joining("<br>"));
                t.append(" | ").append(cell);
            }
            t.append(" |\n");
        }
        return t.toString();
    }

    /** Every image whose vendor date has passed, or passes within a year, and its successor on that day. */
    static String successorTable(LocalDate asOf) {
        Lifecycle lifecycle = new Lifecycle(CATALOG, EolBasis.VENDOR, 90);
        StringBuilder t = new StringBuilder(
                "| builder image | vendor EOL | upstream EOL | successor (vendor basis) |\n|---|---|---|---|\n");
        CATALOG.images().stream()
                .filter(i -> i.vendorEol().date().isBefore(asOf.plusYears(1)))
                .sorted(Comparator.comparing(BuilderImage::python, PythonVersions.ORDER)
                        .thenComparing(BuilderImage::name))
                .forEach(i -> t.append("| ")
                        .append(i.name())
                        .append(" | ")
                        .append(i.vendorEol().date())
                        .append(" | ")
                        .append(CATALOG.upstreamEol(i).map(LocalDate::toString).orElse("?"))
                        .append(" | ")
                        .append(lifecycle
                                .successor(
                                        i,
                                        asOf.isBefore(i.vendorEol().date())
                                                ? i.vendorEol().date()
                                                : asOf)
                                .map(BuilderImage::name)
                                .orElse("none in the catalog"))
                        .append(" |\n"));
        return t.toString();
    }
}
