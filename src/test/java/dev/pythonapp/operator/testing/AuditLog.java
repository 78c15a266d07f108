package dev.pythonapp.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Write requests recorded by kube-apiserver's audit log (hack/control-plane logs create/update/patch/delete). */
public final class AuditLog {
    public static final String OPERATOR_USER = "pythonapp-operator-dev";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditLog() {}

    /** Writes made by {@code user}, as "verb requestURI", in the order the server logged them. */
    public static List<String> writesBy(Path log, String user) {
        return entries(log)
                .filter(e -> user.equals(e.path("user").path("username").asText()))
                .map(e -> e.path("verb").asText() + " " + e.path("requestURI").asText())
                .toList();
    }

    /**
     * The values of the {@code failed-open.validating.webhook.admission.k8s.io/*} audit annotations on requests whose
     * URI contains {@code uriPart}: the API server's record that a webhook with failurePolicy Ignore was called and
     * failed.
     */
    public static List<String> failedOpenWebhooks(Path log, String uriPart) {
        return entries(log)
                .filter(e -> e.path("requestURI").asText().contains(uriPart))
                .flatMap(e -> e.path("annotations").properties().stream())
                .filter(a -> a.getKey().startsWith("failed-open.validating.webhook.admission.k8s.io/"))
                .map(a -> a.getValue().asText())
                .toList();
    }

    /**
     * The logged requests whose URI ends in {@code uriSuffix}, in order. A request to a route the server does not
     * serve (such as buildconfigs/instantiate of a stand-in CRD) is logged with verb, user and response code, but
     * without a body: the server never decodes it.
     */
    public static List<JsonNode> requests(Path log, String uriSuffix) {
        return entries(log)
                .filter(e -> e.path("requestURI").asText().endsWith(uriSuffix))
                .toList();
    }

    /** Every logged event, in order; none when the log does not exist yet. */
    private static Stream<JsonNode> entries(Path log) {
        try {
            return Files.exists(log)
                    ? Files.readAllLines(log).stream().filter(l -> !l.isBlank()).map(AuditLog::parse)
                    : Stream.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
