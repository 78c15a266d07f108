package dev.pythonapp.operator.reconcile;

import static dev.pythonapp.operator.testing.Apps.app;
import static dev.pythonapp.operator.testing.Apps.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pythonapp.operator.api.BuilderSpec;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.PythonAppSpec;
import dev.pythonapp.operator.api.RuntimeSpec;
import dev.pythonapp.operator.api.Vocabulary.ConditionType;
import dev.pythonapp.operator.testing.Apps;
import dev.pythonapp.operator.testing.ControlPlaneResource;
import dev.pythonapp.operator.testing.NamespacedIT;
import dev.pythonapp.operator.testing.QuietReconcile;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.BuildTriggerPolicy;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.TagReference;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Apps with a separate run-time image (spec.runtime) on the real kube-apiserver: the children and their images and
 * triggers, the end-of-life rewrite of both images, switching the runtime off and on under Server-Side Apply, and
 * no-op reconciles.
 */
@QuarkusTest
@QuarkusTestResource(ControlPlaneResource.class)
class RuntimeImagesIT extends NamespacedIT {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String UBI9_312 = "registry.access.redhat.com/ubi9/python-312:latest";
    static final String UBI9_312_MINIMAL = "registry.access.redhat.com/ubi9/python-312-minimal:latest";

    @Inject
    MeterRegistry registry;

    static Consumer<PythonAppSpec> minimalRuntime(String... packages) {
        return s -> {
            s.runtime = new RuntimeSpec();
            s.runtime.variant = BuilderSpec.Variant.MINIMAL;
            s.runtime.packages = packages.length == 0 ? null : List.of(packages);
        };
    }

    PythonApp awaitApplied(String name, long generation) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            PythonApp app = Apps.get(client, ns, name);
            assertThat(app.getMetadata().getGeneration()).isEqualTo(generation);
            assertThat(hasCondition(app, ConditionType.RECONCILED, "True", "Applied"))
                    .as("Reconciled=True/Applied: %s", app.getStatus() == null ? null : app.getStatus().conditions)
                    .isTrue();
        });
        return Apps.get(client, ns, name);
    }

    <T extends HasMetadata> T child(Class<T> type, String name) {
        return client.resources(type).inNamespace(ns).withName(name).get();
    }

    Map<String, String> tags(String name) {
        return child(ImageStream.class, name).getSpec().getTags().stream()
                .collect(java.util.stream.Collectors.toMap(
                        TagReference::getName, t -> t.getFrom().getName(), (a, b) -> a, java.util.TreeMap::new));
    }

    /** The BuildConfig's spec as the API server stores it, not as the typed model reads it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> storedBuildConfigSpec(String name) {
        GenericKubernetesResource bc = client.genericKubernetesResources("build.openshift.io/v1", "BuildConfig")
                .inNamespace(ns)
                .withName(name)
                .get();
        return (Map<String, Object>) bc.getAdditionalProperties().get("spec");
    }

    void edit(String name, Consumer<PythonAppSpec> change) {
        client.resources(PythonApp.class).inNamespace(ns).withName(name).edit(a -> {
            change.accept(a.getSpec());
            return a;
        });
    }

    @Test
    void aMinimalRuntimeAppGetsItsChildrenWithTheRightImagesAndTriggers() {
        PythonApp created = Apps.create(client, app(ns, "small", "3.12", minimalRuntime("httpd")));
        PythonApp app = awaitApplied("small", 1);

        assertThat(tags("small")).isEqualTo(Map.of("builder", UBI9_312, "runtime", UBI9_312_MINIMAL));
        ImageStream is = child(ImageStream.class, "small");
        assertThat(is.getSpec().getTags()).allSatisfy(t -> {
            assertThat(t.getImportPolicy().getScheduled()).isTrue();
            assertThat(t.getFrom().getKind()).isEqualTo("DockerImage");
        });
        BuildConfig bc = child(BuildConfig.class, "small");
        for (HasMetadata child : List.of(is, bc, child(Deployment.class, "small"))) {
            assertThat(child.getMetadata().getOwnerReferences())
                    .singleElement()
                    .satisfies(o -> assertThat(o.getUid())
                            .isEqualTo(created.getMetadata().getUid()));
            assertThat(child.getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/managed-by", "pythonapp-operator")
                    .containsEntry("app.openshift.io/runtime-version", "3.12");
        }
        assertThat(bc.getSpec().getStrategy().getType()).isEqualTo("Docker");
        assertThat(bc.getSpec().getStrategy().getDockerStrategy().getFrom().getName())
                .isEqualTo("small:runtime");
        assertThat(bc.getSpec().getSource().getImages()).singleElement().satisfies(source -> {
            assertThat(source.getFrom().getName()).isEqualTo("small:builder");
            assertThat(source.getAs()).containsExactly(UBI9_312);
        });
        assertThat(bc.getSpec().getSource().getDockerfile())
                .contains("FROM " + UBI9_312 + " AS assemble\n")
                .contains("FROM " + UBI9_312_MINIMAL + "\n")
                .contains("RUN microdnf install -y 'httpd' && microdnf clean all\n");
        assertThat(bc.getSpec().getTriggers())
                .extracting(BuildTriggerPolicy::getType)
                .containsExactly("ConfigChange", "ImageChange", "ImageChange");
        assertThat(bc.getSpec().getTriggers().get(1).getImageChange().getFrom()).isNull();
        assertThat(bc.getSpec().getTriggers().get(2).getImageChange().getFrom().getName())
                .isEqualTo("small:builder");
        // the Deployment runs the build output, as without a runtime
        assertThat(child(Deployment.class, "small").getMetadata().getAnnotations())
                .containsKey("image.openshift.io/triggers");

        assertThat(app.getStatus().builder.image).isEqualTo(UBI9_312);
        assertThat(app.getStatus().runtime.image).isEqualTo(UBI9_312_MINIMAL);
        assertThat(app.getStatus().runtime.eolDate).isEqualTo("2027-04-30");
        assertThat(Apps.condition(app, ConditionType.BUILDER_SUPPORTED)
                        .orElseThrow()
                        .getMessage())
                .contains("builder ubi9/python-312", "runtime ubi9/python-312-minimal");
    }

    @Test
    void anEndOfLifeRewriteMovesBuilderAndRuntimeTogether() {
        Apps.create(client, app(ns, "legacy-small", "3.11", minimalRuntime().andThen(s -> {
            s.builder = new BuilderSpec();
            s.builder.os = BuilderSpec.Os.UBI8;
        })));
        PythonApp app = awaitApplied("legacy-small", 1);

        assertThat(hasCondition(app, ConditionType.BUILDER_SUPPORTED, "True", "Rewritten"))
                .isTrue();
        assertThat(tags("legacy-small"))
                .isEqualTo(Map.of(
                        "builder", "registry.access.redhat.com/ubi8/python-312:latest",
                        "runtime", "registry.access.redhat.com/ubi8/python-312-minimal:latest"));
        assertThat(child(BuildConfig.class, "legacy-small")
                        .getSpec()
                        .getSource()
                        .getDockerfile())
                .contains("FROM registry.access.redhat.com/ubi8/python-312:latest AS assemble\n")
                .contains("FROM registry.access.redhat.com/ubi8/python-312-minimal:latest\n");
        assertThat(app.getStatus().builder.rewrittenFrom)
                .isEqualTo("registry.access.redhat.com/ubi8/python-311:latest");
        assertThat(app.getStatus().runtime.rewrittenFrom)
                .isEqualTo("registry.access.redhat.com/ubi8/python-311-minimal:latest");
        assertThat(app.getSpec().pythonVersion).isEqualTo("3.11");
        assertThat(registry.get("pythonapp_runtime_days_until_eol")
                        .tag("namespace", ns)
                        .tag("name", "legacy-small")
                        .tag("runtime", "ubi8/python-311-minimal")
                        .gauge()
                        .value())
                .isNegative();
        assertThat(registry.get("pythonapp_runtime_apps")
                        .tag("state", "rewritten")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void switchingTheRuntimeOffRemovesWhatItAddedAndOnAgainBringsItBack() {
        Apps.create(client, app(ns, "toggle", "3.12", minimalRuntime("httpd")));
        awaitApplied("toggle", 1);
        assertThat(storedBuildConfigSpec("toggle")).containsKey("strategy");

        edit("toggle", s -> s.runtime = null);
        PythonApp off = awaitApplied("toggle", 2);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(tags("toggle")).isEqualTo(Map.of("builder", UBI9_312)));
        Map<String, Object> spec = storedBuildConfigSpec("toggle");
        assertThat((Map<String, Object>) spec.get("strategy"))
                .as("the Docker strategy's fields are gone, not left next to the Source strategy")
                .containsOnlyKeys("type", "sourceStrategy")
                .containsEntry("type", "Source");
        assertThat((Map<String, Object>) spec.get("source"))
                .as("no Dockerfile and no image source left behind")
                .doesNotContainKeys("dockerfile", "images");
        assertThat((List<?>) spec.get("triggers"))
                .as("no ImageChange trigger on the builder tag left behind")
                .hasSize(2);
        BuildConfig plain = child(BuildConfig.class, "toggle");
        assertThat(plain.getSpec().getStrategy().getSourceStrategy().getFrom().getName())
                .isEqualTo("toggle:builder");
        assertThat(off.getStatus().runtime).isNull();
        assertThat(managedBy(plain)).containsOnly("pythonapp-operator");

        edit("toggle", minimalRuntime("httpd"));
        awaitApplied("toggle", 3);
        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        assertThat(tags("toggle")).isEqualTo(Map.of("builder", UBI9_312, "runtime", UBI9_312_MINIMAL)));
        assertThat((Map<String, Object>) storedBuildConfigSpec("toggle").get("strategy"))
                .containsOnlyKeys("type", "dockerStrategy")
                .containsEntry("type", "Docker");
    }

    @Test
    void aReconcileWithNothingToChangeWritesNothing() {
        Apps.create(client, app(ns, "steady-small", "3.12", minimalRuntime("httpd")));
        awaitApplied("steady-small", 1);
        assertThat(QuietReconcile.writesDuringAReconcile(client, registry, ns, "steady-small"))
                .as("write calls by the operator during a reconcile that had nothing to change")
                .isEmpty();
    }

    static List<String> managedBy(HasMetadata object) {
        return object.getMetadata().getManagedFields().stream()
                .map(ManagedFieldsEntry::getManager)
                .distinct()
                .toList();
    }
}
