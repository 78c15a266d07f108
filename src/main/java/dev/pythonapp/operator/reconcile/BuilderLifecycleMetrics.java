package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.catalog.BuilderImage;
import dev.pythonapp.operator.eol.BuilderDecision;
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
 * Prometheus metrics of builder lifecycles:
 * {@code pythonapp_builder_apps{state}} (apps per state: supported, end_of_life_soon, rewritten, end_of_life,
 * unknown) and {@code pythonapp_builder_days_until_eol{namespace,name,builder}} (negative once past end of life).
 *
 * <p>The days gauge is the operator's one series per app, on purpose: which app runs on which builder, and how
 * long it has left, is the point of the metric (alerts per team). Apps on a builder without an end-of-life date
 * have none. Each gauge is registered once per app and builder and reads its value at scrape time, so a reconcile
 * costs O(1) here, not a re-registration of every app's series (which made large installs slow, issue #8).
 */
@Singleton
public class BuilderLifecycleMetrics {
    public static final String STATES_METRIC = "pythonapp_builder_apps";
    public static final String DAYS_METRIC = "pythonapp_builder_days_until_eol";
    static final List<String> STATES = List.of("end_of_life", "end_of_life_soon", "rewritten", "supported", "unknown");

    private record AppLifecycle(String state, String builder, Long daysUntilEol) {}

    /** Deleted apps are dropped at most this often, so a reconcile does not scan every app. */
    private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);

    private final MeterRegistry registry;
    private final Map<ResourceID, AppLifecycle> apps = new ConcurrentHashMap<>();
    private final Map<ResourceID, Gauge> dayGauges = new ConcurrentHashMap<>();
    private volatile Instant nextPrune = Instant.EPOCH;

    public BuilderLifecycleMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String state : STATES) {
            Gauge.builder(STATES_METRIC, apps, all -> count(all, state))
                    .description("PythonApps per builder lifecycle state")
                    .tag("state", state)
                    .register(registry);
        }
    }

    public void record(String namespace, String name, BuilderDecision decision, LocalDate today) {
        String state = decision.action() == BuilderDecision.Action.BUILD_SUCCESSOR
                ? "rewritten"
                : decision.state().name().toLowerCase(Locale.ROOT);
        Long left =
                decision.eolDate().map(d -> ChronoUnit.DAYS.between(today, d)).orElse(null);
        String builder = decision.requested()
                .image()
                .map(BuilderImage::name)
                .orElse(decision.requested().reference());
        ResourceID id = new ResourceID(name, namespace);
        AppLifecycle next = new AppLifecycle(state, builder, left);
        AppLifecycle previous = apps.put(id, next);
        boolean sameSeries = previous != null
                && previous.builder().equals(builder)
                && (previous.daysUntilEol() == null) == (left == null);
        if (!sameSeries) {
            removeDaysGauge(id);
            if (left != null) {
                // no base unit: Prometheus would append it to the name (..._days_until_eol_days)
                dayGauges.put(
                        id,
                        Gauge.builder(DAYS_METRIC, apps, all -> daysUntilEol(all.get(id)))
                                .description("Days until the requested builder image reaches end of life")
                                .tags(Tags.of("namespace", namespace, "name", name, "builder", builder))
                                .register(registry));
            }
        }
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
        for (ResourceID id : List.copyOf(apps.keySet())) {
            if (!exists.test(id)) {
                apps.remove(id);
                removeDaysGauge(id);
            }
        }
        return true;
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
