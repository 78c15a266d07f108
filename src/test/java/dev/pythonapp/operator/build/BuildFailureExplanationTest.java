package dev.pythonapp.operator.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pythonapp.operator.api.MessageLimit;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BuildFailureExplanationTest {
    private static final BuildFailureHints HINTS = BuildFailureHints.builtIn();
    private static final String MINIMAL = "registry.access.redhat.com/ubi9/python-312-minimal";

    private static FailedBuild failed(String reason, String message, String log) {
        return new FailedBuild("myapp-3", FailedBuild.FAILED, reason, message, log, MINIMAL, "");
    }

    private static String explain(FailedBuild build) {
        return BuildFailureExplanation.explain(build, HINTS);
    }

    @Test
    void aKnownFailureGetsItsHint() {
        String log = """
                  Building wheel for ujson (pyproject.toml): finished with status 'error'
                      building 'ujson' extension
                      gcc -fno-strict-overflow -Wsign-compare -DNDEBUG -O2 -fPIC -I/usr/include/python3.12 -c ./python/ujson.c -o build/temp.linux-x86_64-cpython-312/python/ujson.o
                      error: command 'gcc' failed: No such file or directory
                  ERROR: Failed building wheel for ujson
                error: build error: building at STEP "RUN /usr/libexec/s2i/assemble": while running runtime: exit status 1
                """;
        String message = explain(failed("DockerBuildFailed", "Docker build strategy has failed.", log));

        assertThat(message)
                .startsWith("build myapp-3 failed (DockerBuildFailed): the builder image " + MINIMAL
                        + " has no C compiler or Python headers")
                .contains("spec.builder.variant: full", "wheel")
                .doesNotContain("{", "Docker build strategy")
                .hasSizeLessThanOrEqualTo(MessageLimit.CAUSE.maxLength());
    }

    @Test
    void theBuilderLifecycleIsPartOfAPullFailure() {
        var build = new FailedBuild(
                "myapp-7",
                FailedBuild.FAILED,
                "PullBuilderImageFailed",
                "Failed pulling builder image.",
                null,
                "registry.access.redhat.com/ubi8/python-39",
                "which is end of life since 2025-11-30");

        assertThat(explain(build))
                .startsWith("build myapp-7 failed (PullBuilderImageFailed): could not pull the builder image "
                        + "registry.access.redhat.com/ubi8/python-39, which is end of life since 2025-11-30: ");
    }

    @Test
    void aCancelledBuildGetsNoHint() {
        var build = new FailedBuild(
                "myapp-4",
                FailedBuild.CANCELLED,
                "CancelledBuild",
                "The build was cancelled by the user.",
                null,
                MINIMAL,
                "");

        assertThat(explain(build)).isEqualTo("build myapp-4 was cancelled");
    }

    @Test
    void aBuildSystemErrorSaysSo() {
        var build = new FailedBuild(
                "myapp-5",
                FailedBuild.ERROR,
                "BuildPodDeleted",
                "The pod for this build was deleted before the build completed.",
                null,
                MINIMAL,
                "");

        assertThat(explain(build))
                .isEqualTo("build myapp-5 failed with a build system error (BuildPodDeleted): "
                        + "The pod for this build was deleted before the build completed");
    }

    @Test
    void anUnknownFailureShowsReasonMessageAndTheEndOfTheLog() {
        String earlyLines = IntStream.rangeClosed(1, 200)
                .mapToObj(i -> "  Downloading package_" + i + "-1.0-py3-none-any.whl (12 kB)")
                .collect(Collectors.joining("\n"));
        String log = earlyLines + """

                ---> Collecting Django static files ...
                Traceback (most recent call last):
                  File "/opt/app-root/src/manage.py", line 22, in <module>
                django.core.exceptions.ImproperlyConfigured: The STATIC_ROOT setting must not be empty.

                error: build error: building at STEP "RUN /usr/libexec/s2i/assemble": while running runtime: exit status 1
                """;
        String message = explain(failed("GenericBuildFailed", "Generic Build failure - check logs for details.", log));

        assertThat(message)
                .startsWith("build myapp-3 failed (GenericBuildFailed): Generic Build failure - check logs for details;"
                        + " the build log ends:\n")
                .contains("ImproperlyConfigured: The STATIC_ROOT setting must not be empty.\n")
                .endsWith("while running runtime: exit status 1")
                .doesNotContain("package_1-1.0", "\n\n")
                .hasSizeLessThanOrEqualTo(MessageLimit.CAUSE.maxLength());
    }

    @Test
    void aLastLineLongerThanTheRoomKeepsItsEnd() {
        String log = "first line\nerror: " + "x".repeat(2000) + " the real cause";
        String message = explain(failed("GenericBuildFailed", null, log));

        assertThat(message)
                .hasSize(MessageLimit.CAUSE.maxLength())
                .startsWith("build myapp-3 failed (GenericBuildFailed); the build log ends:\n...xxx")
                .endsWith("xxx the real cause");
    }

    @Test
    void aLongStatusMessageIsCutSoTheLogStillFits() {
        String message =
                explain(failed("BuildPodEvicted", "The node was low on resource: memory. ".repeat(30), "last line\n"));

        assertThat(message)
                .contains("The node was low on resource", "...; the build log ends:\nlast line")
                .hasSizeLessThanOrEqualTo(MessageLimit.CAUSE.maxLength());
    }

    @Test
    void nothingKnownButTheName() {
        assertThat(explain(failed(null, null, null))).isEqualTo("build myapp-3 failed");
        assertThat(explain(failed("", " ", "\n \n"))).isEqualTo("build myapp-3 failed");
    }

    @Test
    void onlyFinishedUnsuccessfulBuildsAreExplained() {
        var running = new FailedBuild("myapp-6", "Running", null, null, null, MINIMAL, "");

        assertThatThrownBy(() -> explain(running))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("build myapp-6 is Running, not Failed, Error or Cancelled");
    }

    @Test
    void lastLinesKeepsWholeLinesFromTheEnd() {
        assertThat(BuildFailureExplanation.lastLines(List.of("aaaa", "bb", "cc"), 5))
                .isEqualTo("bb\ncc");
        assertThat(BuildFailureExplanation.lastLines(List.of("aaaa", "bb", "cc"), 4))
                .isEqualTo("cc");
        assertThat(BuildFailureExplanation.lastLines(List.of("0123456789"), 7)).isEqualTo("...6789");
    }
}
