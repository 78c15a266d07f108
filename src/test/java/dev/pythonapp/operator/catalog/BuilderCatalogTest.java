package dev.pythonapp.operator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.ImageVariant;
import dev.pythonapp.operator.api.OsFamily;
import dev.pythonapp.operator.catalog.BuilderCatalog.Resolution;
import dev.pythonapp.operator.catalog.BuilderCatalog.Resolution.Resolved;
import dev.pythonapp.operator.catalog.BuilderCatalog.Resolution.Unresolvable;
import dev.pythonapp.operator.testing.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BuilderCatalogTest {
    private static final Predicate<BuilderImage> ANY = i -> true;
    private static final Predicate<BuilderImage> NONE = i -> false;

    private final BuilderCatalog catalog = Fixtures.catalog();

    private static String resolvedName(Resolution resolution) {
        assertThat(resolution).isInstanceOf(Resolved.class);
        return ((Resolved) resolution).image().name();
    }

    private static Unresolvable unresolvable(Resolution resolution) {
        assertThat(resolution).isInstanceOf(Unresolvable.class);
        return (Unresolvable) resolution;
    }

    @Nested
    class Resolve {
        @Test
        void defaultsToUbi9FullWhenItIsSupported() {
            assertThat(resolvedName(catalog.resolve("3.12", null, null, ANY))).isEqualTo("ubi9/python-312");
        }

        @Test
        void defaultOsDoesNotDependOnWhichImagesAreSupported() {
            // ubi9/python-312 reaches end of life before ubi10's: the default stays ubi9 and the EOL policy reports it
            assertThat(resolvedName(catalog.resolve("3.12", null, null, NONE))).isEqualTo("ubi9/python-312");
            Predicate<BuilderImage> notUbi9 = i -> i.os() != OsFamily.UBI9;
            assertThat(resolvedName(catalog.resolve("3.12", null, null, notUbi9)))
                    .isEqualTo("ubi9/python-312");
        }

        @Test
        void defaultOsFollowsThePreferenceOrder() {
            // 3.9: ubi9/python-39 is supported by the vendor until 2032
            assertThat(resolvedName(catalog.resolve("3.9", null, null, ANY))).isEqualTo("ubi9/python-39");
            // 3.11 exists on ubi9, ubi8, c9s and fedora (no ubi10): preference order without any supported image
            assertThat(resolvedName(catalog.resolve("3.11", null, null, NONE))).isEqualTo("ubi9/python-311");
        }

        @Test
        void withoutAnySupportedImageTheDefaultOsStillFollowsThePreferenceOrder() {
            // 3.8 has images on centos7, ubi7 and ubi8; only ubi8 is in the preference list
            assertThat(resolvedName(catalog.resolve("3.8", null, null, NONE))).isEqualTo("ubi8/python-38");
        }

        @Test
        void withoutAnyPreferredOsTheAlphabeticallyFirstOsIsTaken() {
            // 3.4 has images only on centos7 and ubi7, neither in the preference list
            assertThat(resolvedName(catalog.resolve("3.4", null, null, ANY))).isEqualTo("centos/python-34-centos7");
        }

        @Test
        void defaultVariantIsFull() {
            assertThat(resolvedName(catalog.resolve("3.12", OsFamily.UBI8, null, ANY)))
                    .isEqualTo("ubi8/python-312");
            assertThat(resolvedName(catalog.resolve("3.12", OsFamily.C9S, null, ANY)))
                    .isEqualTo("sclorg/python-312-c9s");
        }

        @Test
        void defaultVariantIsMinimalWhereTheOsHasNoFullImage() {
            assertThat(resolvedName(catalog.resolve("3.12", OsFamily.UBI10, null, ANY)))
                    .isEqualTo("ubi10/python-312-minimal");
            assertThat(resolvedName(catalog.resolve("3.14", OsFamily.C10S, null, ANY)))
                    .isEqualTo("sclorg/python-314-minimal-c10s");
        }

        @Test
        void explicitVariant() {
            assertThat(resolvedName(catalog.resolve("3.12", OsFamily.UBI9, ImageVariant.MINIMAL, ANY)))
                    .isEqualTo("ubi9/python-312-minimal");
            assertThat(resolvedName(catalog.resolve("3.12", OsFamily.UBI9, ImageVariant.FULL, ANY)))
                    .isEqualTo("ubi9/python-312");
        }

        @Test
        void explicitVariantWithDefaultOs() {
            assertThat(resolvedName(catalog.resolve("3.12", null, ImageVariant.MINIMAL, ANY)))
                    .isEqualTo("ubi9/python-312-minimal");
            // ubi9 has no 3.13; c10s is the first OS with a minimal 3.13
            assertThat(resolvedName(catalog.resolve("3.13", null, ImageVariant.MINIMAL, ANY)))
                    .isEqualTo("sclorg/python-313-minimal-c10s");
        }

        @Test
        void aVersionMissingOnTheOsIsAnInvalidCombinationListingWhereItExists() {
            Unresolvable u = unresolvable(catalog.resolve("3.13", OsFamily.UBI9, null, ANY));
            assertThat(u.reason().id()).isEqualTo("InvalidBuilderCombination");
            assertThat(u.message())
                    .isEqualTo("Python 3.13 has no builder image on ubi9. "
                            + "Python 3.13 is available on: c10s (full, minimal), fedora (full, minimal)");
        }

        @Test
        void aVariantMissingOnTheOsIsAnInvalidCombination() {
            Unresolvable u = unresolvable(catalog.resolve("3.9", OsFamily.UBI9, ImageVariant.MINIMAL, ANY));
            assertThat(u.reason().id()).isEqualTo("InvalidBuilderCombination");
            assertThat(u.message())
                    .isEqualTo("Python 3.9 on ubi9 has no minimal image. "
                            + "Python 3.9 is available on: ubi9 (full), ubi8 (full, minimal), c9s (full, minimal)");
        }

        @Test
        void fullIsNotSilentlyReplacedByMinimalWhenAskedFor() {
            Unresolvable u = unresolvable(catalog.resolve("3.12", OsFamily.UBI10, ImageVariant.FULL, ANY));
            assertThat(u.reason().id()).isEqualTo("InvalidBuilderCombination");
            assertThat(u.message()).startsWith("Python 3.12 on ubi10 has no full image.");
        }

        @Test
        void anUnknownVersionIsInvalidAndListsTheVersionsWithASupportedBuilder() {
            Unresolvable u = unresolvable(
                    catalog.resolve("3.99", null, null, i -> i.python().startsWith("3.1")));
            assertThat(u.reason().id()).isEqualTo("InvalidPythonVersion");
            assertThat(u.message())
                    .isEqualTo("Python 3.99 has no builder image in the catalog. "
                            + "Valid pythonVersion values: 3.10, 3.11, 3.12, 3.13, 3.14 (with a supported builder)");
        }

        @Test
        void validVersionsAreSortedNumerically() {
            Unresolvable u = unresolvable(catalog.resolve("3.99", null, null, ANY));
            assertThat(u.message())
                    .endsWith(
                            "Valid pythonVersion values: "
                                    + "2.7, 3.3, 3.4, 3.5, 3.6, 3.8, 3.9, 3.10, 3.11, 3.12, 3.13, 3.14 (with a supported builder)");
        }

        @Test
        void anUnknownVersionWithNothingSupported() {
            assertThat(unresolvable(catalog.resolve("4.0", null, null, NONE)).message())
                    .endsWith("Valid pythonVersion values: (none supported)");
        }

        @Test
        void ofSeveralImagesForOneCombinationTheLongestLivedWins() {
            // 3.8 on centos7 and 3.12 on ubi9 are single entries; build a catalog with two ubi9 3.12 repositories
            BuilderImage retired = image("old/python-312", "3.12", "ubi9", "full", LocalDate.of(2025, 1, 31));
            BuilderImage current = image("new/python-312", "3.12", "ubi9", "full", LocalDate.of(2030, 1, 31));
            BuilderImage older = image("older/python-312", "3.12", "ubi9", "full", LocalDate.of(2024, 1, 31));
            BuilderCatalog small = new BuilderCatalog(List.of(retired, current, older), List.of(), Map.of(), Map.of());
            assertThat(resolvedName(small.resolve("3.12", OsFamily.UBI9, null, ANY)))
                    .isEqualTo("new/python-312");
        }

        private BuilderImage image(String name, String python, String os, String variant, LocalDate eol) {
            return new BuilderImage(
                    name,
                    python,
                    OsFamily.byId(os).orElseThrow(),
                    ImageVariant.byId(variant).orElseThrow(),
                    new BuilderImage.Names("registry.example.com/" + name, List.of(), List.of()),
                    new BuilderImage.VendorEol(eol, "src", null),
                    Optional.empty());
        }
    }

    @Nested
    class FindByReference {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "registry.access.redhat.com/ubi8/python-38",
                    "registry.redhat.io/ubi8/python-38",
                    "registry.redhat.io/rhel8/python-38",
                    "registry.access.redhat.com/ubi8/python-38:1-100",
                    "registry.redhat.io/ubi8/python-38:latest",
                    "registry.access.redhat.com/ubi8/python-38@sha256:6d2f1a1e6fbd5e7b0f4cba7ec0c8ef5c3a9b48c1d7d3a1d9e9f0a6b5c4d3e2f1",
                    "registry.redhat.io/rhel8/python-38:1-100@sha256:6d2f1a1e6fbd5e7b0f4cba7ec0c8ef5c3a9b48c1d7d3a1d9e9f0a6b5c4d3e2f1",
                })
        void findsTheImageUnderEveryNameTagAndDigest(String reference) {
            assertThat(catalog.findByReference(reference))
                    .map(BuilderImage::name)
                    .contains("ubi8/python-38");
        }

        @Test
        void findsQuayAndDockerHubAliases() {
            assertThat(catalog.findByReference("quay.io/sclorg/python-312-minimal-el8:20260101"))
                    .map(BuilderImage::name)
                    .contains("ubi8/python-312-minimal");
            assertThat(catalog.findByReference("docker.io/centos/python-38-centos7"))
                    .map(BuilderImage::name)
                    .contains("centos7/python-38-centos7");
            // a Docker Hub short name means docker.io
            assertThat(catalog.findByReference("centos/python-36-centos7:latest"))
                    .map(BuilderImage::name)
                    .contains("centos/python-36-centos7");
        }

        @Test
        void doesNotConfuseFullAndMinimal() {
            assertThat(catalog.findByReference("registry.access.redhat.com/ubi9/python-312-minimal"))
                    .map(BuilderImage::name)
                    .contains("ubi9/python-312-minimal");
            assertThat(catalog.findByReference("registry.access.redhat.com/ubi9/python-312"))
                    .map(BuilderImage::name)
                    .contains("ubi9/python-312");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "docker.io/library/python:3.12",
                    "python:3.12-slim",
                    "quay.io/example/custom-python:1.0",
                    // the right repository on a registry the catalog does not list for it
                    "quay.io/ubi8/python-38",
                    "registry.access.redhat.com/ubi8/python-38-minimal",
                })
        void aForeignImageIsNotFound(String reference) {
            assertThat(catalog.findByReference(reference)).isEmpty();
        }
    }

    @Nested
    class FindByImageStreamTag {
        @ParameterizedTest
        @CsvSource({
            "3.8-ubi8, ubi8/python-38",
            "3.8-ubi7, rhscl/python-38-rhel7",
            "3.12-ubi9, ubi9/python-312",
            "3.12-minimal-ubi10, ubi10/python-312-minimal",
            "3.8, rhscl/python-38-rhel7",
            "2.7, rhscl/python-27-rhel7",
            "latest, ubi8/python-312",
        })
        void findsTheImageBehindATag(String tag, String image) {
            assertThat(catalog.findByImageStreamTag(tag))
                    .map(BuilderImage::name)
                    .contains(image);
        }

        @Test
        void anUnknownTagIsNotFound() {
            assertThat(catalog.findByImageStreamTag("3.14-ubi9")).isEmpty();
            assertThat(catalog.findByImageStreamTag("3.12-ubi11")).isEmpty();
        }
    }

    @Test
    void describeOsesFollowsThePreferenceOrder() {
        List<BuilderImage> images =
                catalog.images().stream().filter(i -> i.python().equals("3.14")).toList();
        assertThat(BuilderCatalog.describeOses(images))
                .isEqualTo(
                        "ubi9 (full, minimal), ubi10 (minimal), c10s (minimal), c9s (full, minimal), fedora (full, minimal)");
    }
}
