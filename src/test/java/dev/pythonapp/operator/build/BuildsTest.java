package dev.pythonapp.operator.build;

import static dev.pythonapp.operator.build.BuildFixtures.build;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.BuildReport;
import io.fabric8.openshift.api.model.Build;
import io.fabric8.openshift.api.model.BuildBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildsTest {

    @Test
    void theLatestBuildIsTheHighestNumberNotTheLastName() {
        List<Build> builds =
                List.of(build("app", 9, "Complete"), build("app", 10, "Running"), build("app", 2, "Failed"));
        assertThat(Builds.latest(builds).orElseThrow().getMetadata().getName()).isEqualTo("app-10");
        assertThat(Builds.latest(List.of())).isEmpty();
    }

    @Test
    void theNumberComesFromTheAnnotationElseFromTheName() {
        Build unannotated = new BuildBuilder()
                .withNewMetadata()
                .withName("my-app-7")
                .endMetadata()
                .build();
        Build odd = new BuildBuilder()
                .withNewMetadata()
                .withName("my-app")
                .endMetadata()
                .build();
        assertThat(Builds.number(unannotated)).isEqualTo(7);
        assertThat(Builds.number(odd)).isZero();
        assertThat(Builds.number(build("x", 12, "New"))).isEqualTo(12);
    }

    @Test
    void theReportCarriesCommitDigestTimesAndKeepsTheOperatorsFields() {
        Build done = new BuildBuilder(build("app", 3, "Complete"))
                .editSpec()
                .withNewRevision()
                .withNewGit()
                .withCommit("0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c")
                .endGit()
                .endRevision()
                .endSpec()
                .editStatus()
                .withOutputDockerImageReference("image-registry.openshift-image-registry.svc:5000/ns/app:latest")
                .withNewOutput()
                .withNewTo()
                .withImageDigest("sha256:abc")
                .endTo()
                .endOutput()
                .withStartTimestamp("2026-12-02T10:00:00Z")
                .withCompletionTimestamp("2026-12-02T10:01:23Z")
                .withDuration(Duration.ofSeconds(83).toNanos())
                .endStatus()
                .build();
        BuildReport previous = new BuildReport();
        previous.inputs = Map.of("git.ref", "abc");
        BuildReport report = Builds.report(done, previous);
        assertThat(report.name).isEqualTo("app-3");
        assertThat(report.number).isEqualTo(3);
        assertThat(report.commit).isEqualTo("0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c");
        assertThat(report.outputDigest).isEqualTo("sha256:abc");
        assertThat(report.duration).isEqualTo("1m23s");
        assertThat(report.triggeredBy).isEqualTo("Build configuration change");
        assertThat(report.inputs).isEqualTo(previous.inputs);
    }

    @Test
    void durationsReadLikeOcPrintsThem() {
        assertThat(Builds.humanDuration(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Builds.humanDuration(Duration.ofSeconds(3720))).isEqualTo("1h2m0s");
    }
}
