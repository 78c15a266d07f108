package dev.pythonapp.operator.scan.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pythonapp.operator.scan.Finding;
import dev.pythonapp.operator.scan.ImageAssessment;
import dev.pythonapp.operator.scan.RepositoryScanner;
import java.time.LocalDate;

/** The JSON report: every finding with its image details, and the summary counts. */
public final class JsonReport {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    public static String render(RepositoryScanner.Result result, LocalDate today, String basis) {
        ObjectNode root = JSON.createObjectNode();
        root.put("today", today.toString());
        root.put("basis", basis);
        ArrayNode findings = root.putArray("findings");
        for (Finding f : result.findings()) {
            ObjectNode n = findings.addObject();
            n.put("file", f.file());
            n.put("line", f.position().line());
            n.put("column", f.position().column());
            n.put("rule", f.rule().id());
            n.put("severity", f.severity().id());
            n.put("message", f.message());
            n.put("fix", f.fix());
            f.image().ifPresent(i -> n.set("image", image(i)));
        }
        ArrayNode skipped = root.putArray("skipped");
        result.skipped().forEach(skipped::add);
        root.set("summary", JSON.valueToTree(Summary.of(result)));
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode image(ImageAssessment i) {
        ObjectNode n = JSON.createObjectNode();
        n.put("reference", i.written());
        n.put("image", i.image());
        n.put("python", i.python());
        n.put("state", i.state().name());
        n.put("eolDate", i.eolDate().toString());
        n.put("basis", i.basis());
        i.successor().ifPresent(s -> n.put("successor", s));
        i.replacement().ifPresent(r -> n.put("replacement", r));
        i.manual().ifPresent(m -> n.put("manual", m));
        return n;
    }
}
