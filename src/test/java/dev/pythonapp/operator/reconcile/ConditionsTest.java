package dev.pythonapp.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-23T10:05:00Z");

    @Test
    void aNewConditionGetsNowAsItsTransitionTime() {
        List<Condition> conditions =
                Conditions.with(null, Conditions.READY, true, "Available", "the Deployment is available", 3, T0);
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
    void keepsTheTransitionTimeWhileTheStatusHoldsEvenIfTheMessageChanges() {
        List<Condition> before =
                Conditions.with(List.of(), Conditions.READY, false, "Building", "build 1 is running", 1, T0);
        List<Condition> after =
                Conditions.with(before, Conditions.READY, false, "BuildFailed", "build 1 failed", 2, T1);
        Condition ready = Conditions.find(after, Conditions.READY).orElseThrow();
        assertThat(ready.getLastTransitionTime()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(ready.getReason()).isEqualTo("BuildFailed");
        assertThat(ready.getMessage()).isEqualTo("build 1 failed");
        assertThat(ready.getObservedGeneration()).isEqualTo(2L);
        assertThat(after).hasSize(1);
    }

    @Test
    void anUnchangedConditionGivesAnEqualList() {
        List<Condition> before = Conditions.with(List.of(), Conditions.RECONCILED, true, "Reconciled", "ok", 1, T0);
        assertThat(Conditions.with(before, Conditions.RECONCILED, true, "Reconciled", "ok", 1, T1))
                .isEqualTo(before);
    }

    @Test
    void updatesTheTransitionTimeWhenTheStatusFlips() {
        List<Condition> before = Conditions.with(List.of(), Conditions.READY, false, "Building", "building", 1, T0);
        List<Condition> after = Conditions.with(before, Conditions.READY, true, "Available", "available", 1, T1);
        assertThat(Conditions.find(after, Conditions.READY).orElseThrow().getLastTransitionTime())
                .isEqualTo("2026-11-23T10:05:00Z");
        assertThat(Conditions.find(after, Conditions.READY).orElseThrow().getStatus())
                .isEqualTo("True");
    }

    @Test
    void ordersReconciledReadyBuilderSupportedThenOthers() {
        List<Condition> conditions = Conditions.with(null, "Custom", true, "X", "x", 1, T0);
        conditions = Conditions.with(conditions, Conditions.BUILDER_SUPPORTED, true, "Supported", "s", 1, T0);
        conditions = Conditions.with(conditions, Conditions.READY, true, "Available", "a", 1, T0);
        conditions = Conditions.with(conditions, Conditions.RECONCILED, true, "Reconciled", "r", 1, T0);
        assertThat(conditions)
                .extracting(Condition::getType)
                .containsExactly("Reconciled", "Ready", "BuilderSupported", "Custom");
        // replacing one keeps the order
        conditions = Conditions.with(conditions, Conditions.READY, false, "Progressing", "p", 2, T1);
        assertThat(conditions)
                .extracting(Condition::getType)
                .containsExactly("Reconciled", "Ready", "BuilderSupported", "Custom");
    }

    @Test
    void doesNotModifyTheGivenList() {
        List<Condition> before = Conditions.with(List.of(), Conditions.READY, false, "Building", "building", 1, T0);
        Condition original = before.get(0);
        Conditions.with(before, Conditions.READY, true, "Available", "available", 2, T1);
        Conditions.with(before, Conditions.RECONCILED, true, "Reconciled", "ok", 2, T1);
        assertThat(before).containsExactly(original);
        assertThat(original.getStatus()).isEqualTo("False");
    }

    @Test
    void findAndWithout() {
        List<Condition> conditions = Conditions.with(null, Conditions.READY, true, "Available", "a", 1, T0);
        conditions = Conditions.with(conditions, Conditions.BUILDER_SUPPORTED, false, "EndOfLife", "e", 1, T0);
        assertThat(Conditions.find(conditions, Conditions.BUILDER_SUPPORTED))
                .map(Condition::getReason)
                .contains("EndOfLife");
        assertThat(Conditions.find(conditions, Conditions.RECONCILED)).isEmpty();
        assertThat(Conditions.find(null, Conditions.READY)).isEmpty();
        assertThat(Conditions.without(conditions, Conditions.READY))
                .extracting(Condition::getType)
                .containsExactly("BuilderSupported");
        assertThat(Conditions.without(null, Conditions.READY)).isEmpty();
    }
}
