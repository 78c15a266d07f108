package dev.pythonapp.operator.eol;

import static dev.pythonapp.operator.testing.Fixtures.CATALOG_DAY;
import static dev.pythonapp.operator.testing.Fixtures.dockerBuild;
import static dev.pythonapp.operator.testing.Fixtures.lifecycle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import dev.pythonapp.operator.eol.BuildConfigLifecycleApply.Builder;
import dev.pythonapp.operator.eol.BuildConfigLifecycleApply.Images;
import dev.pythonapp.operator.scan.BuildConfigScanner;
import dev.pythonapp.operator.scan.ImageAssessor;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.BuildConfigBuilder;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    static Images images(BuildConfig bc, LocalDate today) {
        return BuildConfigScanner.images(bc, new ImageAssessor(lifecycle(), today));
    }

    static Images images(BuildConfig bc) {
        return images(bc, CATALOG_DAY);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(GenericKubernetesResource apply) {
        return (Map<String, Object>) apply.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> from(GenericKubernetesResource apply, String strategy) {
        Map<String, Object> strategies = (Map<String, Object>) spec(apply).get("strategy");
        return (Map<String, Object>) ((Map<String, Object>) strategies.get(strategy)).get("from");
    }

    static Map<String, Object> from(GenericKubernetesResource apply) {
        return from(apply, "sourceStrategy");
    }

    @SuppressWarnings("unchecked")
    static Object dockerfile(GenericKubernetesResource apply) {
        return ((Map<String, Object>) spec(apply).get("source")).get("dockerfile");
    }

    @Test
    void aRewriteAppliesTheSuccessorTheOriginalAndTheLifecycle() {
        BuildConfig bc = ocNewApp("ImageStreamTag", "openshift", "python:3.8-ubi8", Map.of());
        var plan = BuildConfigLifecycleApply.plan(images(bc), true);
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
        assertThat(spec(apply)).containsOnlyKeys("strategy");
    }

    @Test
    void aReportKeepsTheBuilderReferenceAndAnEarlierRewrittenFrom() {
        BuildConfig bc = ocNewApp(
                "DockerImage",
                null,
                "registry.redhat.io/ubi8/python-39:1-54",
                Map.of(BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION, "DockerImage quay.io/old/python-36"));
        var plan = BuildConfigLifecycleApply.plan(images(bc), false);
        assertThat(plan.reason()).isEqualTo(ConditionReason.END_OF_LIFE);
        assertThat(plan.rewrites()).isFalse();
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
        var plan = BuildConfigLifecycleApply.plan(images(bc, LocalDate.of(2026, 12, 9)), true);
        assertThat(plan.rewrites()).isFalse();
        assertThat(plan.from()).map(ObjectReference::getName).contains("quay.io/fedora/python-314:latest");
        assertThat(plan.reason()).isEqualTo(ConditionReason.END_OF_LIFE);
    }

    @Test
    void aTagRewrittenToAnImageLosesItsNamespace() {
        BuildConfig bc = ocNewApp("ImageStreamTag", "openshift", "python:3.8-ubi8", Map.of());
        Builder b = images(bc).builder().orElseThrow();
        var toImage = new Images(
                Optional.of(new Builder(
                        b.field(),
                        b.reference(),
                        Optional.of(new ObjectReferenceBuilder()
                                .withKind("DockerImage")
                                .withName("registry.access.redhat.com/ubi8/python-312:latest")
                                .build()))),
                Optional.empty());
        GenericKubernetesResource apply =
                BuildConfigLifecycleApply.configuration(bc, BuildConfigLifecycleApply.plan(toImage, true));
        assertThat(from(apply))
                .containsEntry("kind", "DockerImage")
                .containsEntry("namespace", "")
                .containsEntry("name", "registry.access.redhat.com/ubi8/python-312:latest");
    }

    /**
     * A community image in {@code dockerStrategy.from}, in rewrite mode and in report mode (as admission warns about
     * it). Each row: the image, rewrite mode, the reason, the lifecycle annotation, the rewritten-from annotation
     * (blank: none) and the image applied.
     */
    @ParameterizedTest(name = "{0}, rewrite {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        python:3.8-slim                     | true  | REWRITTEN   | Rewritten: DockerImage python:3.8-slim -> DockerImage python:3.11-slim (python:3.8-slim end of life 2024-10-07) | DockerImage python:3.8-slim | python:3.11-slim
        docker.io/library/python:3.8-alpine | false | END_OF_LIFE | EndOfLife: builder python:3.8-alpine reached end of life on 2024-10-07 (CPython); successor python:3.11-alpine |                             | docker.io/library/python:3.8-alpine
        """)
    void aCommunityImageInDockerStrategyFrom(
            String image,
            boolean rewrite,
            ConditionReason reason,
            String lifecycle,
            String rewrittenFrom,
            String applied) {
        BuildConfig bc = dockerBuild(image, null);
        var plan = BuildConfigLifecycleApply.plan(images(bc), rewrite);
        assertThat(plan.reason()).isEqualTo(reason);
        assertThat(plan.lifecycle()).isEqualTo(lifecycle);

        GenericKubernetesResource apply = BuildConfigLifecycleApply.configuration(bc, plan);
        // blank: the manager applies no rewritten-from annotation
        assertThat(apply.getMetadata().getAnnotations().get(BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION))
                .isEqualTo(rewrittenFrom);
        assertThat(spec(apply)).containsOnlyKeys("strategy");
        assertThat(from(apply, "dockerStrategy"))
                .containsExactly(Map.entry("kind", "DockerImage"), Map.entry("name", applied));
    }

    @Test
    void anInlineDockerfileIsRewrittenInPlace() {
        String dockerfile = "# syntax=docker/dockerfile:1\r\nFROM python:3.8-slim AS base\r\n"
                + "RUN pip install --no-cache-dir -r requirements.txt\r\n\tFROM  python:3.9\r\nUSER 1001\r\n";
        BuildConfig bc = dockerBuild(null, dockerfile);
        var plan = BuildConfigLifecycleApply.plan(images(bc), true);
        assertThat(plan.lifecycle())
                .isEqualTo("Rewritten: Dockerfile line 2 python:3.8-slim -> python:3.11-slim (python:3.8-slim end of "
                        + "life 2024-10-07) | Rewritten: Dockerfile line 4 python:3.9 -> python:3.11 (python:3.9 end "
                        + "of life 2025-10-31)");
        GenericKubernetesResource apply = BuildConfigLifecycleApply.configuration(bc, plan);
        assertThat(apply.getMetadata().getAnnotations())
                .containsEntry(
                        BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION,
                        "Dockerfile line 2 python:3.8-slim | Dockerfile line 4 python:3.9");
        // no builder reference: only the Dockerfile, every byte but the two references as it was
        assertThat(spec(apply)).containsOnlyKeys("source");
        assertThat(dockerfile(apply))
                .isEqualTo("# syntax=docker/dockerfile:1\r\nFROM python:3.11-slim AS base\r\n"
                        + "RUN pip install --no-cache-dir -r requirements.txt\r\n\tFROM  python:3.11\r\nUSER 1001\r\n");
    }

    @Test
    void theRewrittenPartsComeFirstAndAnArgReferenceIsOnlyReported() {
        String dockerfile = "ARG BASE=python:3.8\nFROM ${BASE} AS build\nFROM python:3.8-slim\n";
        BuildConfig bc = dockerBuild("python:3.13-slim", dockerfile);
        var plan = BuildConfigLifecycleApply.plan(images(bc), true);
        assertThat(plan.reason()).isEqualTo(ConditionReason.REWRITTEN);
        assertThat(plan.lifecycle().split(" \\| "))
                .containsExactly(
                        "Rewritten: Dockerfile line 3 python:3.8-slim -> python:3.11-slim (python:3.8-slim end of life "
                                + "2024-10-07)",
                        "EndOfLife: Dockerfile line 2 python:3.8 reached end of life on 2024-10-07 (CPython); "
                                + "successor python:3.11");
        GenericKubernetesResource apply = BuildConfigLifecycleApply.configuration(bc, plan);
        // the supported builder reference is applied as it is, so an earlier rewrite of it stays this manager's
        assertThat(from(apply, "dockerStrategy")).containsEntry("name", "python:3.13-slim");
        assertThat(dockerfile(apply)).isEqualTo("ARG BASE=python:3.8\nFROM ${BASE} AS build\nFROM python:3.11-slim\n");
    }

    @Test
    void aReportAppliesTheDockerfileAsItIs() {
        String dockerfile = "FROM python:3.8-slim\n";
        BuildConfig bc = dockerBuild(null, dockerfile);
        var plan = BuildConfigLifecycleApply.plan(images(bc), false);
        assertThat(plan.lifecycle())
                .isEqualTo("EndOfLife: Dockerfile line 1 python:3.8-slim reached end of life on 2024-10-07 (CPython); "
                        + "successor python:3.11-slim");
        assertThat(dockerfile(BuildConfigLifecycleApply.configuration(bc, plan)))
                .isEqualTo(dockerfile);
    }

    @Test
    void soonEndOfLifeComesAfterEndOfLife() {
        // 2027-08-15: python:3.11 ends on 2027-10-31 (within 90 days); python:3.8 ended long ago
        BuildConfig bc = dockerBuild("python:3.11-slim", "FROM python:3.8\n");
        var plan = BuildConfigLifecycleApply.plan(images(bc, LocalDate.of(2027, 8, 15)), false);
        assertThat(plan.reason()).isEqualTo(ConditionReason.END_OF_LIFE);
        assertThat(plan.lifecycle())
                .startsWith("EndOfLife: Dockerfile line 1 python:3.8 ")
                .contains(" | EndOfLifeSoon: builder python:3.11-slim reaches end of life on 2027-10-31 (CPython)");
    }
}
