package dev.pythonapp.operator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged operator ({@code target/quarkus-app}, prod profile, so with leader election) as a separate process,
 * the way a Deployment runs it: for tests and benchmarks that need a real process to kill, restart or run twice.
 * Started by {@link Launch#start}.
 *
 * @param name     the identity (pod name) it runs as
 * @param httpPort the port of its HTTP endpoints (health, metrics)
 * @param log      the file its output goes to
 */
public record PackagedOperator(String name, Process process, int httpPort, Path log) implements AutoCloseable {
    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    public static final String DEFAULT_NAMESPACE = "pythonapp-operator";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** What to start: the identity (pod name), its kubeconfig, extra environment and JVM options. */
    public static final class Launch {
        private final String name;
        private final Path kubeconfig;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>();

        public Launch(String name, Path kubeconfig) {
            this.name = name;
            this.kubeconfig = kubeconfig;
            env.put("POD_NAMESPACE", DEFAULT_NAMESPACE);
        }

        public Launch env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Launch jvm(List<String> options) {
            jvmOptions.addAll(options);
            return this;
        }

        public PackagedOperator start() {
            try {
                Path log = Path.of("target", name + ".log").toAbsolutePath();
                int port = LocalWebhooks.freePort();
                List<String> command = new ArrayList<>(List.of("java"));
                command.addAll(jvmOptions);
                command.addAll(List.of("-jar", JAR.toString()));
                ProcessBuilder pb =
                        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
                pb.environment().put("KUBECONFIG", kubeconfig.toString());
                pb.environment().put("POD_NAME", name);
                pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
                pb.environment().putAll(env);
                return new PackagedOperator(name, pb.start(), port, log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** HTTP GET on the operator's port; status code and body, or status -1 when nothing answers. */
    public HttpResponse<String> get(String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean answers(String path) {
        HttpResponse<String> response = get(path);
        return response != null && response.statusCode() == 200;
    }

    /** The Prometheus text of /q/metrics (fails when the scrape fails). */
    public PrometheusText metrics() {
        HttpResponse<String> response = get("/q/metrics");
        if (response == null || response.statusCode() != 200) {
            throw new IllegalStateException(
                    name + ": /q/metrics answered " + (response == null ? "nothing" : response.statusCode()));
        }
        return new PrometheusText(response.body());
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kill -9: no shutdown hook, no lease release. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM, as the kubelet sends; true when the process exited within {@code timeout}. */
    public boolean stop(Duration timeout) {
        process.destroy();
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (!stop(Duration.ofSeconds(30))) {
            kill();
        }
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
