package dev.pythonapp.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.testing.EveryVersion;
import dev.pythonapp.operator.testing.PackagedOperator;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.openshift.api.model.BuildConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Edit-to-BuildConfig latency: with N apps (-Dbench.apps, default 1000) converged and the operator idle, change
 * {@code spec.source.git.ref} of one app at a time (-Dbench.edits, default 200) and time until the BuildConfig
 * carries the new ref, seen through a watch. Run with {@code bench/run latency}.
 */
class LatencyBench {
    static final int APPS = Integer.getInteger("bench.apps", 1000);
    static final int EDITS = Integer.getInteger("bench.edits", 200);

    @Test
    void editToBuildConfig() throws Exception {
        try (BenchCluster cluster = BenchCluster.start("bench-latency")) {
            PackagedOperator operator = cluster.startOperator("bench-latency-operator");
            String ns = cluster.namespace("latency");
            List<PythonApp> apps = BenchApps.of(ns, APPS);
            cluster.create(apps, BenchCluster.OPERATOR_PARALLELISM);
            cluster.awaitConverged(ns, APPS, Duration.ofSeconds(Math.max(300, APPS / 5)));
            Thread.sleep(10_000);

            Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
            ResourceEventHandler<BuildConfig> handler = EveryVersion.of(bc -> {
                String ref = bc.getSpec().getSource().getGit().getRef();
                CountDownLatch latch = waiting.remove(bc.getMetadata().getName() + "@" + ref);
                if (latch != null) {
                    latch.countDown();
                }
            });
            List<Long> micros = new ArrayList<>();
            try (SharedIndexInformer<BuildConfig> informer =
                    cluster.admin.resources(BuildConfig.class).inNamespace(ns).inform(handler)) {
                for (int i = 0; i < EDITS; i++) {
                    String name = apps.get((i * 7) % APPS).getMetadata().getName();
                    String ref = "bench-" + i;
                    CountDownLatch latch = new CountDownLatch(1);
                    waiting.put(name + "@" + ref, latch);
                    long start = System.nanoTime();
                    cluster.admin
                            .resources(PythonApp.class)
                            .inNamespace(ns)
                            .withName(name)
                            .patch(
                                    PatchContext.of(PatchType.JSON_MERGE),
                                    "{\"spec\":{\"source\":{\"git\":{\"ref\":\"" + ref + "\"}}}}");
                    assertThat(latch.await(30, TimeUnit.SECONDS))
                            .as("BuildConfig %s got ref %s", name, ref)
                            .isTrue();
                    micros.add((System.nanoTime() - start) / 1000);
                    Thread.sleep(50);
                }
            }
            List<Long> sorted = micros.stream().sorted().toList();
            double p50 = percentile(sorted, 0.50);
            double p99 = percentile(sorted, 0.99);
            double max = sorted.get(sorted.size() - 1) / 1000.0;
            BenchResults.append(
                    "latency",
                    "| date | machine | apps | edits | p50 | p99 | max |",
                    String.format(
                            "| %s | %d | %d | %.0f ms | %.0f ms | %.0f ms |",
                            BenchResults.context(), APPS, EDITS, p50, p99, max));
            assertThat(operator.isAlive()).isTrue();
            assertThat(p99).as("p99 edit-to-BuildConfig in ms").isLessThanOrEqualTo(500);
        }
    }

    /** Nearest-rank percentile of sorted microseconds, in milliseconds. */
    static double percentile(List<Long> sortedMicros, double p) {
        int rank = (int) Math.ceil(p * sortedMicros.size());
        return sortedMicros.get(Math.max(0, rank - 1)) / 1000.0;
    }
}
