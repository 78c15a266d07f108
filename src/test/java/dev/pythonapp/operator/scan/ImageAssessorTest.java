package dev.pythonapp.operator.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.catalog.CatalogLoader;
import dev.pythonapp.operator.eol.EolBasis;
import dev.pythonapp.operator.eol.Lifecycle;
import dev.pythonapp.operator.eol.LifecycleState;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageAssessorTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final ImageAssessor ASSESSOR =
            new ImageAssessor(new Lifecycle(CatalogLoader.builtIn(), EolBasis.VENDOR, 90), DAY);

    @Nested
    class CommunityImages {
        @ParameterizedTest
        @CsvSource({
            // written, image, EOL date (CPython), replacement (same flavour, nearest supported version: 3.11)
            "python:3.8-slim, python:3.8-slim, 2024-10-07, python:3.11-slim",
            "python:3.8, python:3.8, 2024-10-07, python:3.11",
            "docker.io/library/python:3.9.18-alpine3.19, python:3.9-alpine3.19, 2025-10-31,"
                    + " docker.io/library/python:3.11-alpine",
            "docker.io/python:3.10-slim-bookworm, python:3.10-slim-bookworm, 2026-10-31,"
                    + " docker.io/python:3.11-slim-bookworm",
            "python:3.8-slim-buster, python:3.8-slim-buster, 2024-10-07, python:3.11-slim",
            "python:3.7-buster, python:3.7-buster, 2023-06-27, python:3.11",
            "index.docker.io/library/python:2.7@sha256:0123, python:2.7, 2020-01-01,"
                    + " index.docker.io/library/python:3.11",
        })
        void judgedOnTheCpythonDateWithASuccessorInTheSameFlavour(
                String written, String image, LocalDate eol, String replacement) {
            ImageAssessment a = ASSESSOR.reference(written).orElseThrow();
            assertThat(a.image()).isEqualTo(image);
            assertThat(a.state()).isEqualTo(LifecycleState.END_OF_LIFE);
            assertThat(a.eolDate()).isEqualTo(eol);
            assertThat(a.basis()).isEqualTo("upstream CPython date");
            assertThat(a.replacement()).contains(replacement);
        }

        @Test
        void theBasisDoesNotChangeTheCpythonDate() {
            ImageAssessor strictest =
                    new ImageAssessor(new Lifecycle(CatalogLoader.builtIn(), EolBasis.STRICTEST, 90), DAY);
            assertThat(strictest.reference("python:3.12").orElseThrow().eolDate())
                    .isEqualTo(LocalDate.of(2028, 10, 31));
        }

        @Test
        void aSupportedImageHasNoSuccessorAndNoReplacement() {
            ImageAssessment a = ASSESSOR.reference("python:3.13-slim").orElseThrow();
            assertThat(a.state()).isEqualTo(LifecycleState.SUPPORTED);
            assertThat(a.successor()).isEmpty();
            assertThat(a.replacement()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "python:3.8-ubi8",
                    "python:latest",
                    "python:3",
                    "python:3.15-rc",
                    "python:3.4-slim",
                    "quay.io/library/python:3.8",
                    "pythonic:3.8"
                })
        void tagsWithoutAKnownVersionAndFlavourOrOtherRepositoriesAreNotCommunityImages(String reference) {
            assertThat(ASSESSOR.reference(reference)).isEmpty();
        }
    }

    @Nested
    class SclorgImages {
        @ParameterizedTest
        @CsvSource({
            "registry.access.redhat.com/ubi8/python-38:1-100, registry.access.redhat.com/ubi8/python-312:latest",
            "registry.redhat.io/ubi8/python-38, registry.redhat.io/ubi8/python-312",
            "ubi8/python-38, ubi8/python-312",
            "ubi8/python-39:1-117, ubi8/python-312:latest",
        })
        void theSuccessorKeepsRegistryAndTagStyle(String written, String replacement) {
            ImageAssessment a = ASSESSOR.reference(written).orElseThrow();
            assertThat(a.state()).isEqualTo(LifecycleState.END_OF_LIFE);
            assertThat(a.replacement()).contains(replacement);
        }

        @Test
        void imageStreamTagStaysATag() {
            ImageAssessment a =
                    ASSESSOR.imageStreamTag("openshift", "python:3.8-ubi8").orElseThrow();
            assertThat(a.image()).isEqualTo("ubi8/python-38");
            assertThat(a.replacement()).contains("python:3.12-ubi8");
            assertThat(ASSESSOR.imageStreamTag("myproject", "python:3.8-ubi8")).isEmpty();
        }

        @Test
        void pythonVersionBecomesTheSuccessorsVersion() {
            ImageAssessment a = ASSESSOR.pythonVersion("3.8", null, null).orElseThrow();
            assertThat(a.image()).isEqualTo("ubi8/python-38");
            assertThat(a.replacement()).contains("3.12");
            ImageAssessment supported =
                    ASSESSOR.pythonVersion("3.12", "ubi9", null).orElseThrow();
            assertThat(supported.state()).isEqualTo(LifecycleState.SUPPORTED);
            assertThat(supported.replacement()).isEqualTo(Optional.empty());
        }

        @Test
        void sclorgBuildersSetPipNoCacheDirCommunityImagesDoNot() {
            assertThat(ASSESSOR.setsPipNoCacheDir("registry.access.redhat.com/ubi9/python-312"))
                    .isTrue();
            assertThat(ASSESSOR.setsPipNoCacheDir("python:3.12-slim")).isFalse();
        }
    }
}
