package dev.pythonapp.operator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CommunityImagesTest {
    static final BuilderCatalog CATALOG = CatalogLoader.builtIn();

    @Test
    void theBuiltInCatalogKnowsDockerHubsPythonUnderItsSpellings() {
        assertThat(CATALOG.findCommunityImage("python:3.8-slim"))
                .contains(new CommunityImage("python", "3.8", "slim", LocalDate.of(2024, 10, 7), "python-peps"));
        assertThat(CATALOG.findCommunityImage("docker.io/library/python:3.12.4-alpine3.20@sha256:ab"))
                .map(CommunityImage::reference)
                .contains("docker.io/library/python:3.12-alpine3.20");
        assertThat(CATALOG.findCommunityImage("index.docker.io/library/python:3.7"))
                .map(CommunityImage::name)
                .contains("python:3.7");
    }

    @Test
    void communityImagesAreNeverBuilders() {
        assertThat(CATALOG.images()).noneMatch(i -> i.image().contains("library/python"));
        assertThat(CATALOG.findByReference("python:3.8-slim")).isEmpty();
        assertThat(CATALOG.resolve("3.7", null, null, i -> true))
                .isInstanceOf(BuilderCatalog.Resolution.Unresolvable.class);
    }

    /** The built-in catalog with an overlay that adds the repository quay.io/acme/python with {@code versions}. */
    private static BuilderCatalog withAcmePython(String... versions) {
        CatalogDocument overlay = CatalogLoader.parse("""
                communityImages:
                  - repository: quay.io/acme/python
                    versions: [%s]
                    baseFlavours: [slim]
                    source: python-peps
                """.formatted(String.join(", ", versions)));
        return CatalogLoader.toCatalog(CatalogLoader.merge(CatalogLoader.readBuiltIn(), overlay));
    }

    @Test
    void aVersionWithoutACpythonDateIsRejected() {
        assertThatThrownBy(() -> withAcmePython("3.5", "3.12"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("communityImages quay.io/acme/python: version 3.5 has no python entry");
    }

    @Test
    void anOverlayAddsARepository() {
        BuilderCatalog merged = withAcmePython("3.9", "3.12");
        assertThat(merged.communityRepositories()).hasSize(2);
        assertThat(merged.findCommunityImage("quay.io/acme/python:3.9-slim"))
                .map(CommunityImage::eol)
                .contains(LocalDate.of(2025, 10, 31));
        assertThat(merged.findCommunityImage("python:3.9")).isPresent();
    }
}
