package dev.pythonapp.operator.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The scan corpus (kustomize base and overlay, a Helm chart, multi-document YAML with comments, an inline
 * Dockerfile, Dockerfiles with continuation lines, an escape directive and heredocs, CRLF files) with its exact
 * findings in all three formats.
 */
class ScanCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/scan-corpus");
    static final String TODAY = "2026-11-22";

    /** file:line:column rule, in report order (by file, then by position). */
    static final List<String> EXPECTED = List.of(
            "chart/values.yaml:4:15 eol-image",
            "chart/values.yaml:9:10 eol-image",
            "docker/Containerfile:3:6 eol-image",
            "docker/Containerfile:5:5 dnf-assume-yes",
            "docker/Containerfile:14:6 python-image",
            "docker/Dockerfile:1:6 eol-image",
            "docker/Dockerfile:3:1 sources-before-requirements",
            "docker/Dockerfile:4:5 pip-no-cache-dir",
            "docker/Dockerfile:4:31 pip-commands-run-together",
            "docker/Dockerfile:5:1 last-user-root",
            "docker/Dockerfile:6:1 shell-form-cmd",
            "docker/worker.Dockerfile:2:6 python-image",
            "docker/worker.Dockerfile:12:5 dnf-clean",
            "gitops/base/buildconfig.yaml:12:16 eol-image",
            "gitops/base/buildconfig.yaml:27:15 eol-image",
            "gitops/base/buildconfig.yaml:36:12 eol-image",
            "gitops/base/buildconfig.yaml:37:7 sources-before-requirements",
            "gitops/base/buildconfig.yaml:38:11 pip-no-cache-dir",
            "gitops/base/buildconfig.yaml:38:37 pip-commands-run-together",
            "gitops/base/kustomization.yaml:8:13 eol-image",
            "gitops/base/kustomization.yaml:10:14 eol-image",
            "gitops/overlays/prod/kustomization.yaml:8:13 eol-image",
            "gitops/overlays/prod/pythonapps.yaml:10:19 eol-image",
            "gitops/overlays/prod/pythonapps.yaml:21:19 python-image",
            "gitops/overlays/prod/pythonapps.yaml:35:12 eol-image");

    record Run(int exit, String out, String err) {}

    static Run cli(Path dir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add(dir.toString());
        // findings are named relative to the working directory: run from the repository root, strip the prefix
        int exit = ScanCli.run(
                all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String prefix = dir.toString() + "/";
        return new Run(
                exit,
                out.toString(StandardCharsets.UTF_8).replace(prefix, ""),
                err.toString(StandardCharsets.UTF_8).replace(prefix, ""));
    }

    /** The corpus scanned on {@link #TODAY} with output {@code format} (json, sarif), parsed. */
    static JsonNode scanAs(String format) throws IOException {
        return new ObjectMapper()
                .readTree(cli(CORPUS, "scan", "--format", format, "--today", TODAY)
                        .out());
    }

    @Nested
    class Table {
        @Test
        void everyFindingOnItsLineAndColumnWithSeverityAndTheSummary() {
            Run run = cli(CORPUS, "scan", "--today", TODAY);
            assertThat(run.exit()).isEqualTo(ScanCli.FINDINGS);
            List<String> rows = run.out()
                    .lines()
                    .skip(1)
                    .filter(l -> !l.startsWith(" ") && l.matches("\\S+:\\d+:\\d+ .*"))
                    .map(l -> l.split("\\s+"))
                    .map(c -> c[0] + " " + c[2])
                    .toList();
            assertThat(rows).containsExactlyElementsOf(EXPECTED);
            assertThat(run.out())
                    .contains("skipped: chart/templates/ (Helm templates: scan the rendered output or values.yaml)")
                    .contains(
                            "25 findings (15 errors, 7 warnings, 3 notes) in 9 files; 1 Helm template folders skipped");
        }

        @Test
        void theBrokenPipLineComesWithItsFix() {
            String out = cli(CORPUS, "scan", "--today", TODAY).out();
            List<String> lines = out.lines().toList();
            int row = lines.indexOf(lines.stream()
                    .filter(l -> l.startsWith("docker/Dockerfile:4:31"))
                    .findFirst()
                    .orElseThrow());
            assertThat(lines.get(row)).contains("error", "`pip install` gets `install` as a package name");
            assertThat(lines.get(row + 1).strip())
                    .isEqualTo("fix: pip install pip --upgrade && pip install -r requirements.txt");
        }
    }

    @Nested
    class Json {
        @Test
        void findingsWithPositionsAndImageDetails() throws Exception {
            JsonNode root = scanAs("json");
            assertThat(root.get("today").asText()).isEqualTo(TODAY);
            assertThat(root.get("basis").asText()).isEqualTo("vendor");
            List<String> found = StreamSupport.stream(root.get("findings").spliterator(), false)
                    .map(f -> f.get("file").asText() + ":" + f.get("line").asInt() + ":"
                            + f.get("column").asInt() + " " + f.get("rule").asText())
                    .toList();
            assertThat(found).containsExactlyElementsOf(EXPECTED);
            JsonNode kustomize = root.get("findings").get(19);
            assertThat(kustomize.get("severity").asText()).isEqualTo("error");
            JsonNode image = kustomize.get("image");
            assertThat(image.get("reference").asText()).isEqualTo("python:3.8-slim");
            assertThat(image.get("image").asText()).isEqualTo("python:3.8-slim");
            assertThat(image.get("python").asText()).isEqualTo("3.8");
            assertThat(image.get("state").asText()).isEqualTo("END_OF_LIFE");
            assertThat(image.get("eolDate").asText()).isEqualTo("2024-10-07");
            assertThat(image.get("basis").asText()).isEqualTo("upstream CPython date");
            assertThat(image.get("successor").asText()).isEqualTo("python:3.11-slim");
            assertThat(image.get("replacement").asText()).isEqualTo("python:3.11-slim");
            JsonNode arg = root.get("findings").get(2).get("image");
            assertThat(arg.has("replacement")).isFalse();
            assertThat(arg.get("manual").asText()).startsWith("the reference comes from ARG values (${BASE})");
            JsonNode summary = root.get("summary");
            assertThat(summary.get("findings").asInt()).isEqualTo(25);
            assertThat(summary.get("errors").asInt()).isEqualTo(15);
            assertThat(summary.get("parseErrors").asInt()).isZero();
        }
    }

    @Nested
    class Sarif {
        @Test
        void version210WithDriverRulesAndResultsWithPhysicalLocations() throws Exception {
            JsonNode root = scanAs("sarif");
            assertThat(root.get("version").asText()).isEqualTo("2.1.0");
            assertThat(root.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
            assertThat(root.get("runs")).hasSize(1);
            JsonNode run = root.get("runs").get(0);
            JsonNode driver = run.get("tool").get("driver");
            assertThat(driver.get("name").asText()).isEqualTo("pythonapp-scan");
            assertThat(driver.get("version").asText()).isNotBlank();
            JsonNode rules = driver.get("rules");
            assertThat(rules).hasSize(Rule.values().length);
            for (int i = 0; i < rules.size(); i++) {
                Rule rule = Rule.values()[i];
                JsonNode r = rules.get(i);
                assertThat(r.get("id").asText()).isEqualTo(rule.id());
                assertThat(r.get("shortDescription").get("text").asText()).isEqualTo(rule.description);
                assertThat(r.get("fullDescription").get("text").asText()).contains(rule.fix);
                assertThat(r.get("help").get("text").asText()).isEqualTo(rule.fix);
                assertThat(r.get("defaultConfiguration").get("level").asText()).isEqualTo(rule.severity.id());
            }
            JsonNode results = run.get("results");
            assertThat(results).hasSize(EXPECTED.size());
            for (int i = 0; i < results.size(); i++) {
                JsonNode r = results.get(i);
                String[] expected = EXPECTED.get(i).split("[: ]");
                assertThat(r.get("ruleId").asText()).isEqualTo(expected[3]);
                assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText())
                        .isEqualTo(expected[3]);
                assertThat(r.get("level").asText()).isIn("error", "warning", "note");
                assertThat(r.get("level").asText())
                        .isEqualTo(rules.get(r.get("ruleIndex").asInt())
                                .get("defaultConfiguration")
                                .get("level")
                                .asText());
                assertThat(r.get("message").get("text").asText()).isNotBlank();
                assertThat(r.get("locations")).hasSize(1);
                JsonNode physical = r.get("locations").get(0).get("physicalLocation");
                assertThat(physical.get("artifactLocation").get("uri").asText()).isEqualTo(expected[0]);
                assertThat(physical.get("artifactLocation").get("uriBaseId").asText())
                        .isEqualTo("%SRCROOT%");
                assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(Integer.parseInt(expected[1]));
                assertThat(physical.get("region").get("startColumn").asInt()).isEqualTo(Integer.parseInt(expected[2]));
            }
            assertThat(results.get(8).get("message").get("text").asText())
                    .contains("Fix: pip install pip --upgrade && pip install -r requirements.txt");
            assertThat(run.get("columnKind").asText()).isEqualTo("utf16CodeUnits");
        }
    }

    @Nested
    class ExitStatus {
        @Test
        void failOnChoosesTheSeverity() {
            assertThat(cli(CORPUS, "scan", "--today", TODAY, "--fail-on", "error")
                            .exit())
                    .isEqualTo(ScanCli.FINDINGS);
            assertThat(cli(CORPUS.resolve("docker/worker.Dockerfile"), "scan", "--today", TODAY, "--fail-on", "error")
                            .exit())
                    .isEqualTo(ScanCli.CLEAN);
            assertThat(cli(CORPUS.resolve("docker/worker.Dockerfile"), "scan", "--today", TODAY)
                            .exit())
                    .isEqualTo(ScanCli.FINDINGS);
            assertThat(cli(CORPUS, "scan", "--today", TODAY, "--fail-on", "never")
                            .exit())
                    .isEqualTo(ScanCli.CLEAN);
        }

        @Test
        void filesThatDoNotParseAreReportedWithExit2() {
            Run run = cli(Path.of("src/test/resources/scan-broken"), "scan");
            assertThat(run.exit()).isEqualTo(ScanCli.USAGE_OR_PARSE_ERROR);
            assertThat(run.out().lines().map(l -> l.replaceAll("\\s+", " ")))
                    .contains("Dockerfile:2:1 error parse-error Dockerfile: unterminated heredoc <<EOF: no line EOF"
                            + " before the end of the file")
                    .contains("bad.yaml:6:1 error parse-error YAML: found unexpected end of stream");
        }

        @Test
        void usageErrorsExit2() {
            assertThat(cli(CORPUS, "scan", "--format", "xml").exit()).isEqualTo(ScanCli.USAGE_OR_PARSE_ERROR);
            assertThat(cli(CORPUS.resolve("missing"), "scan").exit()).isEqualTo(ScanCli.USAGE_OR_PARSE_ERROR);
            assertThat(cli(CORPUS, "frobnicate").exit()).isEqualTo(ScanCli.USAGE_OR_PARSE_ERROR);
            assertThat(cli(
                                    CORPUS.resolve("chart/templates/deployment.yaml")
                                            .getParent()
                                            .getParent(),
                                    "scan",
                                    "--dry-run")
                            .exit())
                    .isEqualTo(ScanCli.USAGE_OR_PARSE_ERROR);
        }
    }
}
