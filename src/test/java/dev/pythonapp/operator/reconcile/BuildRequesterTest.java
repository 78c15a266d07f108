package dev.pythonapp.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.pythonapp.operator.api.PythonApp;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wire form of a build request, against a loopback HTTP server that answers like OpenShift (201 with the new
 * Build), like a server without the build API (a bare 404) or like OpenShift for a missing BuildConfig (a 404 Status
 * naming it). The real control plane cannot show the body: it does not serve instantiate (BuildsIT).
 */
class BuildRequesterTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String NOT_FOUND = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
            + "\"buildconfigs.build.openshift.io \\\"web\\\" not found\",\"reason\":\"NotFound\",\"details\":{\"name\":"
            + "\"web\",\"group\":\"build.openshift.io\",\"kind\":\"buildconfigs\"},\"code\":404}";
    static final String BUILD_CONFIG =
            "{\"apiVersion\":\"build.openshift.io/v1\",\"kind\":\"BuildConfig\",\"metadata\":{\"name\":\"web\"}}";

    HttpServer server;
    final List<String> paths = new ArrayList<>();
    final List<JsonNode> bodies = new ArrayList<>();
    volatile int status;
    volatile String answer;
    /** The answer to GET of the BuildConfig: 200 (it exists) or 404. */
    volatile int buildConfigStatus = 200;

    KubernetesClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            paths.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            boolean get = exchange.getRequestMethod().equals("GET");
            if (!get) {
                bodies.add(JSON.readTree(exchange.getRequestBody()));
            }
            byte[] bytes = (get ? BUILD_CONFIG : answer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(get ? buildConfigStatus : status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder()
                        .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort())
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    static PythonApp app() {
        PythonApp app = new PythonApp();
        app.setMetadata(
                new ObjectMetaBuilder().withName("web").withNamespace("shop").build());
        return app;
    }

    @Test
    void postsABuildRequestWithTheMessageToInstantiateAndReturnsTheNewBuild() {
        status = 201;
        answer = "{\"apiVersion\":\"build.openshift.io/v1\",\"kind\":\"Build\",\"metadata\":{\"name\":\"web-4\"}}";
        assertThat(new BuildRequester(client).request(app(), "pythonapp-operator: build inputs changed: git.ref"))
                .contains("web-4");
        assertThat(paths)
                .containsExactly("POST /apis/build.openshift.io/v1/namespaces/shop/buildconfigs/web/instantiate");
        JsonNode body = bodies.get(0);
        assertThat(body.path("kind").asText()).isEqualTo("BuildRequest");
        assertThat(body.path("apiVersion").asText()).isEqualTo("build.openshift.io/v1");
        assertThat(body.path("metadata").path("name").asText()).isEqualTo("web");
        assertThat(body.path("triggeredBy").get(0).path("message").asText())
                .isEqualTo("pythonapp-operator: build inputs changed: git.ref");
    }

    @Test
    void aServerThatDoesNotServeInstantiateOfAnExistingBuildConfigIsNotServedNotAnError() {
        // what kube-apiserver answers for the unknown subresource of a BuildConfig custom resource
        status = 404;
        answer = NOT_FOUND;
        assertThat(new BuildRequester(client).request(app(), "m")).isEmpty();
        assertThat(paths).last().isEqualTo("GET /apis/build.openshift.io/v1/namespaces/shop/buildconfigs/web");
    }

    @Test
    void aMissingBuildConfigIsAnErrorToRetry() {
        status = 404;
        answer = NOT_FOUND;
        buildConfigStatus = 404;
        assertThatThrownBy(() -> new BuildRequester(client).request(app(), "m"))
                .isInstanceOf(KubernetesClientException.class);
    }
}
