package dev.pythonapp.operator.eol;

import static dev.pythonapp.operator.testing.Fixtures.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pythonapp.operator.api.EolPolicy;
import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import dev.pythonapp.operator.catalog.BuilderImage;
import dev.pythonapp.operator.eol.BuilderDecision.Action;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The named factories: each action comes with the builders and the condition reason it implies. */
class BuilderDecisionTest {
    static final BuilderImage PY38 = image("ubi8/python-38");
    static final BuilderImage PY312 = image("ubi8/python-312");
    static final String REF = "registry.access.redhat.com/ubi8/python-38:latest";

    static LifecycleAssessment assessment(LifecycleState state, Optional<BuilderImage> successor) {
        return new LifecycleAssessment(state, Optional.of(LocalDate.of(2023, 5, 31)), EolBasis.VENDOR, successor);
    }

    @Test
    void buildKeepsTheRequestedBuilderAndTheReasonFollowsTheState() {
        for (var expected : new Object[][] {
            {LifecycleState.SUPPORTED, ConditionReason.SUPPORTED},
            {LifecycleState.END_OF_LIFE_SOON, ConditionReason.END_OF_LIFE_SOON},
            {LifecycleState.END_OF_LIFE, ConditionReason.END_OF_LIFE}
        }) {
            BuilderDecision d = BuilderDecision.build(
                    REF, PY38, assessment((LifecycleState) expected[0], Optional.empty()), EolPolicy.Warn, "m");
            assertThat(d.action()).isEqualTo(Action.BUILD);
            assertThat(d.effective()).isEqualTo(d.requested());
            assertThat(d.requested().image()).contains(PY38);
            assertThat(d.reason()).isEqualTo(expected[1]);
            assertThat(d.supported()).isEqualTo(expected[1] != ConditionReason.END_OF_LIFE);
        }
    }

    @Test
    void buildSuccessorBuildsWithTheAssessedSuccessorUnderRewrite() {
        BuilderDecision d = BuilderDecision.buildSuccessor(
                REF, PY38, "x/python-312:latest", assessment(LifecycleState.END_OF_LIFE, Optional.of(PY312)), "m");
        assertThat(d.action()).isEqualTo(Action.BUILD_SUCCESSOR);
        assertThat(d.requested().reference()).isEqualTo(REF);
        assertThat(d.effective().reference()).isEqualTo("x/python-312:latest");
        assertThat(d.effective().image()).contains(PY312);
        assertThat(d.policy()).isEqualTo(EolPolicy.Rewrite);
        assertThat(d.reason()).isEqualTo(ConditionReason.REWRITTEN);
        assertThat(d.supported()).isTrue();
        assertThat(d.runtimeVersion("3.8")).isEqualTo("3.12");
        assertThatThrownBy(() -> BuilderDecision.buildSuccessor(
                        REF, PY38, "x", assessment(LifecycleState.END_OF_LIFE, Optional.empty()), "m"))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void pauseKeepsTheBuilderUnderBlock() {
        BuilderDecision d =
                BuilderDecision.pause(REF, PY38, assessment(LifecycleState.END_OF_LIFE, Optional.of(PY312)), "m");
        assertThat(d.action()).isEqualTo(Action.PAUSE);
        assertThat(d.effective()).isEqualTo(d.requested());
        assertThat(d.policy()).isEqualTo(EolPolicy.Block);
        assertThat(d.reason()).isEqualTo(ConditionReason.END_OF_LIFE);
        assertThat(d.supported()).isFalse();
    }

    @Test
    void anImageTheCatalogDoesNotKnowIsBuiltAsItIs() {
        BuilderDecision d = BuilderDecision.notInCatalog("quay.io/x/python:1", EolBasis.STRICTEST, EolPolicy.Block);
        assertThat(d.action()).isEqualTo(Action.BUILD);
        assertThat(d.requested().image()).isEmpty();
        assertThat(d.state()).isEqualTo(LifecycleState.UNKNOWN);
        assertThat(d.eolDate()).isEmpty();
        assertThat(d.lifecycle().basis()).isEqualTo(EolBasis.STRICTEST);
        assertThat(d.reason()).isEqualTo(ConditionReason.NOT_IN_CATALOG);
        assertThat(d.runtimeVersion("3.11")).isEqualTo("3.11");
    }
}
