package dev.pythonapp.operator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pythonapp.operator.api.ImageVariant;
import dev.pythonapp.operator.api.OsFamily;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogLoaderTest {

    /** A valid one-image document; tests splice broken bits into it. */
    private static final String SOURCES = """
            sources:
              src-a: "source A"
            """;

    /** The keys of a Python 3.12 ubi9 image entry in document order; tests change, drop or add some. */
    private static Map<String, String> imageEntry(String name, String image, String vendorEol, String source) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("python", "\"3.12\"");
        entry.put("os", "ubi9");
        entry.put("variant", "full");
        entry.put("image", image);
        entry.put("vendorEol", vendorEol);
        entry.put("vendorEolSource", source);
        return entry;
    }

    /** A valid image entry on registry.example.com with source {@code src-a}. */
    private static Map<String, String> validImage(String name) {
        return imageEntry(name, "registry.example.com/" + name, "2030-01-31", "src-a");
    }

    /** One entry of an {@code images:} list. */
    private static String imageYaml(Map<String, String> image) {
        return image.entrySet().stream()
                .map(key -> key.getKey() + ": " + key.getValue())
                .collect(Collectors.joining("\n    ", "  - ", "\n"));
    }

    /** A valid image entry with {@code extraLines} added. */
    private static String imageYaml(String name, String extraLines) {
        return imageYaml(validImage(name)) + extraLines.indent(4);
    }

    private static CatalogException problemsOf(String yaml) {
        return catchThrowableOfType(CatalogException.class, () -> CatalogLoader.toCatalog(CatalogLoader.parse(yaml)));
    }

    @Nested
    class BuiltIn {
        private final BuilderCatalog catalog = CatalogLoader.builtIn();
        private final CatalogDocument doc = CatalogLoader.readBuiltIn();

        @Test
        void loadsEveryImageOfTheDocument() {
            assertThat(catalog.images()).hasSize(doc.images.size()).hasSizeGreaterThan(50);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "ubi8/python-38",
                    "ubi9/python-312",
                    "ubi10/python-312-minimal",
                    "sclorg/python-313-c10s",
                    "fedora/python-314"
                })
        void hasImagesOfEveryLineage(String name) {
            assertThat(catalog.byName(name)).map(BuilderImage::name).contains(name);
        }

        @Test
        void readsTheFieldsOfAnImage() {
            BuilderImage image = catalog.byName("ubi8/python-38").orElseThrow();
            assertThat(image.python()).isEqualTo("3.8");
            assertThat(image.os()).isEqualTo(OsFamily.UBI8);
            assertThat(image.variant()).isEqualTo(ImageVariant.FULL);
            assertThat(image.image()).isEqualTo("registry.access.redhat.com/ubi8/python-38");
            assertThat(image.reference()).isEqualTo("registry.access.redhat.com/ubi8/python-38:latest");
            assertThat(image.names().aliases())
                    .containsExactly("registry.redhat.io/ubi8/python-38", "registry.redhat.io/rhel8/python-38");
            assertThat(image.imageStreamTags()).containsExactly("3.8-ubi8");
            assertThat(image.vendorEol().date()).isEqualTo(LocalDate.of(2023, 5, 31));
            assertThat(image.vendorEol().source()).isEqualTo("rh-insights-roadmap");
            assertThat(image.successor()).isEmpty();
        }

        @Test
        void readsExplicitSuccessors() {
            assertThat(catalog.byName("sclorg/python-312-c8s").orElseThrow().successor())
                    .contains("sclorg/python-312-c9s");
            assertThat(catalog.byName("fedora/python-313").orElseThrow().successor())
                    .contains("fedora/python-314");
        }

        @Test
        void everyImageHasADefinedSource() {
            assertThat(catalog.images()).allSatisfy(image -> {
                assertThat(image.vendorEol().date())
                        .as("vendorEol of %s", image.name())
                        .isNotNull();
                assertThat(catalog.sources())
                        .as("source of %s", image.name())
                        .containsKey(image.vendorEol().source());
            });
        }

        @Test
        void everyRemovalAndReleaseHasADefinedSource() {
            assertThat(doc.images)
                    .filteredOn(i -> i.removed != null)
                    .allSatisfy(i -> assertThat(catalog.sources()).containsKey(i.removedSource));
            assertThat(catalog.releases())
                    .allSatisfy(r -> assertThat(catalog.sources()).containsKey(r.source()));
        }

        @Test
        void namesAndPullSpecsAreUnique() {
            Set<String> names = new HashSet<>();
            Set<String> pullSpecs = new HashSet<>();
            for (BuilderImage image : catalog.images()) {
                assertThat(names.add(image.name()))
                        .as("unique name %s", image.name())
                        .isTrue();
                assertThat(pullSpecs.add(ImageReference.parse(image.image()).repositoryPath()))
                        .as("unique pull spec %s", image.image())
                        .isTrue();
                for (String alias : image.names().aliases()) {
                    assertThat(pullSpecs.add(ImageReference.parse(alias).repositoryPath()))
                            .as("alias %s of %s names no other image", alias, image.name())
                            .isTrue();
                }
            }
        }

        @Test
        void everyImageStreamTagNamesOneImage() {
            Set<String> tags = new HashSet<>();
            catalog.images()
                    .forEach(i -> i.imageStreamTags()
                            .forEach(t -> assertThat(tags.add(t))
                                    .as("tag %s appears once", t)
                                    .isTrue()));
            assertThat(tags)
                    .doesNotContainAnyElementsOf(catalog.imageStreamTagAliases().keySet());
        }

        @Test
        void theNameIsTheRepositoryPathOfTheImage() {
            assertThat(catalog.images())
                    .allSatisfy(i -> assertThat(ImageReference.parse(i.image()).repository())
                            .as("image of %s", i.name())
                            .isEqualTo(i.name()));
        }

        @Test
        void readsUpstreamReleases() {
            assertThat(catalog.release("3.6").orElseThrow().eol()).isEqualTo(LocalDate.of(2021, 12, 23));
            assertThat(catalog.release("3.12").orElseThrow().eol()).isEqualTo(LocalDate.of(2028, 10, 31));
            assertThat(catalog.release("3.3")).isEmpty();
            assertThat(catalog.upstreamEol(catalog.byName("ubi9/python-39").orElseThrow()))
                    .contains(LocalDate.of(2025, 10, 31));
        }

        @Test
        void readsImageStreamTagAliases() {
            assertThat(catalog.imageStreamTagAliases())
                    .containsEntry("latest", "ubi8/python-312")
                    .containsEntry("3.8", "rhscl/python-38-rhel7");
        }
    }

    @Nested
    class Validation {
        @Test
        void aValidDocumentLoads() {
            BuilderCatalog catalog = CatalogLoader.toCatalog(
                    CatalogLoader.parse(SOURCES + "images:\n" + imageYaml("example/python-312", "")));
            assertThat(catalog.images()).extracting(BuilderImage::name).containsExactly("example/python-312");
            BuilderImage image = catalog.images().get(0);
            assertThat(image.names().aliases()).isEmpty();
            assertThat(image.imageStreamTags()).isEmpty();
            assertThat(image.successor()).isEmpty();
        }

        @Test
        void anUnknownKeyIsRejectedByTheParser() {
            CatalogException e = catchThrowableOfType(
                    CatalogException.class,
                    () -> CatalogLoader.parse(
                            SOURCES + "images:\n" + imageYaml("example/python-312", "vendorEOL: 2030-01-31")));
            assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith("not a catalog document:")
                    .contains("vendorEOL");
            assertThat(e).hasMessageStartingWith("invalid builder catalog: not a catalog document:");
        }

        @Test
        void anUnknownTopLevelKeyIsRejected() {
            assertThatThrownBy(() -> CatalogLoader.parse(SOURCES + "imagez: []\n"))
                    .isInstanceOf(CatalogException.class)
                    .hasMessageContaining("imagez");
        }

        @Test
        void yamlThatIsNoCatalogIsACatalogException() {
            assertThatThrownBy(() -> CatalogLoader.parse("images: [unclosed\n"))
                    .isInstanceOf(CatalogException.class)
                    .hasMessageContaining("not a catalog document");
            assertThatThrownBy(() -> CatalogLoader.parse("just a string"))
                    .isInstanceOf(CatalogException.class)
                    .hasMessageContaining("not a catalog document");
        }

        @Test
        void aMissingVendorEolIsListed() {
            Map<String, String> image = validImage("example/python-312");
            image.remove("vendorEol");
            String yaml = SOURCES + "images:\n" + imageYaml(image);
            assertThat(problemsOf(yaml).problems()).containsExactly("image example/python-312: vendorEol is required");
        }

        @Test
        void aSuccessorNamingNoImageIsListed() {
            String yaml = SOURCES + "images:\n" + imageYaml("example/python-312", "successor: example/python-399");
            assertThat(problemsOf(yaml).problems())
                    .containsExactly("image example/python-312: successor example/python-399 is not in the catalog");
        }

        @Test
        void aSuccessorDefinedLaterInTheDocumentIsFine() {
            String yaml = SOURCES + "images:\n" + imageYaml("example/python-311", "successor: example/python-312")
                    + imageYaml("example/python-312", "");
            assertThat(CatalogLoader.toCatalog(CatalogLoader.parse(yaml))
                            .byName("example/python-311")
                            .orElseThrow()
                            .successor())
                    .contains("example/python-312");
        }

        @Test
        void anUndefinedSourceIdIsListed() {
            Map<String, String> image = imageEntry(
                    "example/python-312", "registry.example.com/example/python-312", "2030-01-31", "no-such-source");
            image.put("removed", "2029-01-01");
            image.put("removedSource", "also-missing");
            String yaml = SOURCES + "images:\n" + imageYaml(image) + """
                    python:
                      - version: "3.12"
                        eol: 2028-10-31
                        source: missing-too
                    """;
            assertThat(problemsOf(yaml).problems())
                    .containsExactly(
                            "image example/python-312: source no-such-source is not defined under sources",
                            "image example/python-312: source also-missing is not defined under sources",
                            "python 3.12: source missing-too is not defined under sources");
        }

        @Test
        void everyProblemOfADocumentIsListedAtOnce() {
            Map<String, String> unnamed = validImage("example/b");
            unnamed.remove("name");
            unnamed.remove("image");
            Map<String, String> sameName = validImage("example/a");
            sameName.put("image", "registry.example.com/example/a2");
            Map<String, String> invalid = validImage("example/a");
            invalid.put("python", "3.x");
            invalid.put("os", "windows");
            invalid.put("variant", "tiny");
            String yaml = SOURCES + "images:\n" + imageYaml(invalid) + imageYaml(sameName) + imageYaml(unnamed) + """
                    python:
                      - version: "3.12"
                        source: src-a
                    imageStreamTagAliases:
                      latest: example/missing
                    """;
            CatalogException e = problemsOf(yaml);
            assertThat(e.problems())
                    .containsExactly(
                            "image example/a: python must look like 3.12, got 3.x",
                            "image example/a: os must be one of [c10s, c8s, c9s, centos7, fedora, ubi10, ubi7, ubi8, ubi9], got windows",
                            "image example/a: variant must be one of [full, minimal], got tiny",
                            "image example/a: duplicate name",
                            "image (unnamed): name is required",
                            "image (unnamed): image is required",
                            "python 3.12: eol is required",
                            "imageStreamTagAliases latest: example/missing is not in the catalog");
            assertThat(e).hasMessage("invalid builder catalog: " + String.join("; ", e.problems()));
        }
    }

    @Nested
    class Merge {
        private final CatalogDocument base = CatalogLoader.readBuiltIn();

        @Test
        void anOverrideReplacesAnImageByNameAndOverridesItsDate() {
            Map<String, String> moved = imageEntry(
                    "ubi9/python-312", "registry.access.redhat.com/ubi9/python-312", "2028-05-31", "site-policy");
            CatalogDocument override = CatalogLoader.parse("""
                    sources:
                      site-policy: "our platform team's support statement"
                    images:
                    """ + imageYaml(moved));
            BuilderCatalog merged = CatalogLoader.toCatalog(CatalogLoader.merge(base, override));

            BuilderImage image = merged.byName("ubi9/python-312").orElseThrow();
            assertThat(image.vendorEol().date()).isEqualTo(LocalDate.of(2028, 5, 31));
            assertThat(image.vendorEol().source()).isEqualTo("site-policy");
            // replaced as a whole: the built-in aliases are not carried over
            assertThat(image.names().aliases()).isEmpty();
            assertThat(merged.images()).hasSize(base.images.size());
            // sources are merged, not replaced
            assertThat(merged.sources()).containsKeys("site-policy", "rh-insights-roadmap");
            // the other images are untouched
            assertThat(merged.byName("ubi9/python-312-minimal")
                            .orElseThrow()
                            .vendorEol()
                            .date())
                    .isEqualTo(LocalDate.of(2027, 4, 30));
        }

        @Test
        void anOverrideAddsNewImagesThatCanUseBuiltInSources() {
            Map<String, String> acme = imageEntry(
                    "acme/python-312", "registry.acme.example/acme/python-312", "2031-12-31", "endoflife-date");
            acme.put("successor", "ubi9/python-314");
            CatalogDocument override = CatalogLoader.parse("images:\n" + imageYaml(acme) + """
                    imageStreamTagAliases:
                      latest: acme/python-312
                    """);
            BuilderCatalog merged = CatalogLoader.toCatalog(CatalogLoader.merge(base, override));

            assertThat(merged.images()).hasSize(base.images.size() + 1);
            assertThat(merged.images().get(merged.images().size() - 1).name()).isEqualTo("acme/python-312");
            BuilderImage added = merged.byName("acme/python-312").orElseThrow();
            assertThat(merged.findByReference("registry.acme.example/acme/python-312:1.0"))
                    .containsSame(added);
            assertThat(merged.findByImageStreamTag("latest")).containsSame(added);
            assertThat(merged.findByImageStreamTag("3.8").map(BuilderImage::name))
                    .contains("rhscl/python-38-rhel7");
        }

        @Test
        void anOverrideReplacesAPythonRelease() {
            CatalogDocument override = CatalogLoader.parse("""
                    python:
                      - version: "3.12"
                        eol: 2028-10-01
                        source: python-peps
                    """);
            BuilderCatalog merged = CatalogLoader.toCatalog(CatalogLoader.merge(base, override));
            assertThat(merged.release("3.12").orElseThrow().eol()).isEqualTo(LocalDate.of(2028, 10, 1));
            assertThat(merged.release("3.13").orElseThrow().eol()).isEqualTo(LocalDate.of(2029, 10, 31));
            assertThat(merged.releases()).hasSize(base.python.size());
        }

        @Test
        void mergeLeavesBothInputsAlone() {
            int images = base.images.size();
            CatalogDocument override = CatalogLoader.parse(
                    "sources:\n  x: y\nimages:\n" + imageYaml("acme/p", "").replace("src-a", "x"));
            CatalogLoader.merge(base, override);
            assertThat(base.images).hasSize(images);
            assertThat(base.sources).doesNotContainKey("x");
            assertThat(override.images).hasSize(1);
        }

        @Test
        void aBrokenOverrideIsReportedAfterTheMerge() {
            CatalogDocument override = CatalogLoader.parse("images:\n"
                    + imageYaml("acme/python-312", "successor: acme/python-399").replace("src-a", "endoflife-date"));
            CatalogDocument merged = CatalogLoader.merge(base, override);
            assertThatThrownBy(() -> CatalogLoader.toCatalog(merged))
                    .isInstanceOfSatisfying(
                            CatalogException.class,
                            e -> assertThat(e.problems())
                                    .isEqualTo(List.of(
                                            "image acme/python-312: successor acme/python-399 is not in the catalog")));
        }
    }
}
