package dev.pythonapp.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import dev.pythonapp.operator.api.Vocabulary.ConditionType;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-23T10:05:00Z");

    @Test
    void aNewConditionGetsNowAsItsTransitionTime() {
        List<Condition> conditions =
                Conditions.with(null, ConditionReason.AVAILABLE, "the Deployment is available", 3, T0);
        assertThat(conditions).singleElement().satisfies(c -> {
            assertThat(c.getType()).isEqualTo("Ready");
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("Available");
            assertThat(c.getMessage()).isEqualTo("the Deployment is available");
            assertThat(c.getObservedGeneration()).isEqualTo(3L);
            assertThat(c.getLastTransitionTime()).isEqualTo("2026-11-23T10:00:00Z");
        });
    }

    @Test
    void theReasonDecidesTypeAndStatus() {
        List<Condition> conditions = Conditions.with(null, ConditionReason.END_OF_LIFE, "eol", 1, T0);
        conditions = Conditions.with(conditions, ConditionReason.OBJECT_IN_THE_WAY, "in the way", 1, T0);
        assertThat(conditions)
                .extracting(Condition::getType, Condition::getStatus, Condition::getReason)
                .containsExactly(
                        tuple("Reconciled", "False", "ObjectInTheWay"),
                        tuple("BuilderSupported", "False", "EndOfLife"));
    }

    @Test
    void keepsTheTransitionTimeWhileTheStatusHoldsEvenIfTheMessageChanges() {
        List<Condition> before =
                Conditions.with(List.of(), ConditionReason.DEPLOYMENT_NOT_AVAILABLE, "build 1 is running", 1, T0);
        List<Condition> after = Conditions.with(before, ConditionReason.NOT_RECONCILED, "build 1 failed", 2, T1);
        Condition ready = Conditions.find(after, ConditionType.READY).orElseThrow();
        assertThat(ready.getLastTransitionTime()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(ready.getReason()).isEqualTo("NotReconciled");
        assertThat(ready.getMessage()).isEqualTo("build 1 failed");
        assertThat(ready.getObservedGeneration()).isEqualTo(2L);
        assertThat(after).hasSize(1);
    }

    @Test
    void anUnchangedConditionGivesAnEqualList() {
        List<Condition> before = Conditions.with(List.of(), ConditionReason.APPLIED, "ok", 1, T0);
        assertThat(Conditions.with(before, ConditionReason.APPLIED, "ok", 1, T1))
                .isEqualTo(before);
    }

    @Test
    void updatesTheTransitionTimeWhenTheStatusFlips() {
        List<Condition> before =
                Conditions.with(List.of(), ConditionReason.DEPLOYMENT_NOT_AVAILABLE, "building", 1, T0);
        List<Condition> after = Conditions.with(before, ConditionReason.AVAILABLE, "available", 1, T1);
        assertThat(Conditions.find(after, ConditionType.READY).orElseThrow().getLastTransitionTime())
                .isEqualTo("2026-11-23T10:05:00Z");
        assertThat(Conditions.find(after, ConditionType.READY).orElseThrow().getStatus())
                .isEqualTo("True");
    }

    @Test
    void ordersReconciledReadyBuilderSupportedThenOthers() {
        Condition foreign = new ConditionBuilder()
                .withType("Custom")
                .withStatus("True")
                .withReason("X")
                .build();
        List<Condition> conditions = Conditions.with(List.of(foreign), ConditionReason.SUPPORTED, "s", 1, T0);
        conditions = Conditions.with(conditions, ConditionReason.AVAILABLE, "a", 1, T0);
        conditions = Conditions.with(conditions, ConditionReason.APPLIED, "r", 1, T0);
        assertThat(conditions)
                .extracting(Condition::getType)
                .containsExactly("Reconciled", "Ready", "BuilderSupported", "Custom");
        // replacing one keeps the order
        conditions = Conditions.with(conditions, ConditionReason.DEPLOYMENT_NOT_AVAILABLE, "p", 2, T1);
        assertThat(conditions)
                .extracting(Condition::getType)
                .containsExactly("Reconciled", "Ready", "BuilderSupported", "Custom");
    }

    @Test
    void doesNotModifyTheGivenList() {
        List<Condition> before =
                Conditions.with(List.of(), ConditionReason.DEPLOYMENT_NOT_AVAILABLE, "building", 1, T0);
        Condition original = before.get(0);
        Conditions.with(before, ConditionReason.AVAILABLE, "available", 2, T1);
        Conditions.with(before, ConditionReason.APPLIED, "ok", 2, T1);
        assertThat(before).containsExactly(original);
        assertThat(original.getStatus()).isEqualTo("False");
    }

    @Test
    void findAndWithout() {
        List<Condition> conditions = Conditions.with(null, ConditionReason.AVAILABLE, "a", 1, T0);
        conditions = Conditions.with(conditions, ConditionReason.END_OF_LIFE, "e", 1, T0);
        assertThat(Conditions.find(conditions, ConditionType.BUILDER_SUPPORTED))
                .map(Condition::getReason)
                .contains("EndOfLife");
        assertThat(Conditions.find(conditions, ConditionType.RECONCILED)).isEmpty();
        assertThat(Conditions.find(null, ConditionType.READY)).isEmpty();
        assertThat(Conditions.without(conditions, ConditionType.READY))
                .extracting(Condition::getType)
                .containsExactly("BuilderSupported");
        assertThat(Conditions.without(null, ConditionType.READY)).isEmpty();
    }
}
