package dev.pythonapp.operator.eol;

import static dev.pythonapp.operator.testing.Fixtures.CATALOG_DAY;
import static dev.pythonapp.operator.testing.Fixtures.lifecycle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.BuildConfigBuilder;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Server-Side Apply configuration written into BuildConfigs the operator does not own. */
class BuildConfigLifecycleApplyTest {

    static BuildConfig ocNewApp(String kind, String namespace, String name, Map<String, String> annotations) {
        return new BuildConfigBuilder()
                .withNewMetadata()
                .withName("django-ex")
                .withNamespace("shop")
                .withResourceVersion("42")
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .withNewStrategy()
                .withType("Source")
                .withNewSourceStrategy()
                .withNewFrom()
                .withKind(kind)
                .withNamespace(namespace)
                .withName(name)
                .endFrom()
                .endSourceStrategy()
                .endStrategy()
                .endSpec()
                .build();
    }

    static BuildConfigBuilders.Assessment assess(BuildConfig bc) {
        return BuildConfigBuilders.assess(bc, lifecycle(), CATALOG_DAY).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> from(GenericKubernetesResource apply) {
        Map<String, Object> spec =
                (Map<String, Object>) apply.getAdditionalProperties().get("spec");
        Map<String, Object> strategy = (Map<String, Object>) spec.get("strategy");
        return (Map<String, Object>) ((Map<String, Object>) strategy.get("sourceStrategy")).get("from");
    }

    @Test
    void aRewriteAppliesTheSuccessorTheOriginalAndTheLifecycle() {
        BuildConfig bc = ocNewApp("ImageStreamTag", "openshift", "python:3.8-ubi8", Map.of());
        var plan = BuildConfigLifecycleApply.plan(assess(bc), true);
        assertThat(plan.reason()).isEqualTo(ConditionReason.REWRITTEN);
        assertThat(plan.lifecycle())
                .isEqualTo("Rewritten: ImageStreamTag openshift/python:3.8-ubi8 -> ImageStreamTag python:3.12-ubi8 "
                        + "(ubi8/python-38 end of life 2023-05-31)");

        GenericKubernetesResource apply = BuildConfigLifecycleApply.configuration(bc, plan);
        assertThat(apply.getApiVersion()).isEqualTo("build.openshift.io/v1");
        assertThat(apply.getKind()).isEqualTo("BuildConfig");
        assertThat(apply.getMetadata().getName()).isEqualTo("django-ex");
        assertThat(apply.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(apply.getMetadata().getResourceVersion()).isEqualTo("42");
        assertThat(apply.getMetadata().getAnnotations())
                .containsExactly(
                        Map.entry(BuildConfigBuilders.LIFECYCLE_ANNOTATION, plan.lifecycle()),
                        Map.entry(
                                BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION,
                                "ImageStreamTag openshift/python:3.8-ubi8"));
        assertThat(from(apply))
                .containsExactly(
                        Map.entry("kind", "ImageStreamTag"),
                        Map.entry("namespace", "openshift"),
                        Map.entry("name", "python:3.12-ubi8"));
        // nothing else of the BuildConfig: the fields of other managers stay theirs
        assertThat(apply.getAdditionalProperties()).containsOnlyKeys("spec");
    }

    @Test
    void aReportKeepsTheBuilderReferenceAndAnEarlierRewrittenFrom() {
        BuildConfig bc = ocNewApp(
                "DockerImage",
                null,
                "registry.redhat.io/ubi8/python-39:1-54",
                Map.of(BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION, "DockerImage quay.io/old/python-36"));
        var plan = BuildConfigLifecycleApply.plan(assess(bc), false);
        assertThat(plan.reason()).isEqualTo(ConditionReason.END_OF_LIFE);
        assertThat(plan.rewriteTo()).isEmpty();
        assertThat(plan.lifecycle()).startsWith("EndOfLife: builder ubi8/python-39 reached end of life on ");

        GenericKubernetesResource apply = BuildConfigLifecycleApply.configuration(bc, plan);
        // an apply without a field this manager applied before would delete it
        assertThat(apply.getMetadata().getAnnotations())
                .containsEntry(BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION, "DockerImage quay.io/old/python-36");
        assertThat(from(apply))
                .containsExactly(
                        Map.entry("kind", "DockerImage"), Map.entry("name", "registry.redhat.io/ubi8/python-39:1-54"));
    }

    @Test
    void rewriteModeWithoutASuccessorOnlyReports() {
        BuildConfig bc = ocNewApp("DockerImage", null, "quay.io/fedora/python-314:latest", Map.of());
        var plan = BuildConfigLifecycleApply.plan(
                BuildConfigBuilders.assess(bc, lifecycle(), LocalDate.of(2026, 12, 9))
                        .orElseThrow(),
                true);
        assertThat(plan.rewriteTo()).isEmpty();
        assertThat(plan.reason()).isEqualTo(ConditionReason.END_OF_LIFE);
    }

    @Test
    void aTagRewrittenToAnImageLosesItsNamespace() {
        BuildConfig bc = ocNewApp("ImageStreamTag", "openshift", "python:3.8-ubi8", Map.of());
        var a = assess(bc);
        var toImage = new BuildConfigBuilders.Assessment(
                a.found(),
                a.lifecycle(),
                Optional.of(new ObjectReferenceBuilder()
                        .withKind("DockerImage")
                        .withName("registry.access.redhat.com/ubi8/python-312:latest")
                        .build()));
        GenericKubernetesResource apply =
                BuildConfigLifecycleApply.configuration(bc, BuildConfigLifecycleApply.plan(toImage, true));
        assertThat(from(apply))
                .containsEntry("kind", "DockerImage")
                .containsEntry("namespace", "")
                .containsEntry("name", "registry.access.redhat.com/ubi8/python-312:latest");
    }
}
