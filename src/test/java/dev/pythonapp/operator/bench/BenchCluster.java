package dev.pythonapp.operator.bench;

import static org.awaitility.Awaitility.await;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.testing.AuditLog;
import dev.pythonapp.operator.testing.ControlPlane;
import dev.pythonapp.operator.testing.EveryVersion;
import dev.pythonapp.operator.testing.PackagedOperator;
import dev.pythonapp.operator.testing.ProjectCrds;
import dev.pythonapp.operator.testing.TestNamespaces;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A benchmark's world: its own real control plane (the same hack/control-plane the integration tests use), packaged
 * operators started with the shipped JVM settings, and the measurements every benchmark takes: convergence, writes
 * from the audit log, children and orphans, events, memory.
 */
final class BenchCluster implements AutoCloseable {
    static final List<Class<? extends HasMetadata>> CHILDREN =
            List.of(ImageStream.class, BuildConfig.class, Deployment.class, Service.class, Route.class);
    /** The operator's concurrent reconciles (application.properties): the baseline uses as many threads. */
    static final int OPERATOR_PARALLELISM = reconcileThreads();

    final ControlPlane cp;
    final KubernetesClient admin;
    private final List<PackagedOperator> operators = new ArrayList<>();

    private BenchCluster(ControlPlane cp) {
        this.cp = cp;
        this.admin = cp.adminClient();
    }

    static BenchCluster start(String name) {
        BenchCluster cluster = new BenchCluster(ControlPlane.isolated(name));
        ProjectCrds.install(cluster.admin);
        TestNamespaces.ensure(cluster.admin, PackagedOperator.DEFAULT_NAMESPACE);
        return cluster;
    }

    PackagedOperator startOperator(String name) {
        return startOperator(new PackagedOperator.Launch(name, cp.operatorKubeconfig()));
    }

    PackagedOperator startOperator(PackagedOperator.Launch launch) {
        PackagedOperator operator = launch.jvm(ShippedJvm.options())
                .env("MALLOC_ARENA_MAX", ShippedJvm.env("MALLOC_ARENA_MAX"))
                .start();
        operators.add(operator);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!operator.isAlive()) {
                        throw new IllegalStateException(operator.name() + " exited; log " + operator.log());
                    }
                    return operator.answers("/q/health/ready");
                });
        return operator;
    }

    String namespace(String prefix) {
        return TestNamespaces.create(admin, prefix);
    }

    /** Deletes a namespace and waits until kube-controller-manager has removed it with everything in it. */
    void deleteNamespace(String ns, Duration timeout) {
        admin.namespaces().withName(ns).delete();
        await().atMost(timeout)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> admin.namespaces().withName(ns).get() == null);
    }

    /** Creates the apps from {@code threads} client threads. */
    void create(List<PythonApp> apps, int threads) {
        parallel(apps, threads, app -> admin.resource(app).create());
    }

    /** Runs {@code task} for each item on a pool of {@code threads}; fails on the first failure. */
    static <T> void parallel(Collection<T> items, int threads, Consumer<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures =
                    items.stream().map(i -> pool.submit(() -> task.accept(i))).collect(Collectors.toList());
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Watches the namespace's PythonApps until {@code count} of them report Reconciled=True for their current
     * generation; returns when the last one did.
     */
    Instant awaitConverged(String ns, int count, Duration timeout) {
        Set<String> converged = ConcurrentHashMap.newKeySet();
        Map<String, Instant> when = new ConcurrentHashMap<>();
        ResourceEventHandler<PythonApp> handler = new EveryVersion<PythonApp>(
                app -> {
                    if (!reconciled(app)) {
                        converged.remove(app.getMetadata().getName());
                    } else if (converged.add(app.getMetadata().getName())) {
                        when.put(app.getMetadata().getName(), Instant.now());
                    }
                },
                app -> converged.remove(app.getMetadata().getName()));
        try (SharedIndexInformer<PythonApp> informer =
                admin.resources(PythonApp.class).inNamespace(ns).inform(handler)) {
            await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> converged.size() >= count);
        }
        return when.values().stream().max(Instant::compareTo).orElseThrow();
    }

    static boolean reconciled(PythonApp app) {
        if (app.getStatus() == null || app.getStatus().conditions == null) {
            return false;
        }
        long generation = app.getMetadata().getGeneration();
        return app.getStatus().conditions.stream()
                .anyMatch(c ->
                        "Reconciled".equals(c.getType()) && "True".equals(c.getStatus()) && observed(c) == generation);
    }

    private static long observed(Condition c) {
        return c.getObservedGeneration() == null ? -1 : c.getObservedGeneration();
    }

    /**
     * Write requests of the operator identity so far (kube-apiserver audit log), without the leader's Lease renewals
     * (one every retry period, counted by {@link #leaseWrites()}).
     */
    long operatorWrites() {
        return AuditLog.writesBy(cp.auditLog(), AuditLog.OPERATOR_USER).stream()
                .filter(w -> !w.contains("/leases/"))
                .count();
    }

    long leaseWrites() {
        return AuditLog.writesBy(cp.auditLog(), AuditLog.OPERATOR_USER).stream()
                .filter(w -> w.contains("/leases/"))
                .count();
    }

    /**
     * Writes of objects by any of these users so far: without the start-up access reviews (JOSDK's Lease and RBAC
     * checks create SelfSubjectAccessReviews and SelfSubjectRulesReviews, which change nothing) and Lease updates.
     */
    Map<String, Long> writesByUser(Set<String> users) {
        Map<String, Long> counts = new HashMap<>();
        for (String user : users) {
            counts.put(
                    user,
                    AuditLog.writesBy(cp.auditLog(), user).stream()
                            .filter(w -> !w.contains("/selfsubject") && !w.contains("/leases/"))
                            .count());
        }
        return counts;
    }

    /** Children that should exist and do not, and operator-labelled children whose app is gone. */
    record ChildrenCheck(int missing, int orphans) {
        boolean clean() {
            return missing == 0 && orphans == 0;
        }
    }

    ChildrenCheck children(String ns) {
        Map<String, String> appUids = admin.resources(PythonApp.class).inNamespace(ns).list().getItems().stream()
                .collect(Collectors.toMap(
                        a -> a.getMetadata().getName(), a -> a.getMetadata().getUid()));
        int missing = 0;
        int orphans = 0;
        for (Class<? extends HasMetadata> type : CHILDREN) {
            Map<String, HasMetadata> byName = admin
                    .resources(type)
                    .inNamespace(ns)
                    .withLabel("app.kubernetes.io/managed-by", "pythonapp-operator")
                    .list()
                    .getItems()
                    .stream()
                    .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c));
            missing += (int) appUids.keySet().stream()
                    .filter(name -> !byName.containsKey(name))
                    .count();
            orphans += (int) byName.values().stream()
                    .filter(child -> !appUids.containsValue(controllerUid(child)))
                    .count();
        }
        return new ChildrenCheck(missing, orphans);
    }

    private static String controllerUid(HasMetadata child) {
        return child.getMetadata().getOwnerReferences().stream()
                .filter(r -> Boolean.TRUE.equals(r.getController()))
                .map(OwnerReference::getUid)
                .findFirst()
                .orElse("");
    }

    /** Events in the namespace, counted by their {@code count} field (repeats of one event add up there). */
    long events(String ns) {
        return admin.v1().events().inNamespace(ns).list().getItems().stream()
                .mapToLong(e -> e.getCount() == null ? 1 : e.getCount())
                .sum();
    }

    /** Heap in use after a full GC (jcmd GC.run, then the JVM's own gauge) and the process RSS and peak RSS. */
    record Memory(long heapAfterGcBytes, long rssBytes, long peakRssBytes) {}

    static Memory memory(PackagedOperator operator) {
        try {
            Process gc = new ProcessBuilder("jcmd", String.valueOf(operator.pid()), "GC.run")
                    .redirectErrorStream(true)
                    .start();
            gc.getInputStream().readAllBytes();
            gc.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        histogram(operator);
        double heap = operator.metrics().series().stream()
                .filter(s -> s.name().equals("jvm_memory_used_bytes")
                        && "heap".equals(s.labels().get("area")))
                .mapToDouble(s -> s.value())
                .sum();
        Map<String, Long> status = procStatus(operator.pid());
        return new Memory((long) heap, status.get("VmRSS"), status.get("VmHWM"));
    }

    /** The live heap by class (after the full GC above), in target/NAME-histogram.txt, to see what holds memory. */
    static void histogram(PackagedOperator operator) {
        try {
            new ProcessBuilder("jcmd", String.valueOf(operator.pid()), "GC.class_histogram")
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", operator.name() + "-histogram.txt")
                            .toFile())
                    .start()
                    .waitFor(120, TimeUnit.SECONDS);
            // -Dbench.heapdump=true: also a heap dump, to find what holds the objects the histogram counts
            if (Boolean.getBoolean("bench.heapdump")) {
                new ProcessBuilder(
                                "jcmd",
                                String.valueOf(operator.pid()),
                                "GC.heap_dump",
                                Path.of("target", operator.name() + ".hprof")
                                        .toAbsolutePath()
                                        .toString())
                        .redirectErrorStream(true)
                        .start()
                        .waitFor(300, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long peakRss(PackagedOperator operator) {
        return procStatus(operator.pid()).get("VmHWM");
    }

    private static Map<String, Long> procStatus(long pid) {
        try {
            Map<String, Long> values = new HashMap<>();
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                String[] parts = line.split(":\\s+");
                if (parts.length == 2 && parts[1].endsWith(" kB")) {
                    values.put(
                            parts[0], Long.parseLong(parts[1].replace(" kB", "").trim()) * 1024);
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the operators this cluster started. */
    void stopOperators() {
        operators.forEach(PackagedOperator::close);
        operators.clear();
    }

    @Override
    public void close() {
        stopOperators();
        cp.stop();
    }

    private static int reconcileThreads() {
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            var properties = new java.util.Properties();
            properties.load(in);
            return Integer.parseInt(properties.getProperty("quarkus.operator-sdk.concurrent-reconciliation-threads"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
