package dev.pythonapp.operator.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A control plane of a test class's own ({@link ControlPlane#isolated}, state in target/{@code name}), as a JUnit
 * extension on a static field: started before the class's {@code @BeforeAll} methods; after its {@code @AfterAll}
 * methods, what was handed to {@link #closeAfterAll} (operators, clients) is closed, last first, and the control plane
 * stopped.
 */
public final class IsolatedControlPlane implements BeforeAllCallback, AfterAllCallback {
    private final String name;
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private boolean forPackagedOperator;
    private ControlPlane cp;

    public IsolatedControlPlane(String name) {
        this.name = name;
    }

    /** Also installs what a packaged operator needs before it starts: the project's CRD and its namespace. */
    public IsolatedControlPlane forPackagedOperator() {
        forPackagedOperator = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cp = ControlPlane.isolated(name);
        if (forPackagedOperator) {
            ProjectCrds.install(cp.adminClient());
            TestNamespaces.ensure(cp.adminClient(), PackagedOperator.DEFAULT_NAMESPACE);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            while (!toClose.isEmpty()) {
                toClose.pop().close();
            }
        } finally {
            if (cp != null) {
                cp.stop();
            }
        }
    }

    public ControlPlane controlPlane() {
        return cp;
    }

    public KubernetesClient admin() {
        return cp.adminClient();
    }

    /** {@code closeable}, to be closed after the class's tests, before the control plane stops. */
    public <T extends AutoCloseable> T closeAfterAll(T closeable) {
        toClose.push(closeable);
        return closeable;
    }
}
