package dev.pythonapp.operator.scan;

import static dev.pythonapp.operator.testing.Fixtures.CATALOG_DAY;
import static dev.pythonapp.operator.testing.Fixtures.dockerBuild;
import static dev.pythonapp.operator.testing.Fixtures.lifecycle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.eol.BuildConfigBuilders.Reference;
import dev.pythonapp.operator.eol.BuildConfigLifecycleApply.Builder;
import dev.pythonapp.operator.eol.BuildConfigLifecycleApply.InlineDockerfile;
import dev.pythonapp.operator.eol.LifecycleState;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Python images of a BuildConfig object, recognised and rewritten with the scanner's code. */
class BuildConfigScannerTest {
    static final ImageAssessor ASSESSOR = new ImageAssessor(lifecycle(), CATALOG_DAY);

    static Optional<Builder> builder(String from) {
        return BuildConfigScanner.builder(dockerBuild(from, null), ASSESSOR);
    }

    @ParameterizedTest
    @CsvSource({
        // written in dockerStrategy.from, community image, successor written like the original (same flavour)
        "python:3.8-slim, python:3.8-slim, python:3.11-slim",
        "python:3.8, python:3.8, python:3.11",
        "docker.io/library/python:3.8-alpine, python:3.8-alpine, docker.io/library/python:3.11-alpine",
        "python:3.8-slim-buster, python:3.8-slim-buster, python:3.11-slim",
        "python:3.9.18-slim@sha256:0123, python:3.9-slim, python:3.11-slim",
    })
    void aCommunityImageInTheStrategyFromIsRecognisedAndRewrittenInItsFlavour(
            String written, String image, String successor) {
        Builder b = builder(written).orElseThrow();
        assertThat(b.field().strategy()).isEqualTo("dockerStrategy");
        Reference r = b.reference();
        assertThat(r.written()).isEqualTo("DockerImage " + written);
        assertThat(r.image()).isEqualTo(image);
        assertThat(r.state()).isEqualTo(LifecycleState.END_OF_LIFE);
        assertThat(r.rewrittenTo()).contains("DockerImage " + successor);
        assertThat(r.warning())
                .startsWith("builder " + image + " reached end of life on ")
                .contains(" (CPython); ");
        assertThat(b.rewritten().orElseThrow())
                .isEqualTo(new ObjectReferenceBuilder()
                        .withKind("DockerImage")
                        .withName(successor)
                        .build());
        // the same text the scanner's upgrade writes for that reference
        assertThat(b.rewritten().orElseThrow().getName())
                .isEqualTo(
                        ASSESSOR.reference(written).orElseThrow().replacement().orElseThrow());
    }

    @Test
    void theWarningIsTheAdmissionWarning() {
        assertThat(builder("python:3.8-slim").orElseThrow().reference().warning())
                .isEqualTo(
                        "builder python:3.8-slim reached end of life on 2024-10-07 (CPython); successor python:3.11-slim");
    }

    @Test
    void aSupportedCommunityImageIsRecognisedWithoutARewrite() {
        Builder b = builder("python:3.13-slim").orElseThrow();
        assertThat(b.reference().state()).isEqualTo(LifecycleState.SUPPORTED);
        assertThat(b.reference().rewrittenTo()).isEmpty();
        assertThat(b.rewritten()).isEmpty();
    }

    @Test
    void aCatalogBuilderIsStillJudgedByTheCatalogCode() {
        Builder b = builder("registry.redhat.io/ubi8/python-39:1-54").orElseThrow();
        assertThat(b.reference().image()).isEqualTo("ubi8/python-39");
        assertThat(b.reference().warning()).doesNotContain("CPython");
        assertThat(b.rewritten().orElseThrow().getName()).isEqualTo("registry.redhat.io/ubi8/python-312:latest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"python:3.8-ubi8", "python:3.4-slim", "quay.io/someone/app:3.8", "python:3.8-custom"})
    void referencesThatAreNotCommunityImagesAreNotRecognised(String from) {
        assertThat(builder(from)).isEmpty();
    }

    @Test
    void anImageStreamTagOfAnotherStreamIsNotACommunityImage() {
        assertThat(BuildConfigScanner.builder(dockerBuild("ImageStreamTag", "python:3.8-slim", null), ASSESSOR))
                .isEmpty();
    }

    @Test
    void inlineDockerfileFromLinesAreRewrittenInPlaceAndEveryOtherByteStays() {
        String dockerfile = "# escape=\\\r\n"
                + "ARG BASE=python:3.9-slim\r\n"
                + "# build stage\r\n"
                + "FROM --platform=linux/amd64 \\\r\n"
                + "\tdocker.io/library/python:3.8-alpine   AS build\r\n"
                + "RUN pip install --no-cache-dir -r requirements.txt\r\n"
                + "FROM ${BASE}\r\n"
                + "COPY --from=build /app /app\r\n"
                + "FROM build AS test\r\n"
                + "FROM registry.access.redhat.com/ubi8/python-38\r\n"
                + "USER 1001\r\n";
        InlineDockerfile d = BuildConfigScanner.dockerfile(dockerBuild(null, dockerfile), ASSESSOR)
                .orElseThrow();
        assertThat(d.text()).isEqualTo(dockerfile);
        assertThat(d.rewritten())
                .isEqualTo(dockerfile
                        .replace("docker.io/library/python:3.8-alpine", "docker.io/library/python:3.11-alpine")
                        .replace(
                                "registry.access.redhat.com/ubi8/python-38",
                                "registry.access.redhat.com/ubi8/python-312"));
        assertThat(d.references())
                .extracting(Reference::written)
                .containsExactly(
                        "Dockerfile line 5 docker.io/library/python:3.8-alpine",
                        "Dockerfile line 7 python:3.9-slim",
                        "Dockerfile line 10 registry.access.redhat.com/ubi8/python-38");
        assertThat(d.references())
                .extracting(Reference::rewrittenTo)
                .containsExactly(
                        Optional.of("docker.io/library/python:3.11-alpine"),
                        // from ARG values: the ARG default would have to change, so it is only reported
                        Optional.empty(),
                        Optional.of("registry.access.redhat.com/ubi8/python-312"));
        assertThat(d.references())
                .extracting(Reference::warning)
                .containsExactly(
                        "Dockerfile line 5 python:3.8-alpine reached end of life on 2024-10-07 (CPython); "
                                + "successor python:3.11-alpine",
                        "Dockerfile line 7 python:3.9-slim reached end of life on 2025-10-31 (CPython); "
                                + "successor python:3.11-slim",
                        "Dockerfile line 10 ubi8/python-38 reached end of life on 2023-05-31; successor ubi8/python-312");
    }

    @Test
    void theDockerfileRewriteIsTheScannersUpgrade() {
        String dockerfile = "FROM python:3.8-slim\nCOPY . /app\nFROM python:3.10 AS test\n";
        InlineDockerfile d = BuildConfigScanner.dockerfile(dockerBuild(null, dockerfile), ASSESSOR)
                .orElseThrow();
        ScannedFile upgraded = new RepositoryScanner(ASSESSOR, Path.of("."))
                .scanText(null, "Dockerfile", dockerfile, FileKind.DOCKERFILE);
        assertThat(d.rewritten())
                .isEqualTo(upgraded.upgraded())
                .isEqualTo("FROM python:3.11-slim\nCOPY . /app\n" + "FROM python:3.11 AS test\n");
    }

    @Test
    void aDockerfileWithoutPythonImagesOrThatDoesNotParseHoldsNothing() {
        assertThat(BuildConfigScanner.dockerfile(dockerBuild(null, "FROM golang:1.22\nRUN go build\n"), ASSESSOR))
                .isEmpty();
        assertThat(BuildConfigScanner.dockerfile(dockerBuild(null, "FROM python:3.8\nRUN <<EOF\necho\n"), ASSESSOR))
                .isEmpty();
        assertThat(BuildConfigScanner.dockerfile(dockerBuild(null, "  \n"), ASSESSOR))
                .isEmpty();
    }

    @Test
    void imagesListsTheBuilderFirstAndOnlyTheNotSupportedNeedAttention() {
        var images = BuildConfigScanner.images(dockerBuild("python:3.13-slim", "FROM python:3.8-slim\n"), ASSESSOR);
        assertThat(images.references())
                .extracting(Reference::written)
                .containsExactly("DockerImage python:3.13-slim", "Dockerfile line 1 python:3.8-slim");
        assertThat(images.notSupported())
                .extracting(Reference::written)
                .containsExactly("Dockerfile line 1 python:3.8-slim");
    }
}
