package dev.pythonapp.operator.testing;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh namespace per test: names are never reused, so a namespace still terminating cannot get in the way. */
public final class TestNamespaces {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestNamespaces() {}

    public static String create(KubernetesClient client, String prefix) {
        String name = (prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-"
                        + COUNTER.incrementAndGet())
                .toLowerCase(Locale.ROOT);
        createNamed(client, name);
        return name;
    }

    /** A namespace with exactly this name (for the operator's own namespace), created if missing. */
    public static void ensure(KubernetesClient client, String name) {
        if (client.namespaces().withName(name).get() == null) {
            createNamed(client, name);
        }
    }

    private static void createNamed(KubernetesClient client, String name) {
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .build())
                .create();
    }
}
