package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.catalog.BuilderImage;
import dev.pythonapp.operator.eol.BuilderDecision;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Prometheus metrics of builder lifecycles:
 * {@code pythonapp_builder_apps{state}} (apps per state: supported, end_of_life_soon, rewritten, end_of_life,
 * unknown) and {@code pythonapp_builder_days_until_eol{namespace,name,builder}} (negative once past end of life).
 */
@Singleton
public class BuilderLifecycleMetrics {
    public static final String STATES_METRIC = "pythonapp_builder_apps";
    public static final String DAYS_METRIC = "pythonapp_builder_days_until_eol";
    private static final Set<String> STATES =
            Set.of("supported", "end_of_life_soon", "rewritten", "end_of_life", "unknown");

    private record AppLifecycle(String namespace, String name, String state, String builder, Long daysUntilEol) {}

    /** Deleted apps are dropped at most this often, so a reconcile does not scan every app. */
    private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);

    private final Map<ResourceID, AppLifecycle> apps = new ConcurrentHashMap<>();
    private volatile Instant nextPrune = Instant.EPOCH;
    private final MultiGauge states;
    private final MultiGauge days;

    public BuilderLifecycleMetrics(MeterRegistry registry) {
        this.states = MultiGauge.builder(STATES_METRIC)
                .description("PythonApps per builder lifecycle state")
                .register(registry);
        // no base unit: Prometheus would append it to the name (..._days_until_eol_days)
        this.days = MultiGauge.builder(DAYS_METRIC)
                .description("Days until the requested builder image reaches end of life")
                .register(registry);
        publish();
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
        apps.put(new ResourceID(name, namespace), new AppLifecycle(namespace, name, state, builder, left));
        publish();
    }

    /**
     * Drops apps that no longer exist (the operator has no finalizer, so it is not told of deletions). Runs at most
     * once per {@link #PRUNE_INTERVAL}.
     */
    public void pruneDeleted(Predicate<ResourceID> exists) {
        Instant now = Instant.now();
        if (now.isBefore(nextPrune)) {
            return;
        }
        nextPrune = now.plus(PRUNE_INTERVAL);
        if (apps.keySet().removeIf(id -> !exists.test(id))) {
            publish();
        }
    }

    private synchronized void publish() {
        Map<String, Long> counts =
                apps.values().stream().collect(Collectors.groupingBy(AppLifecycle::state, Collectors.counting()));
        states.register(
                STATES.stream()
                        .sorted()
                        .map(s -> MultiGauge.Row.of(Tags.of("state", s), counts.getOrDefault(s, 0L)))
                        .collect(Collectors.toList()),
                true);
        days.register(
                apps.values().stream()
                        .filter(a -> a.daysUntilEol() != null)
                        .map(a -> MultiGauge.Row.of(
                                Tags.of("namespace", a.namespace(), "name", a.name(), "builder", a.builder()),
                                a.daysUntilEol()))
                        .collect(Collectors.toList()),
                true);
    }
}
