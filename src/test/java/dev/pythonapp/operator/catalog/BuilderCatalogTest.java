package dev.pythonapp.operator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.ImageVariant;
import dev.pythonapp.operator.api.OsFamily;
import dev.pythonapp.operator.catalog.BuilderCatalog.Resolution.Resolved;
import dev.pythonapp.operator.catalog.BuilderCatalog.Resolution.Unresolvable;
import dev.pythonapp.operator.testing.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuilderCatalogTest {
    private final BuilderCatalog catalog = Fixtures.catalog();

    /** Which catalog images count as supported in a case. */
    enum Supported {
        ANY(i -> true),
        NONE(i -> false),
        NOT_UBI9(i -> i.os() != OsFamily.UBI9),
        ONLY_3_1X(i -> i.python().startsWith("3.1"));

        final Predicate<BuilderImage> predicate;

        Supported(Predicate<BuilderImage> predicate) {
            this.predicate = predicate;
        }
    }

    @Nested
    class Resolve {
        /** Each row: the rule it shows, the spec's version, OS and variant (blank: default), what is supported, the image. */
        @ParameterizedTest(name = "{0}: {1} {2} {3} ({4} supported) -> {5}")
        @CsvSource(delimiter = '|', textBlock = """
            defaults to ubi9 full when it is supported | 3.12 |       |         | ANY      | ubi9/python-312
            # ubi9/python-312 reaches end of life before ubi10's: the default stays ubi9 and the EOL policy reports it
            the default OS does not depend on support  | 3.12 |       |         | NONE     | ubi9/python-312
            the default OS does not depend on support  | 3.12 |       |         | NOT_UBI9 | ubi9/python-312
            # 3.9: ubi9/python-39 is supported by the vendor until 2032
            the default OS follows the preference order | 3.9 |       |         | ANY      | ubi9/python-39
            # 3.11 exists on ubi9, ubi8, c9s and fedora (no ubi10): preference order without any supported image
            the default OS follows the preference order | 3.11 |      |         | NONE     | ubi9/python-311
            # 3.8 has images on centos7, ubi7 and ubi8; only ubi8 is in the preference list
            the default OS follows the preference order | 3.8 |       |         | NONE     | ubi8/python-38
            # 3.4 has images only on centos7 and ubi7, neither in the preference list
            without a preferred OS the alphabetically first | 3.4 |   |         | ANY      | centos/python-34-centos7
            the default variant is full                | 3.12 | UBI8  |         | ANY      | ubi8/python-312
            the default variant is full                | 3.12 | C9S   |         | ANY      | sclorg/python-312-c9s
            the default variant is minimal where the OS has no full image | 3.12 | UBI10 | | ANY | ubi10/python-312-minimal
            the default variant is minimal where the OS has no full image | 3.14 | C10S  | | ANY | sclorg/python-314-minimal-c10s
            an explicit variant                        | 3.12 | UBI9  | MINIMAL | ANY      | ubi9/python-312-minimal
            an explicit variant                        | 3.12 | UBI9  | FULL    | ANY      | ubi9/python-312
            an explicit variant with the default OS    | 3.12 |       | MINIMAL | ANY      | ubi9/python-312-minimal
            # ubi9 has no 3.13; c10s is the first OS with a minimal 3.13
            an explicit variant with the default OS    | 3.13 |       | MINIMAL | ANY      | sclorg/python-313-minimal-c10s
            """)
        void resolves(
                String rule, String python, OsFamily os, ImageVariant variant, Supported supported, String image) {
            assertThat(catalog.resolve(python, os, variant, supported.predicate))
                    .isInstanceOfSatisfying(
                            Resolved.class, r -> assertThat(r.image().name()).isEqualTo(image));
        }

        /** Each row: the spec's version, OS and variant (blank: default), what is supported, the reason and message. */
        @ParameterizedTest(name = "{0} {1} {2} ({3} supported) -> {4}")
        @CsvSource(delimiter = '|', textBlock = """
            3.13 | UBI9  |         | ANY  | InvalidBuilderCombination | Python 3.13 has no builder image on ubi9. Python 3.13 is available on: c10s (full, minimal), fedora (full, minimal)
            3.9  | UBI9  | MINIMAL | ANY  | InvalidBuilderCombination | Python 3.9 on ubi9 has no minimal image. Python 3.9 is available on: ubi9 (full), ubi8 (full, minimal), c9s (full, minimal)
            # full is not silently replaced by minimal when asked for
            3.12 | UBI10 | FULL    | ANY  | InvalidBuilderCombination | Python 3.12 on ubi10 has no full image. Python 3.12 is available on: ubi9 (full, minimal), ubi10 (minimal), ubi8 (full, minimal), c10s (full, minimal), c9s (full, minimal), fedora (full, minimal)
            # an unknown version lists the versions with a supported builder, sorted numerically
            3.99 |       |         | ONLY_3_1X | InvalidPythonVersion | Python 3.99 has no builder image in the catalog. Valid pythonVersion values: 3.10, 3.11, 3.12, 3.13, 3.14 (with a supported builder)
            3.99 |       |         | ANY  | InvalidPythonVersion | Python 3.99 has no builder image in the catalog. Valid pythonVersion values: 2.7, 3.3, 3.4, 3.5, 3.6, 3.8, 3.9, 3.10, 3.11, 3.12, 3.13, 3.14 (with a supported builder)
            4.0  |       |         | NONE | InvalidPythonVersion | Python 4.0 has no builder image in the catalog. Valid pythonVersion values: (none supported)
            """)
        void isUnresolvable(
                String python, OsFamily os, ImageVariant variant, Supported supported, String reason, String message) {
            assertThat(catalog.resolve(python, os, variant, supported.predicate))
                    .isInstanceOfSatisfying(Unresolvable.class, u -> {
                        assertThat(u.reason().id()).isEqualTo(reason);
                        assertThat(u.message()).isEqualTo(message);
                    });
        }

        @Test
        void ofSeveralImagesForOneCombinationTheLongestLivedWins() {
            // 3.8 on centos7 and 3.12 on ubi9 are single entries; build a catalog with two ubi9 3.12 repositories
            BuilderImage retired = image("old/python-312", "3.12", "ubi9", "full", LocalDate.of(2025, 1, 31));
            BuilderImage current = image("new/python-312", "3.12", "ubi9", "full", LocalDate.of(2030, 1, 31));
            BuilderImage older = image("older/python-312", "3.12", "ubi9", "full", LocalDate.of(2024, 1, 31));
            BuilderCatalog small = new BuilderCatalog(List.of(retired, current, older), List.of(), Map.of(), Map.of());
            assertThat(small.resolve("3.12", OsFamily.UBI9, null, Supported.ANY.predicate))
                    .isInstanceOfSatisfying(
                            Resolved.class, r -> assertThat(r.image().name()).isEqualTo("new/python-312"));
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

    /** The two ways to look an image up by a name users write. */
    enum Lookup {
        REFERENCE(BuilderCatalog::findByReference),
        IMAGE_STREAM_TAG(BuilderCatalog::findByImageStreamTag);

        final BiFunction<BuilderCatalog, String, Optional<BuilderImage>> find;

        Lookup(BiFunction<BuilderCatalog, String, Optional<BuilderImage>> find) {
            this.find = find;
        }
    }

    @Nested
    class Find {
        private static final String DIGEST = "sha256:6d2f1a1e6fbd5e7b0f4cba7ec0c8ef5c3a9b48c1d7d3a1d9e9f0a6b5c4d3e2f1";

        @ParameterizedTest(name = "{0} {1} -> {2}")
        @CsvSource(delimiter = '|', textBlock = """
            # every name, tag and digest of one image
            REFERENCE | registry.access.redhat.com/ubi8/python-38          | ubi8/python-38
            REFERENCE | registry.redhat.io/ubi8/python-38                  | ubi8/python-38
            REFERENCE | registry.redhat.io/rhel8/python-38                 | ubi8/python-38
            REFERENCE | registry.access.redhat.com/ubi8/python-38:1-100    | ubi8/python-38
            REFERENCE | registry.redhat.io/ubi8/python-38:latest           | ubi8/python-38
            REFERENCE | registry.access.redhat.com/ubi8/python-38@{digest} | ubi8/python-38
            REFERENCE | registry.redhat.io/rhel8/python-38:1-100@{digest}  | ubi8/python-38
            # Quay and Docker Hub aliases; a Docker Hub short name means docker.io
            REFERENCE | quay.io/sclorg/python-312-minimal-el8:20260101     | ubi8/python-312-minimal
            REFERENCE | docker.io/centos/python-38-centos7                 | centos7/python-38-centos7
            REFERENCE | centos/python-36-centos7:latest                    | centos/python-36-centos7
            # full and minimal are not confused
            REFERENCE | registry.access.redhat.com/ubi9/python-312-minimal | ubi9/python-312-minimal
            REFERENCE | registry.access.redhat.com/ubi9/python-312         | ubi9/python-312
            # tags of the openshift/python ImageStream, and its aliases
            IMAGE_STREAM_TAG | 3.8-ubi8           | ubi8/python-38
            IMAGE_STREAM_TAG | 3.8-ubi7           | rhscl/python-38-rhel7
            IMAGE_STREAM_TAG | 3.12-ubi9          | ubi9/python-312
            IMAGE_STREAM_TAG | 3.12-minimal-ubi10 | ubi10/python-312-minimal
            IMAGE_STREAM_TAG | 3.8                | rhscl/python-38-rhel7
            IMAGE_STREAM_TAG | 2.7                | rhscl/python-27-rhel7
            IMAGE_STREAM_TAG | latest             | ubi8/python-312
            """)
        void findsTheImage(Lookup lookup, String name, String image) {
            assertThat(lookup.find.apply(catalog, name.replace("{digest}", DIGEST)))
                    .map(BuilderImage::name)
                    .contains(image);
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource(delimiter = '|', textBlock = """
            REFERENCE | docker.io/library/python:3.12
            REFERENCE | python:3.12-slim
            REFERENCE | quay.io/example/custom-python:1.0
            # the right repository on a registry the catalog does not list for it
            REFERENCE | quay.io/ubi8/python-38
            REFERENCE | registry.access.redhat.com/ubi8/python-38-minimal
            IMAGE_STREAM_TAG | 3.14-ubi9
            IMAGE_STREAM_TAG | 3.12-ubi11
            """)
        void findsNothingForAForeignName(Lookup lookup, String name) {
            assertThat(lookup.find.apply(catalog, name)).isEmpty();
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
