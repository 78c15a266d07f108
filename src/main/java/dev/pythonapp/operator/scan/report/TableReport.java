package dev.pythonapp.operator.scan.report;

import dev.pythonapp.operator.scan.Finding;
import dev.pythonapp.operator.scan.RepositoryScanner;

/** The human-readable table: one finding per line, the fix on the next, then a summary. */
public final class TableReport {
    private TableReport() {}

    public static String render(RepositoryScanner.Result result) {
        int where = "FILE:LINE:COL".length();
        int rule = "RULE".length();
        for (Finding f : result.findings()) {
            where = Math.max(where, location(f).length());
            rule = Math.max(rule, f.rule().id().length());
        }
        String format = "%-" + where + "s  %-8s  %-" + rule + "s  %s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(format, "FILE:LINE:COL", "SEVERITY", "RULE", "MESSAGE"));
        String indent = " ".repeat(where + 2 + 8 + 2 + rule + 2);
        for (Finding f : result.findings()) {
            out.append(String.format(
                    format, location(f), f.severity().id(), f.rule().id(), f.message()));
            out.append(indent).append("fix: ").append(f.fix()).append(System.lineSeparator());
        }
        result.skipped().forEach(s -> out.append("skipped: ").append(s).append(System.lineSeparator()));
        out.append(Summary.of(result).line()).append(System.lineSeparator());
        return out.toString();
    }

    static String location(Finding f) {
        return f.file() + ":" + f.position().line() + ":" + f.position().column();
    }
}
