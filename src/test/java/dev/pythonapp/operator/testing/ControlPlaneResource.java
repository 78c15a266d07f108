package dev.pythonapp.operator.testing;

import io.fabric8.kubernetes.client.Config;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
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
        return Map.of(
                "quarkus.kubernetes-client.api-server-url", operator.getMasterUrl(),
                "quarkus.kubernetes-client.token", operator.getAutoOAuthToken(),
                "quarkus.kubernetes-client.ca-cert-file", operator.getCaCertFile(),
                "quarkus.kubernetes-client.namespace", "default",
                "quarkus.kubernetes-client.devservices.enabled", "false",
                "quarkus.http.test-ssl-port", String.valueOf(httpsPort),
                "quarkus.http.ssl.certificate.files",
                        LocalWebhooks.CERT_DIR.resolve("tls.crt").toString(),
                "quarkus.http.ssl.certificate.key-files",
                        LocalWebhooks.CERT_DIR.resolve("tls.key").toString());
    }

    @Override
    public void stop() {
        // the control plane lives as long as the JVM (shutdown hook), so later test classes reuse it
    }
}
