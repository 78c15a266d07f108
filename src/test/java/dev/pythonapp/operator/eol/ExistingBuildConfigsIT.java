package dev.pythonapp.operator.eol;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pythonapp.operator.config.OperatorClock;
import dev.pythonapp.operator.reconcile.BuildConfigEolReconciler;
import dev.pythonapp.operator.reconcile.PythonAppReconciler;
import dev.pythonapp.operator.testing.ControlPlane;
import dev.pythonapp.operator.testing.ControlPlaneResource;
import dev.pythonapp.operator.testing.Fixtures;
import dev.pythonapp.operator.testing.TestNamespaces;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.BuildConfigBuilder;
import io.fabric8.openshift.api.model.BuildSource;
import io.fabric8.openshift.api.model.BuildSourceBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** BuildConfigs made without the operator (oc new-app style): rewritten, reported or untouched by opt-in. */
@QuarkusTest
@QuarkusTestResource(ControlPlaneResource.class)
class ExistingBuildConfigsIT {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    KubernetesClient client = ControlPlane.shared().adminClient();

    @Inject
    OperatorClock clock;

    @AfterEach
    void systemClock() {
        clock.pin(null);
    }

    /** What `oc new-app python:3.8-ubi8~https://github.com/sclorg/django-ex.git` creates, builder-wise. */
    BuildConfig ocNewApp(String ns, Map<String, String> annotations) {
        return client.resource(new BuildConfigBuilder()
                        .withNewMetadata()
                        .withName("django-ex")
                        .withNamespace(ns)
                        .withAnnotations(annotations)
                        .addToAnnotations("openshift.io/generated-by", "OpenShiftNewApp")
                        .endMetadata()
                        .withNewSpec()
                        .withSource(gitSource())
                        .withNewStrategy()
                        .withType("Source")
                        .withNewSourceStrategy()
                        .withNewFrom()
                        .withKind("ImageStreamTag")
                        .withNamespace("openshift")
                        .withName("python:3.8-ubi8")
                        .endFrom()
                        .endSourceStrategy()
                        .endStrategy()
                        .withNewOutput()
                        .withNewTo()
                        .withKind("ImageStreamTag")
                        .withName("django-ex:latest")
                        .endTo()
                        .endOutput()
                        .endSpec()
                        .build())
                .create();
    }

    static BuildSource gitSource() {
        return new BuildSourceBuilder()
                .withType("Git")
                .withNewGit()
                .withUri("https://github.com/sclorg/django-ex.git")
                .endGit()
                .build();
    }

    static BuildSource inlineDockerfile(String dockerfile) {
        return new BuildSourceBuilder()
                .withType("Dockerfile")
                .withDockerfile(dockerfile)
                .build();
    }

    /** A Docker-strategy BuildConfig whose {@code dockerStrategy.from} is the DockerImage {@code from}. */
    BuildConfig dockerBuild(String ns, Map<String, String> annotations, String from, BuildSource source) {
        return client.resource(new BuildConfigBuilder()
                        .withNewMetadata()
                        .withName("django-ex")
                        .withNamespace(ns)
                        .withAnnotations(annotations)
                        .endMetadata()
                        .withNewSpec()
                        .withSource(source)
                        .withNewStrategy()
                        .withType("Docker")
                        .withNewDockerStrategy()
                        .withNewFrom()
                        .withKind("DockerImage")
                        .withName(from)
                        .endFrom()
                        .endDockerStrategy()
                        .endStrategy()
                        .endSpec()
                        .build())
                .create();
    }

    BuildConfig get(String ns) {
        return client.resources(BuildConfig.class)
                .inNamespace(ns)
                .withName("django-ex")
                .get();
    }

    /** The name in the BuildConfig's builder reference ({@code sourceStrategy.from} or {@code dockerStrategy.from}). */
    String builderName(String ns) {
        return BuildConfigBuilders.from(get(ns)).map(ObjectReference::getName).orElse(null);
    }

    void awaitBuilder(String ns, String name) {
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(builderName(ns)).isEqualTo(name));
    }

    /**
     * Report mode's result: the lifecycle annotation, a Warning event, the builder left alone; the operator applied
     * the annotation and no rewritten-from.
     */
    BuildConfig awaitReported(String ns, String builder, String lifecycle) {
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(get(ns).getMetadata().getAnnotations())
                        .containsKey(BuildConfigEolReconciler.LIFECYCLE_ANNOTATION));
        BuildConfig bc = get(ns);
        assertThat(builderName(ns)).isEqualTo(builder);
        assertThat(bc.getMetadata().getAnnotations().get(BuildConfigEolReconciler.LIFECYCLE_ANNOTATION))
                .isEqualTo(lifecycle);
        await().atMost(TIMEOUT).until(() -> !events(ns, "BuilderEndOfLife").isEmpty());
        assertThat(events(ns, "BuilderEndOfLife").get(0).getType()).isEqualTo("Warning");
        JsonNode applied = appliedByTheOperator(bc);
        assertApplied(applied, true, "metadata", "annotations", BuildConfigEolReconciler.LIFECYCLE_ANNOTATION);
        assertApplied(applied, false, "metadata", "annotations", BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION);
        return bc;
    }

    void label(String ns, String mode) {
        client.namespaces().withName(ns).edit(n -> {
            n.getMetadata().getLabels().put(BuildConfigEolReconciler.NAMESPACE_LABEL, mode);
            return n;
        });
    }

    List<Event> events(String ns, String reason) {
        return client.v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> "BuildConfig".equals(e.getInvolvedObject().getKind()) && reason.equals(e.getReason()))
                .toList();
    }

    /** The fields the operator's own field manager applied (Server-Side Apply), as managedFields' fieldsV1 tree. */
    static JsonNode appliedByTheOperator(BuildConfig bc) {
        List<ManagedFieldsEntry> entries = bc.getMetadata().getManagedFields().stream()
                .filter(m -> BuildConfigEolReconciler.FIELD_MANAGER.equals(m.getManager()))
                .toList();
        assertThat(entries)
                .as("managedFields of %s", BuildConfigEolReconciler.FIELD_MANAGER)
                .singleElement()
                .satisfies(m -> assertThat(m.getOperation()).isEqualTo("Apply"));
        assertThat(bc.getMetadata().getManagedFields())
                .extracting(ManagedFieldsEntry::getManager)
                .doesNotContain(PythonAppReconciler.FIELD_MANAGER);
        return Serialization.jsonMapper().valueToTree(entries.get(0).getFieldsV1());
    }

    /** Whether the field at {@code path} (e.g. metadata, annotations, a key) is among the {@code applied} fields. */
    static void assertApplied(JsonNode applied, boolean expected, String... path) {
        String pointer = Arrays.stream(path)
                .map(f -> "/f:" + f.replace("~", "~0").replace("/", "~1"))
                .collect(joining());
        assertThat(applied.at(pointer).isObject())
                .as("%s applied by the operator", String.join(".", path))
                .isEqualTo(expected);
    }

    @Test
    void anExistingBuildConfigIsRewrittenWhenItsNamespaceOptsIn() {
        String ns = TestNamespaces.create(client, "bc-rewrite");
        ocNewApp(ns, Map.of());
        label(ns, "rewrite");
        awaitBuilder(ns, "python:3.12-ubi8");
        BuildConfig bc = get(ns);
        assertThat(bc.getSpec().getStrategy().getSourceStrategy().getFrom().getNamespace())
                .isEqualTo("openshift");
        assertThat(bc.getMetadata().getAnnotations())
                .containsEntry(
                        BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION, "ImageStreamTag openshift/python:3.8-ubi8")
                .containsEntry("openshift.io/generated-by", "OpenShiftNewApp");
        assertThat(bc.getMetadata().getAnnotations().get(BuildConfigEolReconciler.LIFECYCLE_ANNOTATION))
                .startsWith("Rewritten:");
        await().atMost(TIMEOUT).until(() -> !events(ns, "BuilderRewritten").isEmpty());
        JsonNode applied = appliedByTheOperator(bc);
        assertApplied(applied, true, "metadata", "annotations", BuildConfigEolReconciler.LIFECYCLE_ANNOTATION);
        assertApplied(applied, true, "metadata", "annotations", BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION);
        assertApplied(applied, true, "spec", "strategy", "sourceStrategy", "from", "name");
        // only what it manages: the creator keeps the rest
        assertApplied(applied, false, "metadata", "annotations", "openshift.io/generated-by");
        assertApplied(applied, false, "spec", "source");
        assertApplied(applied, false, "spec", "output");
    }

    @Test
    void reportModeOnlyAnnotatesAndEmitsAWarning() {
        String ns = TestNamespaces.create(client, "bc-report");
        label(ns, "report");
        ocNewApp(ns, Map.of());
        awaitReported(
                ns,
                "python:3.8-ubi8",
                "EndOfLife: builder ubi8/python-38 reached end of life on 2023-05-31; successor ubi8/python-312");
    }

    @Test
    void namespacesThatDidNotOptInAreNeverTouched() {
        String ns = TestNamespaces.create(client, "bc-untouched");
        BuildConfig created = ocNewApp(ns, Map.of());
        // a BuildConfig in another namespace that did opt in proves the controller is running meanwhile
        String other = TestNamespaces.create(client, "bc-witness");
        label(other, "report");
        ocNewApp(other, Map.of());
        await().atMost(TIMEOUT)
                .until(() -> get(other)
                        .getMetadata()
                        .getAnnotations()
                        .containsKey(BuildConfigEolReconciler.LIFECYCLE_ANNOTATION));
        BuildConfig after = get(ns);
        assertThat(after.getMetadata().getResourceVersion())
                .isEqualTo(created.getMetadata().getResourceVersion());
        assertThat(after.getMetadata().getAnnotations())
                .doesNotContainKey(BuildConfigEolReconciler.LIFECYCLE_ANNOTATION);
        assertThat(events(ns, "BuilderEndOfLife")).isEmpty();
    }

    @Test
    void aBuildConfigAnnotationOptsInOnItsOwnWithADockerImageReference() {
        String ns = TestNamespaces.create(client, "bc-annotated");
        dockerBuild(
                ns,
                Map.of(BuildConfigEolReconciler.BUILDCONFIG_ANNOTATION, "rewrite"),
                "registry.redhat.io/ubi8/python-39:1-54",
                gitSource());
        awaitBuilder(ns, "registry.redhat.io/ubi8/python-312:latest");
        assertThat(get(ns).getMetadata().getAnnotations())
                .containsEntry(
                        BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION,
                        "DockerImage registry.redhat.io/ubi8/python-39:1-54");
    }

    @Test
    void aCommunityImageInDockerStrategyFromAndTheInlineDockerfileAreRewritten() {
        clock.pin(Fixtures.CATALOG_DAY);
        String ns = TestNamespaces.create(client, "bc-community-rewrite");
        // CRLF, a tab and a comment: only the reference's characters may change
        String dockerfile = "# worker\r\nFROM python:3.8-slim\r\nCOPY requirements.txt ./\r\n"
                + "RUN pip install --no-cache-dir -r requirements.txt\r\n\tUSER 1001\r\n";
        dockerBuild(ns, Map.of(), "python:3.8-slim", inlineDockerfile(dockerfile));
        label(ns, "rewrite");
        awaitBuilder(ns, "python:3.11-slim");
        BuildConfig bc = get(ns);
        assertThat(bc.getSpec().getStrategy().getDockerStrategy().getFrom().getKind())
                .isEqualTo("DockerImage");
        assertThat(bc.getSpec().getSource().getDockerfile())
                .isEqualTo(dockerfile.replace("python:3.8-slim", "python:3.11-slim"));
        assertThat(bc.getMetadata().getAnnotations())
                .containsEntry(
                        BuildConfigEolReconciler.LIFECYCLE_ANNOTATION,
                        "Rewritten: DockerImage python:3.8-slim -> DockerImage python:3.11-slim (python:3.8-slim end "
                                + "of life 2024-10-07) | Rewritten: Dockerfile line 2 python:3.8-slim -> "
                                + "python:3.11-slim (python:3.8-slim end of life 2024-10-07)")
                .containsEntry(
                        BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION,
                        "DockerImage python:3.8-slim | Dockerfile line 2 python:3.8-slim");
        await().atMost(TIMEOUT).until(() -> !events(ns, "BuilderRewritten").isEmpty());
        JsonNode applied = appliedByTheOperator(bc);
        assertApplied(applied, true, "spec", "strategy", "dockerStrategy", "from", "name");
        assertApplied(applied, true, "spec", "source", "dockerfile");
        assertApplied(applied, false, "spec", "source", "type");
    }

    @Test
    void aCommunityImageIsReportedWhenItsNamespaceAsksForReports() {
        clock.pin(Fixtures.CATALOG_DAY);
        String ns = TestNamespaces.create(client, "bc-community-report");
        label(ns, "report");
        dockerBuild(ns, Map.of(), "python:3.8-slim", gitSource());
        BuildConfig bc = awaitReported(
                ns,
                "python:3.8-slim",
                "EndOfLife: builder python:3.8-slim reached end of life on 2024-10-07 (CPython); successor "
                        + "python:3.11-slim");
        assertApplied(appliedByTheOperator(bc), true, "spec", "strategy", "dockerStrategy", "from", "name");
    }
}
