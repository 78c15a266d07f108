package dev.pythonapp.operator.bench;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.reconcile.PythonAppReconciler;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.openshift.api.model.BuildConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What each kind of request the operator makes costs the API server and etcd, in CPU time per request: the price
 * list behind the scale benchmark's ratio (a request the bare-client baseline does not make is paid on the same two
 * cores). N requests of each kind from the operator's number of threads; the status patches on apps the packaged
 * operator converged (then stopped), each changing a condition message so that every patch is a real write.
 * Run with {@code bench/run prices [N]}.
 */
class RequestPricesBench {
    static final int APPS = Integer.getInteger("bench.apps", 1000);
    static final PatchContext STATUS_APPLY = new PatchContext.Builder()
            .withFieldManager(PythonAppReconciler.FIELD_MANAGER)
            .withForce(true)
            .withPatchType(PatchType.SERVER_SIDE_APPLY)
            .build();

    @Test
    void prices() {
        try (BenchCluster cluster = BenchCluster.start("bench-prices")) {
            KubernetesClient client = cluster.admin;
            String ns = cluster.namespace("prices");
            List<PythonApp> apps = BenchApps.of(ns, APPS);
            measure(cluster, "create a PythonApp", apps, a -> client.resource(a).create());
            measure(
                    cluster,
                    "GET of a missing Deployment (404)",
                    apps,
                    a -> client.apps()
                            .deployments()
                            .inNamespace(ns)
                            .withName(a.getMetadata().getName())
                            .get());
            measure(
                    cluster,
                    "GET of a missing BuildConfig (404, custom resource)",
                    apps,
                    a -> client.resources(BuildConfig.class)
                            .inNamespace(ns)
                            .withName(a.getMetadata().getName())
                            .get());
            measure(
                    cluster,
                    "create an Event",
                    apps,
                    a -> client.v1()
                            .events()
                            .inNamespace(ns)
                            .resource(new EventBuilder()
                                    .withMetadata(new ObjectMetaBuilder()
                                            .withGenerateName(a.getMetadata().getName() + ".")
                                            .build())
                                    .withNewInvolvedObject()
                                    .withApiVersion(a.getApiVersion())
                                    .withKind(a.getKind())
                                    .withName(a.getMetadata().getName())
                                    .withNamespace(ns)
                                    .endInvolvedObject()
                                    .withType("Normal")
                                    .withReason("BuilderRewritten")
                                    .withMessage("ubi8/python-39 is end of life; the BuildConfig uses ubi9/python-39")
                                    .build())
                            .create());

            cluster.startOperator("bench-prices-operator");
            cluster.awaitConverged(ns, APPS, Duration.ofMinutes(5));
            cluster.stopOperators();
            List<PythonApp> converged =
                    client.resources(PythonApp.class).inNamespace(ns).list().getItems();
            AtomicInteger round = new AtomicInteger();
            Consumer<PythonApp> changeStatus = a -> a.getStatus()
                    .conditions
                    .get(0)
                    .setMessage(
                            "round " + round.get() + " of " + a.getMetadata().getName());
            round.incrementAndGet();
            measure(cluster, "status apply of the whole object (what JOSDK sends)", converged, a -> {
                changeStatus.accept(a);
                a.getMetadata().setManagedFields(null);
                client.resource(a).subresource("status").patch(STATUS_APPLY);
            });
            round.incrementAndGet();
            measure(cluster, "status apply of the status only", converged, a -> {
                changeStatus.accept(a);
                client.resource(statusOnly(a)).subresource("status").patch(STATUS_APPLY);
            });
            round.incrementAndGet();
            measure(cluster, "status JSON merge patch of the status only", converged, a -> {
                changeStatus.accept(a);
                PythonApp patch = statusOnly(a);
                client.resource(patch).subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            });
            List<Deployment> deployments =
                    client.apps().deployments().inNamespace(ns).list().getItems();
            measure(cluster, "apply of a changed Deployment (a child)", deployments, d -> {
                d.getMetadata().setManagedFields(null);
                d.getMetadata().setResourceVersion(null);
                d.getMetadata().getLabels().put("bench", "changed");
                client.resource(d)
                        .fieldManager(PythonAppReconciler.FIELD_MANAGER)
                        .forceConflicts()
                        .serverSideApply();
            });
        }
    }

    private static PythonApp statusOnly(PythonApp app) {
        PythonApp only = new PythonApp();
        only.setMetadata(new ObjectMetaBuilder()
                .withName(app.getMetadata().getName())
                .withNamespace(app.getMetadata().getNamespace())
                .build());
        only.setStatus(app.getStatus());
        return only;
    }

    private static <T extends HasMetadata> void measure(
            BenchCluster cluster, String request, List<T> items, Consumer<T> send) {
        CpuTimes before = CpuTimes.now(cluster.cp, Map.of());
        long start = System.nanoTime();
        BenchCluster.parallel(items, BenchCluster.OPERATOR_PARALLELISM, send);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        CpuTimes cpu = CpuTimes.now(cluster.cp, Map.of()).minus(before);
        double server = cpu.seconds().get("apiserver") + cpu.seconds().get("etcd");
        BenchResults.append(
                "prices",
                "| date | machine | request | requests | wall | API server + etcd CPU per request"
                        + " | client CPU per request |",
                String.format(
                        "| %s | %s | %d | %s | %.1f ms | %.1f ms |",
                        BenchResults.context(),
                        request,
                        items.size(),
                        BenchResults.seconds(wall),
                        server * 1000 / items.size(),
                        cpu.seconds().get("client") * 1000 / items.size()));
    }
}
