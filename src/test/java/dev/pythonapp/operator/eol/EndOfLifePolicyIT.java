package dev.pythonapp.operator.eol;

import static dev.pythonapp.operator.testing.Apps.app;
import static dev.pythonapp.operator.testing.Apps.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pythonapp.operator.api.BuilderSpec;
import dev.pythonapp.operator.api.EolPolicy;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.Vocabulary.ConditionType;
import dev.pythonapp.operator.config.OperatorClock;
import dev.pythonapp.operator.testing.Apps;
import dev.pythonapp.operator.testing.ControlPlaneResource;
import dev.pythonapp.operator.testing.NamespacedIT;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.ImageStream;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** End-of-life builders under Rewrite, Warn and Block, and the warn-ahead window, on the real control plane. */
@QuarkusTest
@QuarkusTestResource(ControlPlaneResource.class)
class EndOfLifePolicyIT extends NamespacedIT {
    static final String PYTHON_38 = "registry.access.redhat.com/ubi8/python-38:latest";
    static final String PYTHON_312_UBI8 = "registry.access.redhat.com/ubi8/python-312:latest";

    @Inject
    OperatorClock clock;

    @Inject
    MeterRegistry registry;

    @AfterEach
    void systemClock() {
        clock.pin(null);
    }

    PythonApp python38OnUbi8(String name, EolPolicy policy) {
        return Apps.create(client, app(ns, name, "3.8", s -> {
            s.builder = new BuilderSpec();
            s.builder.os = BuilderSpec.Os.UBI8;
            s.eolPolicy = policy;
        }));
    }

    PythonApp awaitBuilderSupported(String name, String status, String reason) {
        await().atMost(TIMEOUT)
                .until(() -> hasCondition(Apps.get(client, ns, name), ConditionType.BUILDER_SUPPORTED, status, reason)
                        && hasCondition(Apps.get(client, ns, name), ConditionType.RECONCILED, "True", "Applied"));
        return Apps.get(client, ns, name);
    }

    String builderOf(String name) {
        return client.resources(ImageStream.class)
                .inNamespace(ns)
                .withName(name)
                .get()
                .getSpec()
                .getTags()
                .get(0)
                .getFrom()
                .getName();
    }

    List<Event> events(String name, String reason) {
        return client.v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason()))
                .toList();
    }

    @Test
    void rewriteBuildsWithTheSuccessorAndLeavesTheSpecAlone() {
        PythonApp created = python38OnUbi8("legacy", null);
        PythonApp app = awaitBuilderSupported("legacy", "True", "Rewritten");

        assertThat(builderOf("legacy")).isEqualTo(PYTHON_312_UBI8);
        assertThat(client.resources(BuildConfig.class)
                        .inNamespace(ns)
                        .withName("legacy")
                        .get()
                        .getMetadata()
                        .getLabels())
                .containsEntry("app.openshift.io/runtime-version", "3.12");
        assertThat(app.getStatus().builder.rewrittenFrom).isEqualTo(PYTHON_38);
        assertThat(app.getStatus().builder.requestedImage).isEqualTo(PYTHON_38);
        assertThat(app.getStatus().builder.image).isEqualTo(PYTHON_312_UBI8);
        assertThat(app.getStatus().builder.eolDate).isEqualTo("2023-05-31");
        assertThat(Apps.conditionMessage(app, ConditionType.BUILDER_SUPPORTED))
                .contains("ubi8/python-38", "2023-05-31", "vendor basis", "ubi8/python-312");
        // the spec is exactly what the user wrote
        assertThat(app.getSpec().pythonVersion).isEqualTo("3.8");
        assertThat(app.getSpec().builder.os).isEqualTo(BuilderSpec.Os.UBI8);
        assertThat(app.getSpec().eolPolicy).isNull();
        assertThat(app.getMetadata().getGeneration())
                .isEqualTo(created.getMetadata().getGeneration());
        await().atMost(TIMEOUT)
                .until(() -> !events("legacy", "BuilderRewritten").isEmpty());
        assertThat(events("legacy", "BuilderRewritten").get(0).getType()).isEqualTo("Normal");
        assertThat(registry.get("pythonapp_builder_days_until_eol")
                        .tag("namespace", ns)
                        .tag("name", "legacy")
                        .gauge()
                        .value())
                .isNegative();
        assertThat(registry.get("pythonapp_builder_apps")
                        .tag("state", "rewritten")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void warnKeepsTheEndOfLifeBuilderAndReportsIt() {
        python38OnUbi8("warned", EolPolicy.Warn);
        PythonApp app = awaitBuilderSupported("warned", "False", "EndOfLife");

        assertThat(builderOf("warned")).isEqualTo(PYTHON_38);
        assertThat(app.getStatus().builder.image).isEqualTo(PYTHON_38);
        assertThat(app.getStatus().builder.rewrittenFrom).isNull();
        assertThat(Apps.conditionMessage(app, ConditionType.BUILDER_SUPPORTED))
                .contains("reached end of life on 2023-05-31", "policy Warn", "successor: ubi8/python-312");
        await().atMost(TIMEOUT)
                .until(() -> !events("warned", "BuilderEndOfLife").isEmpty());
        assertThat(events("warned", "BuilderEndOfLife").get(0).getType()).isEqualTo("Warning");
        assertThat(client.resources(BuildConfig.class)
                        .inNamespace(ns)
                        .withName("warned")
                        .get()
                        .getMetadata()
                        .getAnnotations())
                .doesNotContainKey("openshift.io/build-config.paused");
    }

    @Test
    void blockPausesTheBuildConfigAndLeavesTheDeploymentAlone() {
        python38OnUbi8("blocked", EolPolicy.Warn);
        awaitBuilderSupported("blocked", "False", "EndOfLife");
        Deployment before =
                client.apps().deployments().inNamespace(ns).withName("blocked").get();

        client.resources(PythonApp.class).inNamespace(ns).withName("blocked").edit(a -> {
            a.getSpec().eolPolicy = EolPolicy.Block;
            return a;
        });
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(client.resources(BuildConfig.class)
                                .inNamespace(ns)
                                .withName("blocked")
                                .get()
                                .getMetadata()
                                .getAnnotations())
                        .containsEntry("openshift.io/build-config.paused", "true"));
        PythonApp app = awaitBuilderSupported("blocked", "False", "EndOfLife");
        assertThat(app.getMetadata().getGeneration()).isEqualTo(2L);
        assertThat(Apps.conditionMessage(app, ConditionType.BUILDER_SUPPORTED))
                .contains("new builds are blocked", "Deployment is left alone");
        Deployment after =
                client.apps().deployments().inNamespace(ns).withName("blocked").get();
        assertThat(after.getMetadata().getResourceVersion())
                .isEqualTo(before.getMetadata().getResourceVersion());
    }

    @Test
    void warnsAheadWithinTheWindow() {
        clock.pin(LocalDate.of(2027, 4, 30).minusDays(60));
        Apps.create(client, app(ns, "soon", "3.12", s -> {
            s.builder = new BuilderSpec();
            s.builder.os = BuilderSpec.Os.UBI9;
        }));
        PythonApp app = awaitBuilderSupported("soon", "True", "EndOfLifeSoon");
        assertThat(Apps.conditionMessage(app, ConditionType.BUILDER_SUPPORTED))
                .contains("ubi9/python-312", "2027-04-30", "in 60 days", "successor: ubi9/python-314");
        assertThat(builderOf("soon")).isEqualTo("registry.access.redhat.com/ubi9/python-312:latest");
        await().atMost(TIMEOUT)
                .until(() -> !events("soon", "BuilderEndOfLifeSoon").isEmpty());
    }
}
