package dev.pythonapp.operator.eol;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pythonapp.operator.reconcile.BuildConfigEolReconciler;
import dev.pythonapp.operator.reconcile.PythonAppReconciler;
import dev.pythonapp.operator.testing.ControlPlane;
import dev.pythonapp.operator.testing.ControlPlaneResource;
import dev.pythonapp.operator.testing.TestNamespaces;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.BuildConfigBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BuildConfigs made without the operator (oc new-app style): rewritten, reported or untouched by opt-in. */
@QuarkusTest
@QuarkusTestResource(ControlPlaneResource.class)
class ExistingBuildConfigsIT {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    KubernetesClient client = ControlPlane.shared().adminClient();

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
                        .withNewSource()
                        .withType("Git")
                        .withNewGit()
                        .withUri("https://github.com/sclorg/django-ex.git")
                        .endGit()
                        .endSource()
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

    BuildConfig get(String ns) {
        return client.resources(BuildConfig.class)
                .inNamespace(ns)
                .withName("django-ex")
                .get();
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
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(get(ns).getSpec()
                                .getStrategy()
                                .getSourceStrategy()
                                .getFrom()
                                .getName())
                        .isEqualTo("python:3.12-ubi8"));
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
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(get(ns).getMetadata().getAnnotations())
                        .containsKey(BuildConfigEolReconciler.LIFECYCLE_ANNOTATION));
        BuildConfig bc = get(ns);
        assertThat(bc.getSpec().getStrategy().getSourceStrategy().getFrom().getName())
                .isEqualTo("python:3.8-ubi8");
        assertThat(bc.getMetadata().getAnnotations().get(BuildConfigEolReconciler.LIFECYCLE_ANNOTATION))
                .isEqualTo(
                        "EndOfLife: builder ubi8/python-38 reached end of life on 2023-05-31; successor ubi8/python-312");
        await().atMost(TIMEOUT).until(() -> !events(ns, "BuilderEndOfLife").isEmpty());
        assertThat(events(ns, "BuilderEndOfLife").get(0).getType()).isEqualTo("Warning");
        JsonNode applied = appliedByTheOperator(bc);
        assertApplied(applied, true, "metadata", "annotations", BuildConfigEolReconciler.LIFECYCLE_ANNOTATION);
        assertApplied(applied, false, "metadata", "annotations", BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION);
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
        client.resource(new BuildConfigBuilder()
                        .withNewMetadata()
                        .withName("django-ex")
                        .withNamespace(ns)
                        .addToAnnotations(BuildConfigEolReconciler.BUILDCONFIG_ANNOTATION, "rewrite")
                        .endMetadata()
                        .withNewSpec()
                        .withNewSource()
                        .withType("Git")
                        .withNewGit()
                        .withUri("https://github.com/sclorg/django-ex.git")
                        .endGit()
                        .endSource()
                        .withNewStrategy()
                        .withType("Docker")
                        .withNewDockerStrategy()
                        .withNewFrom()
                        .withKind("DockerImage")
                        .withName("registry.redhat.io/ubi8/python-39:1-54")
                        .endFrom()
                        .endDockerStrategy()
                        .endStrategy()
                        .endSpec()
                        .build())
                .create();
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(get(ns).getSpec()
                                .getStrategy()
                                .getDockerStrategy()
                                .getFrom()
                                .getName())
                        .isEqualTo("registry.redhat.io/ubi8/python-312:latest"));
        assertThat(get(ns).getMetadata().getAnnotations())
                .containsEntry(
                        BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION,
                        "DockerImage registry.redhat.io/ubi8/python-39:1-54");
    }
}
