package dev.pythonapp.operator.config;

import static dev.pythonapp.operator.testing.Apps.app;
import static dev.pythonapp.operator.testing.Apps.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pythonapp.operator.api.Vocabulary.ConditionType;
import dev.pythonapp.operator.testing.Apps;
import dev.pythonapp.operator.testing.IsolatedControlPlane;
import dev.pythonapp.operator.testing.PackagedOperator;
import dev.pythonapp.operator.testing.TestNamespaces;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two packaged operators (prod profile: leader election on) against their own real control plane: the second one
 * stays idle while the first holds the Lease, serves health and metrics all along, and takes over once the first
 * is killed (kill -9: the Lease is not released, so the takeover waits for it to expire).
 */
class LeaderElectionIT {
    static final String LEASE = "pythonapp-operator-leader";
    static final String RECONCILES = "pythonapp_reconciliations_total";

    @RegisterExtension
    static final IsolatedControlPlane CP =
            new IsolatedControlPlane("control-plane-leader-election").forPackagedOperator();

    KubernetesClient admin = CP.admin();

    Lease lease() {
        return admin.leases()
                .inNamespace(PackagedOperator.DEFAULT_NAMESPACE)
                .withName(LEASE)
                .get();
    }

    String holder() {
        Lease lease = lease();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }

    void awaitReconciled(String ns, String name) {
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(
                                hasCondition(Apps.get(admin, ns, name), ConditionType.RECONCILED, "True", "Applied"))
                        .as("%s/%s reconciled", ns, name)
                        .isTrue());
    }

    @Test
    void theStandbyStaysIdleUntilTheLeaderIsGoneThenTakesOver() {
        PackagedOperator first = CP.closeAfterAll(new PackagedOperator.Launch(
                        "leader-election-first", CP.controlPlane().kubeconfig())
                .start());
        await().atMost(Duration.ofSeconds(60)).until(() -> first.name().equals(holder()));
        PackagedOperator second = CP.closeAfterAll(new PackagedOperator.Launch(
                        "leader-election-second", CP.controlPlane().kubeconfig())
                .start());
        // the standby is up and ready: it serves health (and so the webhooks behind the same Service)
        await().atMost(Duration.ofSeconds(60)).until(() -> second.answers("/q/health/ready"));
        assertThat(second.metrics().sum(OperatorLeaderElection.LEADER_GAUGE)).isZero();
        assertThat(first.metrics().sum(OperatorLeaderElection.LEADER_GAUGE)).isEqualTo(1.0);

        String ns = TestNamespaces.create(admin, "leader");
        Apps.create(admin, app(ns, "one", "3.12", s -> {}));
        Apps.create(admin, app(ns, "two", "3.11", s -> {}));
        awaitReconciled(ns, "one");
        awaitReconciled(ns, "two");
        assertThat(first.metrics().sum(RECONCILES)).isGreaterThanOrEqualTo(2);
        assertThat(second.metrics().sum(RECONCILES))
                .as("reconciles by the standby")
                .isZero();
        assertThat(holder()).isEqualTo(first.name());

        Instant killed = Instant.now();
        first.kill();
        Duration leaseDuration = Duration.ofSeconds(lease().getSpec().getLeaseDurationSeconds());
        await().atMost(leaseDuration.plusSeconds(30)).until(() -> second.name().equals(holder()));
        Duration failover = Duration.between(killed, Instant.now());
        assertThat(failover).as("failover").isLessThan(leaseDuration.plusSeconds(15));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> second.metrics().sum(OperatorLeaderElection.LEADER_GAUGE) == 1.0);

        Apps.create(admin, app(ns, "three", "3.12", s -> {}));
        awaitReconciled(ns, "three");
        assertThat(second.metrics().sum(RECONCILES)).isGreaterThanOrEqualTo(1);
        assertThat(second.isAlive()).isTrue();
        assertThat(second.logText()).doesNotContain("ERROR");
        // a leader stops promptly on SIGTERM (a rolling update or a drain), without waiting for a SIGKILL
        assertThat(second.stop(Duration.ofSeconds(20)))
                .as("leader exited on SIGTERM")
                .isTrue();
    }
}
