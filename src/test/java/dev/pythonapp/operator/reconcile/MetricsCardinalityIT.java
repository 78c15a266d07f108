package dev.pythonapp.operator.reconcile;

import static dev.pythonapp.operator.testing.Apps.app;
import static dev.pythonapp.operator.testing.Apps.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pythonapp.operator.api.Vocabulary.ConditionType;
import dev.pythonapp.operator.testing.Apps;
import dev.pythonapp.operator.testing.ControlPlaneResource;
import dev.pythonapp.operator.testing.NamespacedIT;
import dev.pythonapp.operator.testing.PrometheusText;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The metrics stay bounded: no series but the documented per-app one carries an app's name or namespace, and more
 * apps add no series (issue #8: JOSDK's per-resource tags once made ~157 series per app).
 */
@QuarkusTest
@QuarkusTestResource(ControlPlaneResource.class)
class MetricsCardinalityIT extends NamespacedIT {
    /** The metrics with a series per app, on purpose (BuilderLifecycleMetrics, README "Metrics"). */
    static final Set<String> PER_APP_METRICS =
            Set.of(BuilderLifecycleMetrics.DAYS_METRIC, BuilderLifecycleMetrics.RUNTIME_DAYS_METRIC);

    @TestHTTPResource("/q/metrics")
    URL metrics;

    PrometheusText scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(metrics.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new PrometheusText(response.body());
    }

    void createAndAwait(List<String> names) {
        names.forEach(name -> Apps.create(client, app(ns, name, "3.11", s -> {})));
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(names)
                        .allSatisfy(name -> assertThat(hasCondition(
                                        Apps.get(client, ns, name), ConditionType.RECONCILED, "True", "Applied"))
                                .as(name)
                                .isTrue()));
    }

    /** The operator's own series (JVM and HTTP series come and go with what the JVM did, not with apps). */
    long operatorSeriesBesidesPerApp(PrometheusText text) {
        return text.series().stream()
                .filter(s -> s.name().startsWith("operator_sdk_") || s.name().startsWith("pythonapp_"))
                .filter(s -> !PER_APP_METRICS.contains(s.name()))
                .count();
    }

    @Test
    void noSeriesCarriesAnAppAndMoreAppsAddNoSeries() throws Exception {
        createAndAwait(List.of("metrics-a", "metrics-b"));
        PrometheusText two = scrape();
        createAndAwait(
                IntStream.rangeClosed(1, 6).mapToObj(i -> "metrics-more-" + i).toList());
        PrometheusText eight = scrape();

        for (PrometheusText text : List.of(two, eight)) {
            assertThat(text.series())
                    .filteredOn(s -> !PER_APP_METRICS.contains(s.name()))
                    .allSatisfy(s -> assertThat(s.labels().values())
                            .as("labels of %s %s", s.name(), s.labels())
                            .doesNotContain(ns)
                            .noneMatch(v -> v.startsWith("metrics-")));
            assertThat(text.series())
                    .filteredOn(s -> s.name().startsWith("operator_sdk_"))
                    .allSatisfy(s -> assertThat(s.labels()).doesNotContainKeys("name", "namespace"));
        }
        // the JOSDK controller-level metrics are there: reconcile timings, outcomes and received events
        assertThat(eight.series())
                .extracting(PrometheusText.Series::name)
                .contains(
                        "operator_sdk_controllers_execution_reconcile_seconds_count",
                        "operator_sdk_reconciliations_started_total",
                        "operator_sdk_events_received_total");
        // Python 3.11's builder has an end-of-life date: one days-until-EOL series per app, the documented exception
        assertThat(eight.series())
                .filteredOn(s -> s.name().equals(BuilderLifecycleMetrics.DAYS_METRIC)
                        && ns.equals(s.labels().get("namespace")))
                .hasSize(8);
        assertThat(operatorSeriesBesidesPerApp(eight))
                .as("operator series besides the per-app metric")
                .isEqualTo(operatorSeriesBesidesPerApp(two));
    }
}
