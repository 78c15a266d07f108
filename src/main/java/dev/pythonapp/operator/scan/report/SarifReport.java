package dev.pythonapp.operator.scan.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pythonapp.operator.scan.Finding;
import dev.pythonapp.operator.scan.RepositoryScanner;
import dev.pythonapp.operator.scan.Rule;
import java.util.Arrays;
import java.util.List;

/**
 * SARIF 2.1.0, as code-scanning services read it: one run, the tool driver with every rule's metadata, and results
 * with ruleId, ruleIndex, level, message and a physical location (file relative to the source root, line, column).
 */
public final class SarifReport {
    public static final String TOOL = "pythonapp-scan";
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";

    private SarifReport() {}

    public static String render(RepositoryScanner.Result result, String version) {
        ObjectNode root = JsonReport.JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", TOOL);
        driver.put("version", version);
        List<Rule> rules = Arrays.asList(Rule.values());
        ArrayNode ruleNodes = driver.putArray("rules");
        for (Rule rule : rules) {
            ObjectNode r = ruleNodes.addObject();
            r.put("id", rule.id());
            r.put("name", rule.name());
            r.putObject("shortDescription").put("text", rule.description);
            r.putObject("fullDescription").put("text", rule.description + ". " + rule.fix);
            r.putObject("help").put("text", rule.fix);
            r.putObject("defaultConfiguration").put("level", rule.severity.id());
        }
        run.put("columnKind", "utf16CodeUnits");
        ArrayNode results = run.putArray("results");
        for (Finding f : result.findings()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.rule().id());
            r.put("ruleIndex", rules.indexOf(f.rule()));
            r.put("level", f.severity().id());
            r.putObject("message").put("text", f.message() + ". Fix: " + f.fix());
            ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            artifact.put("uri", f.file());
            artifact.put("uriBaseId", SRCROOT);
            ObjectNode region = physical.putObject("region");
            region.put("startLine", f.position().line());
            region.put("startColumn", f.position().column());
            f.image().ifPresent(i -> r.putObject("properties").set("image", JsonReport.image(i)));
        }
        try {
            return JsonReport.JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
