package dev.pythonapp.operator.scan.report;

import dev.pythonapp.operator.scan.Finding;
import dev.pythonapp.operator.scan.RepositoryScanner;
import dev.pythonapp.operator.scan.Rule;
import dev.pythonapp.operator.scan.Severity;

/** Counts of one scan, shared by the three formats. */
public record Summary(int files, int findings, int errors, int warnings, int notes, int parseErrors, int skipped) {

    public static Summary of(RepositoryScanner.Result result) {
        return new Summary(
                result.files().size(),
                result.findings().size(),
                count(result, Severity.ERROR),
                count(result, Severity.WARNING),
                count(result, Severity.NOTE),
                (int) result.findings().stream()
                        .filter(f -> f.rule() == Rule.PARSE_ERROR)
                        .count(),
                result.skipped().size());
    }

    private static int count(RepositoryScanner.Result result, Severity severity) {
        return (int) result.findings().stream()
                .map(Finding::severity)
                .filter(severity::equals)
                .count();
    }

    public String line() {
        return findings + " findings (" + errors + " errors, " + warnings + " warnings, " + notes + " notes) in "
                + files + " files" + (parseErrors > 0 ? "; " + parseErrors + " could not be parsed" : "")
                + (skipped > 0 ? "; " + skipped + " Helm template folders skipped" : "");
    }
}
