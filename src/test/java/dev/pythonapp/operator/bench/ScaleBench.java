package dev.pythonapp.operator.bench;

import static dev.pythonapp.operator.bench.BenchResults.mib;
import static dev.pythonapp.operator.bench.BenchResults.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.testing.PackagedOperator;
import dev.pythonapp.operator.testing.PrometheusText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * N apps (-Dbench.apps, default 1000) against the packaged operator with the shipped JVM settings: convergence time
 * and its ratio to the bare-client baseline, writes per app, writes while idle, metrics series and size, health and
 * metrics answering throughout, heap after GC and RSS. Run with {@code bench/run scale N}.
 */
class ScaleBench {
    static final int APPS = Integer.getInteger("bench.apps", 1000);
    static final Duration IDLE = Duration.ofSeconds(30);

    @Test
    void scale() throws Exception {
        try (BenchCluster cluster = BenchCluster.start("bench-scale")) {
            String baselineNs = cluster.namespace("baseline");
            List<PythonApp> baselineApps = BenchApps.of(baselineNs, APPS);
            CpuTimes beforeBare = CpuTimes.now(cluster.cp, Map.of());
            Duration bare = BareApplyBaseline.run(cluster.admin, baselineApps, BenchCluster.OPERATOR_PARALLELISM);
            CpuTimes bareCpu = CpuTimes.now(cluster.cp, Map.of()).minus(beforeBare);
            // gone before the operator starts: its scan of existing BuildConfigs would otherwise cache N more
            cluster.deleteNamespace(baselineNs, Duration.ofMinutes(10));

            PackagedOperator operator = cluster.startOperator("bench-scale-operator");
            PrometheusText atZero = operator.metrics();
            String ns = cluster.namespace("scale");
            long writesBefore = cluster.operatorWrites();
            Duration converged;
            CpuTimes convergedCpu;
            EndpointWatch watch = new EndpointWatch(operator, Duration.ofSeconds(2));
            try (watch) {
                Map<String, Long> operatorPid = Map.of("operator", operator.pid());
                CpuTimes beforeRun = CpuTimes.now(cluster.cp, operatorPid);
                Instant start = Instant.now();
                cluster.create(BenchApps.of(ns, APPS), BenchCluster.OPERATOR_PARALLELISM);
                Instant last = cluster.awaitConverged(ns, APPS, Duration.ofSeconds(Math.max(300, APPS / 5)));
                converged = Duration.between(start, last);
                convergedCpu = CpuTimes.now(cluster.cp, operatorPid).minus(beforeRun);
                Thread.sleep(IDLE.toMillis());
            }
            long writes = cluster.operatorWrites() - writesBefore;
            // the idle writes are the ones after convergence settled: measure a second, quiet window
            long settled = cluster.operatorWrites();
            long leaseSettled = cluster.leaseWrites();
            Thread.sleep(IDLE.toMillis());
            long idleWrites = cluster.operatorWrites() - settled;
            long leaseRenewals = cluster.leaseWrites() - leaseSettled;
            PrometheusText atN = operator.metrics();
            BenchCluster.Memory memory = BenchCluster.memory(operator);
            BenchCluster.ChildrenCheck children = cluster.children(ns);
            double ratio = converged.toMillis() / (double) bare.toMillis();

            BenchResults.append(
                    "scale",
                    "| date | machine | apps | converged in | bare-client baseline | ratio | writes (per app)"
                            + " | idle writes (30 s) + Lease renewals | reconciles | series at 0 / N apps | /q/metrics at N"
                            + " | scrapes failed | heap after GC | RSS (peak) | missing / orphans"
                            + " | CPU: baseline / converging |",
                    String.format(
                            "| %s | %d | %s | %s | %.2f | %d (%.1f) | %d + %d | %.0f | %d / %d | %s | %d of %d | %s | %s (%s)"
                                    + " | %d / %d | %s / %s |",
                            BenchResults.context(),
                            APPS,
                            seconds(converged),
                            seconds(bare),
                            ratio,
                            writes,
                            writes / (double) APPS,
                            idleWrites,
                            leaseRenewals,
                            atN.sum("pythonapp_reconciliations_total"),
                            atZero.series().size(),
                            atN.series().size(),
                            String.format("%.0f KiB", atN.bytes() / 1024.0),
                            watch.failures().size(),
                            watch.requests(),
                            mib(memory.heapAfterGcBytes()),
                            mib(memory.rssBytes()),
                            mib(memory.peakRssBytes()),
                            children.missing(),
                            children.orphans(),
                            bareCpu.summary(),
                            convergedCpu.summary()));

            assertThat(children.clean()).as("every child present, no orphan").isTrue();
            assertThat(idleWrites).as("writes while idle").isZero();
            assertThat(watch.failures()).as("/q/metrics and health answers").isEmpty();
            assertThat(memory.peakRssBytes())
                    .as("peak RSS within the memory limit")
                    .isLessThan(ShippedJvm.memoryLimitBytes());
            assertThat(operator.isAlive()).isTrue();
        }
    }
}
