package dev.pythonapp.operator.bench;

import dev.pythonapp.operator.testing.PackagedOperator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes /q/metrics and asks /q/health/live and /q/health/ready every few seconds while a benchmark runs, the way
 * Prometheus and the kubelet would, and records every answer that was not a 200.
 */
final class EndpointWatch implements AutoCloseable {
    static final List<String> PATHS = List.of("/q/metrics", "/q/health/live", "/q/health/ready");

    private final PackagedOperator operator;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private volatile int requests;
    private volatile long slowestMillis;
    private volatile long largestMetricsBytes;

    EndpointWatch(PackagedOperator operator, Duration interval) {
        this.operator = operator;
        timer.scheduleWithFixedDelay(this::probe, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probe() {
        for (String path : PATHS) {
            long start = System.nanoTime();
            HttpResponse<String> response = operator.get(path);
            long millis = (System.nanoTime() - start) / 1_000_000;
            requests++;
            slowestMillis = Math.max(slowestMillis, millis);
            if (response == null || response.statusCode() != 200) {
                failures.add(path + " -> " + (response == null ? "no answer" : response.statusCode()));
            } else if (path.equals("/q/metrics")) {
                largestMetricsBytes =
                        Math.max(largestMetricsBytes, response.body().length());
            }
        }
    }

    int requests() {
        return requests;
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    long slowestMillis() {
        return slowestMillis;
    }

    long largestMetricsBytes() {
        return largestMetricsBytes;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
