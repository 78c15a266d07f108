package dev.pythonapp.operator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {
    private static final String DIGEST = "sha256:6d2f1a1e6fbd5e7b0f4cba7ec0c8ef5c3a9b48c1d7d3a1d9e9f0a6b5c4d3e2f1";

    @Test
    void registryRepositoryTagAndDigest() {
        ImageReference ref = ImageReference.parse("registry.access.redhat.com/ubi8/python-38:1-100@" + DIGEST);
        assertThat(ref).isEqualTo(new ImageReference("registry.access.redhat.com", "ubi8/python-38", "1-100", DIGEST));
        assertThat(ref.repositoryPath()).isEqualTo("registry.access.redhat.com/ubi8/python-38");
    }

    /** Each row: a reference, then its registry, repository, tag and digest (blank: none). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        quay.io/sclorg/python-312-c9s@{digest}    | quay.io            | sclorg/python-312-c9s    |           | {digest}
        registry.redhat.io/rhel9/python-312       | registry.redhat.io | rhel9/python-312         |           |
        # Docker Hub names are normalised
        python                                    | docker.io          | library/python           |           |
        python:3.12-slim                          | docker.io          | library/python           | 3.12-slim |
        centos/python-36-centos7                  | docker.io          | centos/python-36-centos7 |           |
        centos/python-36-centos7:latest           | docker.io          | centos/python-36-centos7 | latest    |
        docker.io/python                          | docker.io          | library/python           |           |
        docker.io/library/python:3.12             | docker.io          | library/python           | 3.12      |
        docker.io/centos/python-38-centos7        | docker.io          | centos/python-38-centos7 |           |
        # a first path component without dot, colon or localhost is a Docker Hub namespace
        myregistry/app:1                          | docker.io          | myregistry/app           | 1         |
        # registries with ports, and localhost
        localhost:5000/x                          | localhost:5000     | x                        |           |
        localhost:5000/x:dev                      | localhost:5000     | x                        | dev       |
        localhost:5000/team/app:1.0               | localhost:5000     | team/app                 | 1.0       |
        localhost/x                               | localhost          | x                        |           |
        myregistry.local:8443/a/b                 | myregistry.local:8443 | a/b                   |           |
        registry.example.com/app                  | registry.example.com  | app                   |           |
        """)
    void parses(String reference, String registry, String repository, String tag, String digest) {
        assertThat(ImageReference.parse(reference.replace("{digest}", DIGEST)))
                .isEqualTo(new ImageReference(
                        registry, repository, tag, digest == null ? null : digest.replace("{digest}", DIGEST)));
    }

    @Test
    void shortAndQualifiedDockerHubNamesHaveOneRepositoryPath() {
        assertThat(ImageReference.parse("python:3.12").repositoryPath())
                .isEqualTo(ImageReference.parse("docker.io/library/python").repositoryPath())
                .isEqualTo("docker.io/library/python");
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(ImageReference.parse("  quay.io/fedora/python-314:latest \n"))
                .isEqualTo(new ImageReference("quay.io", "fedora/python-314", "latest", null));
    }

    @Test
    void withTagDefaultsToLatest() {
        assertThat(ImageReference.withTag("quay.io/fedora/python-314", null))
                .isEqualTo("quay.io/fedora/python-314:latest");
        assertThat(ImageReference.withTag("quay.io/fedora/python-314", "43")).isEqualTo("quay.io/fedora/python-314:43");
    }
}
