package dev.pythonapp.operator.testing;

import io.fabric8.kubernetes.client.Config;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points the in-process operator (the Quarkus app under test) at the JVM's real control plane, as the
 * "pythonapp-operator-dev" identity, so the audit log tells its writes from the test's, and registers its admission
 * webhooks (HTTPS on a free port) with the API server.
 */
public class ControlPlaneResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        ControlPlane cp = ControlPlane.shared();
        Config operator = ControlPlane.config(cp.operatorKubeconfig());
        LocalWebhooks.createCertificate();
        int httpsPort = LocalWebhooks.freePort();
        LocalWebhooks.register(cp.adminClient(), httpsPort);
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.kubernetes-client.api-server-url", operator.getMasterUrl(),
                "quarkus.kubernetes-client.namespace", "default",
                "quarkus.kubernetes-client.devservices.enabled", "false",
                "quarkus.http.test-ssl-port", String.valueOf(httpsPort),
                "quarkus.http.ssl.certificate.files",
                        LocalWebhooks.CERT_DIR.resolve("tls.crt").toString(),
                "quarkus.http.ssl.certificate.key-files",
                        LocalWebhooks.CERT_DIR.resolve("tls.key").toString()));
        // a token (the built control plane) or client certificates (kind and other existing clusters)
        credential(config, "token", operator.getAutoOAuthToken());
        credential(config, "ca-cert-file", operator.getCaCertFile());
        credential(config, "ca-cert-data", operator.getCaCertData());
        credential(config, "client-cert-file", operator.getClientCertFile());
        credential(config, "client-cert-data", operator.getClientCertData());
        credential(config, "client-key-file", operator.getClientKeyFile());
        credential(config, "client-key-data", operator.getClientKeyData());
        return config;
    }

    private static void credential(Map<String, String> config, String name, String value) {
        if (value != null && !value.isBlank()) {
            config.put("quarkus.kubernetes-client." + name, value);
        }
    }

    @Override
    public void stop() {
        // the control plane lives as long as the JVM (shutdown hook), so later test classes reuse it
    }
}
