package dev.pythonapp.operator.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildRequestPlanTest {
    static final Map<String, String> V1 = Map.of("git.uri", "aaa", "git.ref", "bbb");
    static final Map<String, String> V2 = Map.of("git.uri", "aaa", "git.ref", "ccc");

    @Test
    void theFirstSightIsRecordedBecauseTheConfigChangeTriggerBuildsANewBuildConfig() {
        assertThat(BuildRequestPlan.decide(false, null, V1)).isEqualTo(new BuildRequestPlan.Record(V1));
    }

    @Test
    void unchangedInputsRequestNothingSoARestartOrResyncBuildsNothing() {
        assertThat(BuildRequestPlan.decide(false, V1, Map.copyOf(V1))).isEqualTo(new BuildRequestPlan.Nothing());
    }

    @Test
    void aChangeRequestsOneBuildNamingIt() {
        assertThat(BuildRequestPlan.decide(false, V1, V2))
                .isEqualTo(new BuildRequestPlan.Request(
                        V2, List.of("git.ref"), "pythonapp-operator: build inputs changed: git.ref"));
    }

    @Test
    void pausedBuildsAreNeverRequestedAndTheChangeWaits() {
        assertThat(BuildRequestPlan.decide(true, V1, V2)).isEqualTo(new BuildRequestPlan.Nothing());
        assertThat(BuildRequestPlan.decide(true, null, V2)).isEqualTo(new BuildRequestPlan.Nothing());
    }
}
