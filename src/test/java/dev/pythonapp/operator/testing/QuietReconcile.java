package dev.pythonapp.operator.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Makes the operator reconcile an app that has nothing to change and returns the write calls it made meanwhile, from
 * the kube-apiserver audit log: the proof that a no-op reconcile writes nothing.
 */
public final class QuietReconcile {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private QuietReconcile() {}

    /** The operator's writes while it reconciled the steady app {@code name} once more. */
    public static List<String> writesDuringAReconcile(
            KubernetesClient client, MeterRegistry registry, String namespace, String name) {
        Path audit = ControlPlane.shared().auditLog();
        // settle: no operator write for 3 s
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(3)).until(new Callable<Boolean>() {
            int last = -1;

            @Override
            public Boolean call() {
                int now = AuditLog.writesBy(audit, AuditLog.OPERATOR_USER).size();
                boolean stable = now == last;
                last = now;
                return stable;
            }
        });
        List<String> before = AuditLog.writesBy(audit, AuditLog.OPERATOR_USER);
        double reconciles = reconciles(registry);

        // an event on a child that changes nothing the operator manages makes it reconcile
        client.apps().deployments().inNamespace(namespace).withName(name).edit(d -> {
            d.getMetadata().getAnnotations().put("test.pythonapp.dev/poke", String.valueOf(System.nanoTime()));
            return d;
        });
        await().atMost(TIMEOUT).until(() -> reconciles(registry) > reconciles);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);

        List<String> after = AuditLog.writesBy(audit, AuditLog.OPERATOR_USER);
        if (before.isEmpty()) {
            throw new AssertionError("the audit log recorded no write by the operator: it cannot prove anything");
        }
        return after.subList(before.size(), after.size());
    }

    private static double reconciles(MeterRegistry registry) {
        return registry.get("pythonapp_reconciliations_total").counter().count();
    }
}
