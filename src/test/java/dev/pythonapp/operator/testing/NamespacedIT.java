package dev.pythonapp.operator.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;

/** Base of integration tests that each need a fresh namespace on the shared control plane (admin client). */
public abstract class NamespacedIT {
    /** How long the in-process operator gets to bring an app where a test awaits it. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(60);

    protected KubernetesClient client;
    protected String ns;

    @BeforeEach
    void freshNamespace() {
        client = ControlPlane.shared().adminClient();
        ns = TestNamespaces.create(
                client, getClass().getSimpleName().replaceAll("IT$", "").toLowerCase(Locale.ROOT));
    }
}
