package dev.pythonapp.operator.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;

/** Base of integration tests that each need a fresh namespace on the shared control plane (admin client). */
public abstract class NamespacedIT {
    protected KubernetesClient client;
    protected String ns;

    @BeforeEach
    void freshNamespace() {
        client = ControlPlane.shared().adminClient();
        ns = TestNamespaces.create(
                client, getClass().getSimpleName().replaceAll("IT$", "").toLowerCase(Locale.ROOT));
    }
}
