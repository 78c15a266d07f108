package dev.pythonapp.operator.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Serves the in-process operator's admission webhooks over TLS to the real kube-apiserver: a certificate from
 * hack/webhook-cert and the webhook configurations of hack/local-webhooks.yaml, pointed at 127.0.0.1.
 */
public final class LocalWebhooks {
    public static final Path CERT_DIR = Path.of("target", "webhook-tls").toAbsolutePath();
    static final Path CONFIGURATIONS = Path.of("hack", "local-webhooks.yaml");

    private LocalWebhooks() {}

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void createCertificate() {
        try {
            Process p = new ProcessBuilder(List.of("hack/webhook-cert", CERT_DIR.toString()))
                    .inheritIO()
                    .start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("hack/webhook-cert failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the configurations {@link #register} created. */
    static void unregister(KubernetesClient client) {
        try (var in = Files.newInputStream(CONFIGURATIONS)) {
            client.load(in).delete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void register(KubernetesClient client, int httpsPort) {
        try {
            String caBundle = Base64.getEncoder().encodeToString(Files.readAllBytes(CERT_DIR.resolve("ca.crt")));
            String yaml = Files.readString(CONFIGURATIONS)
                    .replace("__URL__", "https://127.0.0.1:" + httpsPort)
                    .replace("__CA_BUNDLE__", caBundle);
            client.load(new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .forceConflicts()
                    .serverSideApply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
