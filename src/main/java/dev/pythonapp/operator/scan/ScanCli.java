package dev.pythonapp.operator.scan;

import dev.pythonapp.operator.catalog.BuilderCatalog;
import dev.pythonapp.operator.catalog.CatalogException;
import dev.pythonapp.operator.catalog.CatalogLoader;
import dev.pythonapp.operator.eol.EolBasis;
import dev.pythonapp.operator.eol.Lifecycle;
import dev.pythonapp.operator.scan.report.JsonReport;
import dev.pythonapp.operator.scan.report.SarifReport;
import dev.pythonapp.operator.scan.report.Summary;
import dev.pythonapp.operator.scan.report.TableReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The repository scanner's command line: {@code scan} reports Python image references and Dockerfile findings,
 * {@code upgrade} rewrites end-of-life references in place. Plain Java, no Quarkus: it runs from the built jar's
 * classpath with the operator's own catalog and lifecycle code.
 */
public final class ScanCli {
    public static final int CLEAN = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE_OR_PARSE_ERROR = 2;

    static final String USAGE = """
            usage: pythonapp-scan scan [options] PATH...
                   pythonapp-scan upgrade [--dry-run] [options] PATH...
                   pythonapp-scan rules

            scan     report every Python builder/base image reference (file:line:column, lifecycle, EOL date,
                     basis, successor) and every Dockerfile finding in YAML files and Dockerfiles/Containerfiles
            upgrade  rewrite end-of-life references in place to their successors in the same form;
                     --dry-run prints a unified diff instead (exit 1 when there is something to change)
            rules    list the rules

            options:
              --format table|json|sarif   scan output (default table)
              --output FILE               write the report to FILE instead of standard output
              --fail-on error|warning|note|never
                                          exit 1 when a finding is at or above this severity (default warning)
              --basis vendor|upstream|strictest
                                          which end-of-life date counts (default vendor, as the operator)
              --warn-days N               days before end of life that count as "soon" (default 90)
              --today YYYY-MM-DD          judge as of this day (default: today)
              --catalog FILE              catalog overlay document (the operator's ConfigMap format)

            exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or parse errors
            """;

    private ScanCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Options of one invocation. */
    private static final class Options {
        String command;
        String format = "table";
        Path output;
        String failOn = "warning";
        EolBasis basis = EolBasis.VENDOR;
        int warnDays = 90;
        LocalDate today = LocalDate.now();
        Path catalog;
        boolean dryRun;
        final List<Path> paths = new ArrayList<>();
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("pythonapp-scan: " + e.getMessage());
            err.print(USAGE);
            return USAGE_OR_PARSE_ERROR;
        }
        if (o.command.equals("help")) {
            out.print(USAGE);
            return CLEAN;
        }
        if (o.command.equals("rules")) {
            for (Rule rule : Rule.values()) {
                out.printf("%-28s %-8s %s%n", rule.id(), rule.severity.id(), rule.description);
            }
            return CLEAN;
        }
        try {
            ImageAssessor assessor = new ImageAssessor(new Lifecycle(catalog(o.catalog), o.basis, o.warnDays), o.today);
            RepositoryScanner.Result result = new RepositoryScanner(assessor, Path.of("")).scan(o.paths);
            return o.command.equals("scan") ? report(o, result, out) : upgrade(o, result, out, err);
        } catch (IllegalArgumentException | CatalogException e) {
            err.println("pythonapp-scan: " + e.getMessage());
            return USAGE_OR_PARSE_ERROR;
        } catch (IOException e) {
            err.println("pythonapp-scan: " + e);
            return USAGE_OR_PARSE_ERROR;
        }
    }

    private static Options parse(String[] args) {
        Options o = new Options();
        if (args.length == 0) {
            throw new IllegalArgumentException("no command");
        }
        o.command = args[0];
        if (List.of("-h", "--help", "help").contains(o.command)) {
            o.command = "help";
            return o;
        }
        if (!List.of("scan", "upgrade", "rules").contains(o.command)) {
            throw new IllegalArgumentException("unknown command " + o.command);
        }
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--format" -> o.format = oneOf(value(args, ++i, a), "table", "json", "sarif");
                case "--output" -> o.output = Path.of(value(args, ++i, a));
                case "--fail-on" -> o.failOn = oneOf(value(args, ++i, a), "error", "warning", "note", "never");
                case "--basis" -> o.basis = EolBasis.of(oneOf(value(args, ++i, a), "vendor", "upstream", "strictest"));
                case "--warn-days" -> o.warnDays = number(value(args, ++i, a));
                case "--today" -> o.today = date(value(args, ++i, a));
                case "--catalog" -> o.catalog = Path.of(value(args, ++i, a));
                case "--dry-run" -> o.dryRun = true;
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    o.paths.add(Path.of(a));
                }
            }
        }
        if (o.dryRun && !o.command.equals("upgrade")) {
            throw new IllegalArgumentException("--dry-run belongs to upgrade");
        }
        if (o.paths.isEmpty() && !o.command.equals("rules")) {
            throw new IllegalArgumentException(o.command + " needs at least one PATH");
        }
        return o;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static String oneOf(String value, String... allowed) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!List.of(allowed).contains(v)) {
            throw new IllegalArgumentException(value + " is not one of " + String.join(", ", allowed));
        }
        return v;
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + value);
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (YYYY-MM-DD): " + value);
        }
    }

    private static BuilderCatalog catalog(Path overlay) throws IOException {
        if (overlay == null) {
            return CatalogLoader.builtIn();
        }
        return CatalogLoader.toCatalog(
                CatalogLoader.merge(CatalogLoader.readBuiltIn(), CatalogLoader.parse(Files.readString(overlay))));
    }

    private static int report(Options o, RepositoryScanner.Result result, PrintStream out) throws IOException {
        String report = switch (o.format) {
            case "json" -> JsonReport.render(result, o.today, o.basis.id());
            case "sarif" -> SarifReport.render(result, version());
            default -> TableReport.render(result);
        };
        if (o.output != null) {
            Files.writeString(o.output, report, StandardCharsets.UTF_8);
            out.println(Summary.of(result).line());
        } else {
            out.print(report);
        }
        if (Summary.of(result).parseErrors() > 0) {
            return USAGE_OR_PARSE_ERROR;
        }
        boolean failing = !o.failOn.equals("never")
                && result.findings().stream().anyMatch(f -> f.severity().atLeast(Severity.of(o.failOn)));
        return failing ? FINDINGS : CLEAN;
    }

    private static int upgrade(Options o, RepositoryScanner.Result result, PrintStream out, PrintStream err)
            throws IOException {
        int changedFiles = 0;
        int rewritten = 0;
        for (ScannedFile file : result.files()) {
            file.findings().stream()
                    .filter(f -> f.rule() == Rule.PARSE_ERROR)
                    .forEach(f -> err.println(TableReportLine.of(f)));
            file.findings().stream()
                    .filter(f -> f.rule() == Rule.EOL_IMAGE)
                    .filter(f -> f.image().flatMap(ImageAssessment::replacement).isEmpty())
                    .forEach(f -> err.println("not rewritten: " + TableReportLine.of(f) + " (" + f.fix() + ")"));
            if (file.edits().isEmpty()) {
                continue;
            }
            String upgraded = file.upgraded();
            changedFiles++;
            rewritten += file.edits().size();
            if (o.dryRun) {
                out.print(UnifiedDiff.diff(file.displayPath(), file.text(), upgraded));
            } else {
                Files.writeString(file.path(), upgraded, StandardCharsets.UTF_8);
            }
        }
        err.println(
                (o.dryRun ? "would rewrite " : "rewrote ") + rewritten + " references in " + changedFiles + " files");
        if (Summary.of(result).parseErrors() > 0) {
            return USAGE_OR_PARSE_ERROR;
        }
        return o.dryRun && changedFiles > 0 ? FINDINGS : CLEAN;
    }

    private static String version() {
        String v = ScanCli.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** file:line:column rule message, for messages on standard error. */
    private static final class TableReportLine {
        static String of(Finding f) {
            return f.file() + ":" + f.position().line() + ":" + f.position().column() + " "
                    + f.rule().id() + " " + f.message();
        }
    }
}
