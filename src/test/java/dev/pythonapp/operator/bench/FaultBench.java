package dev.pythonapp.operator.bench;

import static dev.pythonapp.operator.bench.BenchResults.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pythonapp.operator.api.EolPolicy;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.testing.Apps;
import dev.pythonapp.operator.testing.PackagedOperator;
import dev.pythonapp.operator.testing.ServiceAccountKubeconfig;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.openshift.api.model.BuildConfig;
import java.io.FileInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Faults during the convergence of N apps (-Dbench.apps, default 500), each on a control plane of its own: the
 * operator killed with -9 again and again, kube-apiserver restarted, the leader of two replicas killed, and the
 * admission webhook unreachable. Each checks that every app converged, no child is missing, nothing is orphaned and
 * events did not storm. Run with {@code bench/run faults}.
 */
class FaultBench {
    static final int APPS = Integer.getInteger("bench.apps", 500);
    static final Duration TIMEOUT = Duration.ofSeconds(Math.max(300, APPS / 5));
    static final String HEADER = "| date | machine | fault | apps | converged in | missing / orphans | events per app"
            + " | operator log errors | details |";

    /** What a fault run measured: the time to converge, the children check and the events per app. */
    record Measured(Duration converged, BenchCluster.ChildrenCheck children, double eventsPerApp) {}

    /**
     * 5 s after the apps converged, so late events count: the children of {@code ns} and its events per app
     * ({@code apps} apps), with the time {@code converged} they took.
     */
    static Measured measure(BenchCluster cluster, String ns, int apps, Duration converged) throws InterruptedException {
        Thread.sleep(5000);
        return new Measured(converged, cluster.children(ns), cluster.events(ns) / (double) apps);
    }

    /** The time from {@code start} until the {@link #APPS} apps in {@code ns} converged. */
    static Duration converged(BenchCluster cluster, String ns, Instant start) {
        return Duration.between(start, cluster.awaitConverged(ns, APPS, TIMEOUT));
    }

    void record(String fault, Measured measured, long logErrors, String details) {
        BenchCluster.ChildrenCheck children = measured.children();
        BenchResults.append(
                "faults",
                HEADER,
                String.format(
                        "| %s | %s | %d | %s | %d / %d | %.2f | %d | %s |",
                        BenchResults.context(),
                        fault,
                        APPS,
                        seconds(measured.converged()),
                        children.missing(),
                        children.orphans(),
                        measured.eventsPerApp(),
                        logErrors,
                        details));
        assertThat(children.clean())
                .as("%s: every child present, no orphan", fault)
                .isTrue();
        // one event per app at most for the rewritten and soon-EOL builders; a storm would be many per app
        assertThat(measured.eventsPerApp()).as("%s: events per app", fault).isLessThanOrEqualTo(2.0);
    }

    static long errors(PackagedOperator operator) {
        return operator.logText().lines().filter(l -> l.contains(" ERROR ")).count();
    }

    /** Creates the apps in the background, so the fault can strike while they are still being created. */
    static CompletableFuture<Void> createAsync(BenchCluster cluster, List<PythonApp> apps) {
        return CompletableFuture.runAsync(() -> cluster.create(apps, BenchCluster.OPERATOR_PARALLELISM));
    }

    @Test
    void operatorKilledFiveTimesDuringConvergence() throws Exception {
        try (BenchCluster cluster = BenchCluster.start("bench-fault-kill")) {
            String ns = cluster.namespace("kill");
            Instant start = Instant.now();
            // the same name each time: a container restarted in its pod keeps the pod name, so it takes the Lease
            // back at once instead of waiting for it to expire
            PackagedOperator operator = cluster.startOperator("bench-kill-operator");
            CompletableFuture<Void> creating = createAsync(cluster, BenchApps.of(ns, APPS));
            long errors = 0;
            for (int kill = 0; kill < 5; kill++) {
                Thread.sleep(3000);
                operator.kill();
                errors += errors(operator);
                operator = cluster.startOperator("bench-kill-operator");
            }
            creating.get();
            Measured measured = measure(cluster, ns, APPS, converged(cluster, ns, start));
            record(
                    "kill -9 of the operator 5 times, 3 s apart",
                    measured,
                    errors + errors(operator),
                    "restarts keep the pod name, so the Lease is taken back at once");
        }
    }

    @Test
    void apiServerRestartedDuringConvergence() throws Exception {
        try (BenchCluster cluster = BenchCluster.start("bench-fault-apiserver")) {
            String ns = cluster.namespace("apiserver");
            PackagedOperator operator = cluster.startOperator("bench-apiserver-operator");
            Instant start = Instant.now();
            cluster.create(BenchApps.of(ns, APPS), BenchCluster.OPERATOR_PARALLELISM);
            Thread.sleep(2000);
            Instant restart = Instant.now();
            cluster.cp.restartApiServer();
            Duration down = Duration.between(restart, Instant.now());
            Measured measured = measure(cluster, ns, APPS, converged(cluster, ns, start));
            assertThat(operator.isAlive()).as("operator survived").isTrue();
            record(
                    "kube-apiserver kill -9 and restart, 2 s into convergence",
                    measured,
                    errors(operator),
                    "API server away for " + seconds(down) + "; the operator stayed up");
        }
    }

    @Test
    void leaderKilledWithTwoReplicas() throws Exception {
        try (BenchCluster cluster = BenchCluster.start("bench-fault-leader")) {
            String operatorNs = PackagedOperator.DEFAULT_NAMESPACE;
            Path first = replica(cluster, "replica-a");
            Path second = replica(cluster, "replica-b");
            PackagedOperator leader = cluster.startOperator(new PackagedOperator.Launch("replica-a", first));
            await().atMost(Duration.ofSeconds(60)).until(() -> "replica-a".equals(holder(cluster)));
            PackagedOperator standby = cluster.startOperator(new PackagedOperator.Launch("replica-b", second));
            Set<String> users = Set.of(
                    ServiceAccountKubeconfig.user(operatorNs, "replica-a"),
                    ServiceAccountKubeconfig.user(operatorNs, "replica-b"));

            String ns = cluster.namespace("leader");
            Instant start = Instant.now();
            cluster.create(BenchApps.of(ns, APPS), BenchCluster.OPERATOR_PARALLELISM);
            Thread.sleep(3000);
            Map<String, Long> beforeKill = cluster.writesByUser(users);
            // the standby's writes while the leader lived: must be none (only Lease reads and its own start-up)
            long duplicateWrites = beforeKill.get(ServiceAccountKubeconfig.user(operatorNs, "replica-b"));
            Instant killed = Instant.now();
            leader.kill();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> "replica-b".equals(holder(cluster)));
            Duration failover = Duration.between(killed, Instant.now());
            Measured measured = measure(cluster, ns, APPS, converged(cluster, ns, start));
            record(
                    "leader of 2 replicas killed with -9, 3 s into convergence",
                    measured,
                    errors(leader) + errors(standby),
                    String.format(
                            "failover %s (lease %d s); standby writes while the leader lived: %d",
                            seconds(failover), lease(cluster).getSpec().getLeaseDurationSeconds(), duplicateWrites));
            assertThat(duplicateWrites)
                    .as("writes by the standby while the leader lived")
                    .isZero();
        }
    }

    /** A ServiceAccount bound to cluster-admin, so the audit log tells the replicas apart. */
    static Path replica(BenchCluster cluster, String name) {
        Path kubeconfig = ServiceAccountKubeconfig.write(cluster.admin, PackagedOperator.DEFAULT_NAMESPACE, name);
        cluster.admin
                .rbac()
                .clusterRoleBindings()
                .resource(new ClusterRoleBindingBuilder()
                        .withNewMetadata()
                        .withName("bench-" + name)
                        .endMetadata()
                        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "cluster-admin")
                        .addNewSubject()
                        .withKind("ServiceAccount")
                        .withName(name)
                        .withNamespace(PackagedOperator.DEFAULT_NAMESPACE)
                        .endSubject()
                        .build())
                .create();
        return kubeconfig;
    }

    static Lease lease(BenchCluster cluster) {
        return cluster.admin
                .leases()
                .inNamespace(PackagedOperator.DEFAULT_NAMESPACE)
                .withName("pythonapp-operator-leader")
                .get();
    }

    static String holder(BenchCluster cluster) {
        Lease lease = lease(cluster);
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }

    @Test
    void webhookUnreachable() throws Exception {
        try (BenchCluster cluster = BenchCluster.start("bench-fault-webhook")) {
            // the shipped webhook configurations, pointing at a Service with no pods behind it
            try (var in = new FileInputStream("deploy/components/webhook/webhooks.yaml")) {
                cluster.admin.load(in).serverSideApply();
            }
            PackagedOperator operator = cluster.startOperator("bench-webhook-operator");
            String ns = cluster.namespace("webhook");
            Instant start = Instant.now();
            cluster.create(BenchApps.of(ns, APPS), BenchCluster.OPERATOR_PARALLELISM);
            Duration admitted = Duration.between(start, Instant.now());
            Duration converged = converged(cluster, ns, start);

            // Block still holds without the webhook: the reconciler pauses the BuildConfig
            Apps.create(cluster.admin, Apps.app(ns, "blocked", "3.8", s -> s.eolPolicy = EolPolicy.Block));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                BuildConfig bc = cluster.admin
                        .resources(BuildConfig.class)
                        .inNamespace(ns)
                        .withName("blocked")
                        .get();
                return bc != null
                        && "true".equals(bc.getMetadata().getAnnotations().get("openshift.io/build-config.paused"));
            });
            // the Block app counts for the events per app
            Measured measured = measure(cluster, ns, APPS + 1, converged);
            record(
                    "admission webhook unreachable (shipped configuration, no endpoints)",
                    measured,
                    errors(operator),
                    String.format(
                            "all %d creates admitted in %s (failurePolicy Ignore); Block app paused by the reconciler",
                            APPS, seconds(admitted)));
        }
    }
}
