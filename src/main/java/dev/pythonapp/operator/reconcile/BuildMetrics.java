package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.build.BuildPhase;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Prometheus metrics of builds, with bounded labels (no per-app series): {@code pythonapp_builds{phase}}, the number
 * of apps whose latest build is in each phase, and {@code pythonapp_build_requests_total{outcome}}, the builds the
 * operator requested (requested, not_served).
 */
@Singleton
public class BuildMetrics {
    public static final String PHASES_METRIC = "pythonapp_builds";
    public static final String REQUESTS_METRIC = "pythonapp_build_requests_total";

    private final Map<ResourceID, String> latestPhase = new ConcurrentHashMap<>();
    private final Counter requested;
    private final Counter notServed;

    public BuildMetrics(MeterRegistry registry) {
        for (BuildPhase phase : BuildPhase.values()) {
            Gauge.builder(
                            PHASES_METRIC,
                            latestPhase,
                            all -> all.values().stream()
                                    .filter(phase.id()::equals)
                                    .count())
                    .description("PythonApps whose latest build is in this phase")
                    .tag("phase", phase.id())
                    .register(registry);
        }
        requested = request(registry, "requested");
        notServed = request(registry, "not_served");
    }

    private static Counter request(MeterRegistry registry, String outcome) {
        return Counter.builder(REQUESTS_METRIC)
                .description("Builds the operator requested because build inputs or the rebuild annotation changed")
                .tag("outcome", outcome)
                .register(registry);
    }

    public void latestBuild(ResourceID app, String phase) {
        if (phase == null) {
            latestPhase.remove(app);
        } else {
            latestPhase.put(app, phase);
        }
    }

    public void requested(boolean served) {
        (served ? requested : notServed).increment();
    }

    /** Forgets deleted apps (called with the same schedule as the lifecycle metrics' pruning). */
    public void pruneDeleted(Predicate<ResourceID> exists) {
        latestPhase.keySet().removeIf(id -> !exists.test(id));
    }
}
