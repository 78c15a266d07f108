package dev.pythonapp.operator.build;

import static dev.pythonapp.operator.build.BuildFixtures.build;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.BuildReport.BuildRequestReport;
import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import io.fabric8.openshift.api.model.Build;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BuildVerdictTest {
    static final Function<Build, String> EXPLAIN =
            b -> "explained " + b.getMetadata().getName();

    static BuildVerdict verdict(List<Build> builds, BuildRequestReport request) {
        return BuildVerdict.of(Optional.empty(), "app", builds, request, EXPLAIN);
    }

    static BuildRequestReport request(String outcome, long after) {
        BuildRequestReport request = new BuildRequestReport();
        request.outcome = outcome;
        request.afterNumber = after;
        request.triggeredBy = "pythonapp-operator: build inputs changed: git.ref";
        return request;
    }

    @Test
    void beforeAnyBuildTheAppWaitsForTheConfigChangeBuild() {
        BuildVerdict v = verdict(List.of(), null);
        assertThat(v.reason()).isEqualTo(ConditionReason.AWAITING_BUILD);
        assertThat(v.message()).contains("first build of BuildConfig app");
    }

    @Test
    void eachPhaseOfTheLatestBuildMapsToTheBuiltCondition() {
        assertThat(verdict(List.of(build("app", 1, "Running")), null).reason()).isEqualTo(ConditionReason.BUILDING);
        assertThat(verdict(List.of(build("app", 1, "Pending")), null).message()).isEqualTo("build app-1 is pending");
        assertThat(verdict(List.of(build("app", 1, "Complete")), null))
                .isEqualTo(new BuildVerdict(ConditionReason.BUILD_COMPLETE, "build app-1 completed"));
        assertThat(verdict(List.of(build("app", 1, "Complete"), build("app", 2, "Failed")), null))
                .isEqualTo(new BuildVerdict(ConditionReason.BUILD_FAILED, "explained app-2"));
        assertThat(verdict(List.of(build("app", 2, "Error")), null).reason()).isEqualTo(ConditionReason.BUILD_ERROR);
        assertThat(verdict(List.of(build("app", 2, "Cancelled")), null).reason())
                .isEqualTo(ConditionReason.BUILD_CANCELLED);
    }

    @Test
    void aBuildOlderThanTheRequestDoesNotCountForTheNewInputs() {
        List<Build> builds = List.of(build("app", 1, "Complete"));
        assertThat(verdict(builds, request(BuildVerdict.REQUESTED, 1)).reason())
                .isEqualTo(ConditionReason.AWAITING_BUILD);
        assertThat(verdict(builds, request(BuildVerdict.NOT_SERVED, 1)).reason())
                .isEqualTo(ConditionReason.INSTANTIATE_NOT_SERVED);
        assertThat(verdict(List.of(build("app", 1, "Complete"), build("app", 2, "Running")), request("NotServed", 1))
                        .reason())
                .as("a build started another way (oc start-build) after the request counts")
                .isEqualTo(ConditionReason.BUILDING);
    }

    @Test
    void pausedBuildsSaySo() {
        BuildVerdict v =
                BuildVerdict.of(Optional.of("builder ubi8/python-38 is end of life"), "app", List.of(), null, EXPLAIN);
        assertThat(v)
                .isEqualTo(new BuildVerdict(
                        ConditionReason.BUILDS_PAUSED, "builds are paused: builder ubi8/python-38 is end of life"));
    }
}
