package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.catalog.BuilderImage;
import dev.pythonapp.operator.eol.BuilderDecision;
import dev.pythonapp.operator.eol.BuilderDecision.BuilderChoice;
import dev.pythonapp.operator.eol.LifecycleAssessment;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Prometheus metrics of image lifecycles, for builders and (apps with spec.runtime) run-time images:
 * {@code pythonapp_builder_apps{state}} and {@code pythonapp_runtime_apps{state}} (apps per state: supported,
 * end_of_life_soon, rewritten, end_of_life, unknown), and {@code pythonapp_builder_days_until_eol{namespace,name,
 * builder}} and {@code pythonapp_runtime_days_until_eol{namespace,name,runtime}} (negative once past end of life).
 *
 * <p>The days gauges are the operator's series per app, on purpose: which app runs on which image, and how long it has
 * left, is the point of the metric (alerts per team). Apps on an image without an end-of-life date have none. Each
 * gauge is registered once per app and image and reads its value at scrape time, so a reconcile costs O(1) here, not
 * a re-registration of every app's series (which made large installs slow, issue #8).
 */
@Singleton
public class BuilderLifecycleMetrics {
    public static final String STATES_METRIC = "pythonapp_builder_apps";
    public static final String DAYS_METRIC = "pythonapp_builder_days_until_eol";
    public static final String RUNTIME_STATES_METRIC = "pythonapp_runtime_apps";
    public static final String RUNTIME_DAYS_METRIC = "pythonapp_runtime_days_until_eol";
    static final List<String> STATES = List.of("end_of_life", "end_of_life_soon", "rewritten", "supported", "unknown");

    /** Deleted apps are dropped at most this often, so a reconcile does not scan every app. */
    private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);

    private final ImageSeries builders;
    private final ImageSeries runtimes;
    private volatile Instant nextPrune = Instant.EPOCH;

    public BuilderLifecycleMetrics(MeterRegistry registry) {
        this.builders = new ImageSeries(registry, STATES_METRIC, DAYS_METRIC, "builder");
        this.runtimes = new ImageSeries(registry, RUNTIME_STATES_METRIC, RUNTIME_DAYS_METRIC, "runtime");
    }

    public void record(String namespace, String name, BuilderDecision decision, LocalDate today) {
        ResourceID id = new ResourceID(name, namespace);
        boolean rewritten = decision.action() == BuilderDecision.Action.BUILD_SUCCESSOR;
        builders.record(id, decision.requested(), decision.lifecycle(), rewritten, today);
        decision.runtime()
                .ifPresentOrElse(
                        r -> runtimes.record(id, r.requested(), r.lifecycle(), rewritten, today),
                        () -> runtimes.forget(id));
    }

    /**
     * Drops apps that no longer exist (the operator has no finalizer, so it is not told of deletions). Runs at most
     * once per {@link #PRUNE_INTERVAL}; says whether it ran, so other per-app bookkeeping can follow it.
     */
    public boolean pruneDeleted(Predicate<ResourceID> exists) {
        Instant now = Instant.now();
        if (now.isBefore(nextPrune)) {
            return false;
        }
        nextPrune = now.plus(PRUNE_INTERVAL);
        builders.pruneDeleted(exists);
        runtimes.pruneDeleted(exists);
        return true;
    }

    /** The state gauges and per-app day gauges of one image role (builder or runtime). */
    private static final class ImageSeries {
        private record AppLifecycle(String state, String image, Long daysUntilEol) {}

        private final MeterRegistry registry;
        private final String daysMetric;
        private final String role;
        private final Map<ResourceID, AppLifecycle> apps = new ConcurrentHashMap<>();
        private final Map<ResourceID, Gauge> dayGauges = new ConcurrentHashMap<>();

        ImageSeries(MeterRegistry registry, String statesMetric, String daysMetric, String role) {
            this.registry = registry;
            this.daysMetric = daysMetric;
            this.role = role;
            for (String state : STATES) {
                Gauge.builder(statesMetric, apps, all -> count(all, state))
                        .description("PythonApps per " + role + " image lifecycle state")
                        .tag("state", state)
                        .register(registry);
            }
        }

        void record(
                ResourceID id,
                BuilderChoice requested,
                LifecycleAssessment lifecycle,
                boolean rewritten,
                LocalDate today) {
            String state = rewritten ? "rewritten" : lifecycle.state().name().toLowerCase(Locale.ROOT);
            Long left = lifecycle
                    .eolDate()
                    .map(d -> ChronoUnit.DAYS.between(today, d))
                    .orElse(null);
            String image = requested.image().map(BuilderImage::name).orElse(requested.reference());
            AppLifecycle next = new AppLifecycle(state, image, left);
            AppLifecycle previous = apps.put(id, next);
            boolean sameSeries = previous != null
                    && previous.image().equals(image)
                    && (previous.daysUntilEol() == null) == (left == null);
            if (!sameSeries) {
                removeDaysGauge(id);
                if (left != null) {
                    // no base unit: Prometheus would append it to the name (..._days_until_eol_days)
                    dayGauges.put(
                            id,
                            Gauge.builder(daysMetric, apps, all -> daysUntilEol(all.get(id)))
                                    .description("Days until the requested " + role + " image reaches end of life")
                                    .tags(Tags.of(
                                            "namespace",
                                            id.getNamespace().orElse(""),
                                            "name",
                                            id.getName(),
                                            role,
                                            image))
                                    .register(registry));
                }
            }
        }

        void forget(ResourceID id) {
            if (apps.remove(id) != null) {
                removeDaysGauge(id);
            }
        }

        void pruneDeleted(Predicate<ResourceID> exists) {
            for (ResourceID id : List.copyOf(apps.keySet())) {
                if (!exists.test(id)) {
                    forget(id);
                }
            }
        }

        private void removeDaysGauge(ResourceID id) {
            Gauge gauge = dayGauges.remove(id);
            if (gauge != null) {
                registry.remove(gauge);
            }
        }

        private static double count(Map<ResourceID, AppLifecycle> all, String state) {
            return all.values().stream().filter(a -> a.state().equals(state)).count();
        }

        private static double daysUntilEol(AppLifecycle app) {
            return app == null || app.daysUntilEol() == null ? Double.NaN : app.daysUntilEol();
        }
    }
}
