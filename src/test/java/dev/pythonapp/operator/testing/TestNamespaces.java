package dev.pythonapp.operator.testing;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh namespace per test: names are never reused, so a namespace still terminating cannot get in the way. */
public final class TestNamespaces {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

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
        CREATED.add(name);
    }

    /** Deletes the namespaces this JVM created (on an existing cluster, which should be left as found). */
    static void deleteCreated(KubernetesClient client) {
        for (String name : CREATED) {
            client.namespaces().withName(name).delete();
        }
    }
}
