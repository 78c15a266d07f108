package dev.pythonapp.operator.reconcile;

import static dev.pythonapp.operator.testing.Fixtures.CATALOG_DAY;
import static dev.pythonapp.operator.testing.Fixtures.app;
import static dev.pythonapp.operator.testing.Fixtures.decide;
import static dev.pythonapp.operator.testing.Fixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pythonapp.operator.api.BuildReport;
import dev.pythonapp.operator.api.BuilderSpec;
import dev.pythonapp.operator.api.EolPolicy;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.PythonAppStatus;
import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import dev.pythonapp.operator.api.Vocabulary.EventReason;
import dev.pythonapp.operator.build.BuildVerdict;
import dev.pythonapp.operator.eol.BuilderDecision;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reconcile outcomes to status, without a cluster. */
class StatusAggregatorTest {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant T1 = Instant.parse("2026-11-23T10:05:00Z");

    static final BuilderDecision SUPPORTED =
            decide(app("a").pythonVersion("3.12").spec(), CATALOG_DAY);
    static final BuilderDecision REWRITTEN = decide(
            policy(EolPolicy.Rewrite),
            app("a").pythonVersion("3.8").os(BuilderSpec.Os.UBI8).spec(),
            CATALOG_DAY);
    static final BuilderDecision PAUSED = decide(
            policy(EolPolicy.Block),
            app("a").pythonVersion("3.8").os(BuilderSpec.Os.UBI8).spec(),
            CATALOG_DAY);

    static List<Object> conditions(PythonAppStatus status) {
        return status.conditions.stream()
                .map(c -> (Object) tuple(c.getType(), c.getStatus(), c.getReason()))
                .toList();
    }

    static Condition condition(PythonAppStatus status, String type) {
        return status.conditions.stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .orElseThrow();
    }

    static PythonAppStatus appliedAndAvailable(PythonAppStatus previous, BuilderDecision decision, Instant now) {
        return new StatusAggregator(previous, 3, now)
                .builderDecided(decision)
                .applied(true)
                .deployment(Optional.empty(), Optional.empty(), true)
                .build();
    }

    @Test
    void anAppliedAvailableAppIsReconciledReadyAndSupported() {
        PythonAppStatus status = appliedAndAvailable(null, SUPPORTED, T0);

        assertThat(status.observedGeneration).isEqualTo(3L);
        assertThat(status.conditions)
                .extracting(Condition::getType, Condition::getStatus, Condition::getReason)
                .containsExactly(
                        tuple("Reconciled", "True", "Applied"),
                        tuple("Ready", "True", "Available"),
                        tuple("BuilderSupported", "True", "Supported"));
        assertThat(status.conditions).allSatisfy(c -> {
            assertThat(c.getObservedGeneration()).isEqualTo(3L);
            assertThat(c.getLastTransitionTime()).isEqualTo(T0.toString());
        });
        assertThat(condition(status, "Reconciled").getMessage())
                .isEqualTo("ImageStream, BuildConfig, Deployment, Service and Route are applied for generation 3");
        assertThat(condition(status, "BuilderSupported").getMessage()).isEqualTo(SUPPORTED.message());
        assertThat(status.builder.image).isEqualTo("registry.access.redhat.com/ubi9/python-312:latest");
        assertThat(status.builder.requestedImage).isEqualTo(status.builder.image);
        assertThat(status.builder.eolDate).isEqualTo("2027-04-30");
        assertThat(status.builder.eolBasis).isEqualTo("vendor");
        assertThat(status.builder.rewrittenFrom).isNull();
    }

    @Test
    void aReconcileThatFindsNothingNewChangesNothing() {
        PythonAppStatus first = appliedAndAvailable(null, REWRITTEN, T0);
        StatusAggregator again = new StatusAggregator(first, 3, T1)
                .builderDecided(REWRITTEN)
                .applied(true)
                .deployment(Optional.empty(), Optional.empty(), true);
        assertThat(again.changed()).isFalse();
        assertThat(again.builderEvent()).isEmpty();
        assertThat(again.build()).isEqualTo(first);
    }

    @Test
    void aRewriteReportsTheSuccessorAndIsAnnouncedOnce() {
        StatusAggregator status = new StatusAggregator(null, 1, T0).builderDecided(REWRITTEN);
        assertThat(status.builderEvent()).contains(EventReason.BUILDER_REWRITTEN);
        PythonAppStatus built = status.build();
        assertThat(built.builder.image).isEqualTo("registry.access.redhat.com/ubi8/python-312:latest");
        assertThat(built.builder.rewrittenFrom)
                .isEqualTo(built.builder.requestedImage)
                .isEqualTo("registry.access.redhat.com/ubi8/python-38:latest");
        assertThat(condition(built, "BuilderSupported").getReason()).isEqualTo("Rewritten");
        assertThat(condition(built, "BuilderSupported").getStatus()).isEqualTo("True");

        assertThat(new StatusAggregator(built, 1, T1).builderDecided(REWRITTEN).builderEvent())
                .isEmpty();
    }

    @Test
    void aRuntimeRewriteReportsBothImagesAndNoRuntimeWithoutSpecRuntime() {
        BuilderDecision both = decide(
                policy(EolPolicy.Rewrite),
                app("a").pythonVersion("3.11")
                        .os(BuilderSpec.Os.UBI8)
                        .runtimeVariant(BuilderSpec.Variant.MINIMAL)
                        .spec(),
                CATALOG_DAY);
        PythonAppStatus built =
                new StatusAggregator(null, 1, T0).builderDecided(both).build();
        assertThat(built.builder.image).isEqualTo("registry.access.redhat.com/ubi8/python-312:latest");
        assertThat(built.builder.rewrittenFrom).isEqualTo("registry.access.redhat.com/ubi8/python-311:latest");
        assertThat(built.runtime.image).isEqualTo("registry.access.redhat.com/ubi8/python-312-minimal:latest");
        assertThat(built.runtime.requestedImage)
                .isEqualTo(built.runtime.rewrittenFrom)
                .isEqualTo("registry.access.redhat.com/ubi8/python-311-minimal:latest");
        assertThat(built.runtime.eolDate).isEqualTo("2026-05-31");
        assertThat(built.runtime.eolBasis).isEqualTo("vendor");
        assertThat(condition(built, "BuilderSupported").getReason()).isEqualTo("Rewritten");

        // switching spec.runtime off drops status.runtime
        assertThat(new StatusAggregator(built, 2, T1).builderDecided(SUPPORTED).build().runtime)
                .isNull();
    }

    @Test
    void blockIsEndOfLifeFalseAndAnnouncedAsAWarning() {
        StatusAggregator status = new StatusAggregator(appliedAndAvailable(null, SUPPORTED, T0), 4, T1)
                .builderDecided(PAUSED)
                .applied(true)
                .deployment(Optional.empty(), Optional.empty(), true);
        assertThat(status.builderEvent()).contains(EventReason.BUILDER_END_OF_LIFE);
        Condition builder = condition(status.build(), "BuilderSupported");
        assertThat(builder.getStatus()).isEqualTo("False");
        assertThat(builder.getReason()).isEqualTo("EndOfLife");
        assertThat(builder.getLastTransitionTime()).isEqualTo(T1.toString());
        // Ready held True: its transition time stays
        assertThat(condition(status.build(), "Ready").getLastTransitionTime()).isEqualTo(T0.toString());
    }

    @Test
    void anInvalidSpecIsNotReconciledAndReportsNoBuilder() {
        PythonAppStatus status = new StatusAggregator(appliedAndAvailable(null, SUPPORTED, T0), 4, T1)
                .invalidSpec(ConditionReason.INVALID_PYTHON_VERSION, "Python 3.99 has no builder image")
                .build();
        assertThat(conditions(status))
                .containsExactly(
                        tuple("Reconciled", "False", "InvalidPythonVersion"), tuple("Ready", "False", "NotReconciled"));
        assertThat(condition(status, "Ready").getMessage())
                .isEqualTo("the app cannot be built: Python 3.99 has no builder image");
        assertThat(status.builder).isNull();
        assertThat(status.runtime).isNull();
        assertThat(status.observedGeneration).isEqualTo(4L);
    }

    @Test
    void objectsInTheWayAreNamedInReconciledAndReady() {
        PythonAppStatus one = new StatusAggregator(null, 1, T0)
                .builderDecided(SUPPORTED)
                .objectsInTheWay(List.of("Service taken"))
                .build();
        assertThat(conditions(one))
                .containsExactly(
                        tuple("Reconciled", "False", "ObjectInTheWay"),
                        tuple("Ready", "False", "NotReconciled"),
                        tuple("BuilderSupported", "True", "Supported"));
        assertThat(condition(one, "Reconciled").getMessage())
                .isEqualTo(condition(one, "Ready").getMessage())
                .isEqualTo("Service taken already exists and is not owned by this PythonApp. The operator does not "
                        + "take over objects it did not create: delete or rename them, or rename the PythonApp");

        PythonAppStatus two = new StatusAggregator(null, 1, T0)
                .objectsInTheWay(List.of("Service taken", "Route taken"))
                .build();
        assertThat(condition(two, "Reconciled").getMessage())
                .startsWith("Service taken, Route taken already exist and are not owned by this PythonApp.");
    }

    @Test
    void aDeploymentThatIsNotAvailableKeepsTheAppNotReady() {
        PythonAppStatus status = new StatusAggregator(null, 2, T0)
                .builderDecided(SUPPORTED)
                .applied(false)
                .deployment(Optional.of("the Deployment does not exist yet"), Optional.empty(), true)
                .build();
        assertThat(condition(status, "Reconciled").getMessage())
                .isEqualTo("ImageStream, BuildConfig, Deployment, Service are applied for generation 2");
        assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
        assertThat(condition(status, "Ready").getReason()).isEqualTo("DeploymentNotAvailable");
        assertThat(condition(status, "Ready").getMessage()).isEqualTo("the Deployment does not exist yet");
    }

    @Test
    void aFailedApplyIsAReconcileErrorAndKeepsTheBuilderReport() {
        PythonAppStatus before = appliedAndAvailable(null, PAUSED, T0);
        StatusAggregator failed = new StatusAggregator(before, 3, T1).reconcileFailed("routes are forbidden");
        assertThat(failed.changed()).isTrue();
        assertThat(conditions(failed.build()))
                .containsExactly(
                        tuple("Reconciled", "False", "ReconcileError"),
                        tuple("Ready", "False", "NotReconciled"),
                        tuple("BuilderSupported", "False", "EndOfLife"));
        assertThat(condition(failed.build(), "Reconciled").getMessage())
                .isEqualTo("applying the children failed (the operator retries with back-off): routes are forbidden");
        assertThat(failed.build().builder).isEqualTo(before.builder);
        assertThat(failed.builderEvent()).isEmpty();

        // the same failure again writes nothing
        assertThat(new StatusAggregator(failed.build(), 3, T1)
                        .reconcileFailed("routes are forbidden")
                        .changed())
                .isFalse();
    }

    static final BuildVerdict RUNNING = new BuildVerdict(ConditionReason.BUILDING, "build a-1 is running");
    static final BuildVerdict FAILED =
            new BuildVerdict(ConditionReason.BUILD_FAILED, "build a-2 failed (DockerBuildFailed): add &&");

    static BuildReport build(String name, String phase) {
        BuildReport report = new BuildReport();
        report.name = name;
        report.phase = phase;
        return report;
    }

    @Test
    void theFirstBuildKeepsTheAppWaitingForItAndTheBuiltConditionUnknown() {
        PythonAppStatus status = new StatusAggregator(null, 1, T0)
                .builderDecided(SUPPORTED)
                .applied(true)
                .built(build("a-1", "Running"), RUNNING)
                .deployment(Optional.of("the Deployment has no available replica"), Optional.empty(), false)
                .build();
        assertThat(conditions(status))
                .containsExactly(
                        tuple("Reconciled", "True", "Applied"),
                        tuple("Ready", "False", "AwaitingFirstBuild"),
                        tuple("BuilderSupported", "True", "Supported"),
                        tuple("Built", "Unknown", "Building"));
        assertThat(condition(status, "Ready").getMessage())
                .isEqualTo("no build has completed yet, so the Deployment has no image to run: build a-1 is running");
    }

    @Test
    void aFailedBuildExplainsWhyTheDeploymentIsNotAvailableAndIsAnnouncedOnce() {
        PythonAppStatus running = new StatusAggregator(null, 1, T0)
                .built(build("a-2", "Running"), RUNNING)
                .build();
        StatusAggregator failed = new StatusAggregator(running, 1, T1)
                .built(build("a-2", "Failed"), FAILED)
                .deployment(Optional.of("0 of 1 replicas available"), Optional.of("registry/ns/a@sha256:1"), true);
        assertThat(condition(failed.build(), "Ready").getReason()).isEqualTo("LatestBuildFailed");
        assertThat(condition(failed.build(), "Ready").getMessage())
                .isEqualTo("build a-2 failed (DockerBuildFailed): add &&; 0 of 1 replicas available");
        assertThat(failed.build().image).isEqualTo("registry/ns/a@sha256:1");
        assertThat(failed.buildEvent()).contains(EventReason.BUILD_FAILED);

        StatusAggregator again = new StatusAggregator(failed.build(), 1, T1).built(build("a-2", "Failed"), FAILED);
        assertThat(again.buildEvent()).as("the same outcome is not news").isEmpty();
        assertThat(again.changed()).isFalse();
    }

    @Test
    void aFailedBuildWhileThePreviousImageServesKeepsTheAppReady() {
        PythonAppStatus status = new StatusAggregator(null, 1, T0)
                .built(build("a-2", "Failed"), FAILED)
                .deployment(Optional.empty(), Optional.of("img"), true)
                .build();
        assertThat(conditions(status))
                .contains(tuple("Ready", "True", "Available"), tuple("Built", "False", "BuildFailed"));
    }

    @Test
    void statusPatchCarriesTheStatusAndTheResourceVersionButNotTheSpecOrLabels() {
        PythonApp app = app("web").pythonVersion("3.12").label("team", "a").build();
        app.getMetadata().setResourceVersion("42");
        StatusAggregator status = new StatusAggregator(null, 1, T0).builderDecided(SUPPORTED);

        String json = Serialization.asJson(status.statusPatch(app));

        assertThat(json)
                .contains("\"name\":\"web\"", "\"resourceVersion\":\"42\"", "\"conditions\"")
                .doesNotContain("\"spec\"", "team", "pythonVersion");
        assertThat(app.getSpec()).as("the app itself is left as it was").isNotNull();
    }
}
