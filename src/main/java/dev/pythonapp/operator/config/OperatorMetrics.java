package dev.pythonapp.operator.config;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The java-operator-sdk metrics, per controller only. Quarkus Operator SDK's default (a {@code @DefaultBean}) tags
 * every reconcile timer and counter with the resource's name and namespace: about 157 series per PythonApp, 42 MB
 * of {@code /q/metrics} at 1,000 apps, and out of memory at 2,000 (issue #8). Without those tags the series count no
 * longer grows with the number of apps; README "Metrics" lists what remains. The one per-app series the operator
 * keeps on purpose is {@code pythonapp_builder_days_until_eol} (BuilderLifecycleMetrics).
 */
@Singleton
public class OperatorMetrics {

    @Produces
    @Singleton
    Metrics controllerLevelMetrics(MeterRegistry registry) {
        return MicrometerMetrics.withoutPerResourceMetrics(registry);
    }
}
