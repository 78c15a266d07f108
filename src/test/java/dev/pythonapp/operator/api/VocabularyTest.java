package dev.pythonapp.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import dev.pythonapp.operator.api.Vocabulary.ConditionStatus;
import dev.pythonapp.operator.api.Vocabulary.ConditionType;
import dev.pythonapp.operator.api.Vocabulary.EventReason;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void idsAreUniqueCamelCaseWords() {
        assertThat(Arrays.stream(ConditionReason.values()).map(ConditionReason::id))
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[A-Z][A-Za-z]+"));
        assertThat(Arrays.stream(EventReason.values()).map(EventReason::id))
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[A-Z][A-Za-z]+"));
        assertThat(Arrays.stream(ConditionType.values()).map(ConditionType::id))
                .containsExactly("Reconciled", "Ready", "BuilderSupported", "Built");
    }

    @Test
    void everyConditionTypeHasATrueAndAFalseReason() {
        for (ConditionType type : ConditionType.values()) {
            assertThat(Arrays.stream(ConditionReason.values()).filter(r -> r.type() == type))
                    .as("reasons of %s", type)
                    .extracting(ConditionReason::status)
                    .contains(ConditionStatus.TRUE, ConditionStatus.FALSE);
        }
    }

    @Test
    void lookupsByIdFindTheConstants() {
        assertThat(ConditionReason.byId("EndOfLife")).contains(ConditionReason.END_OF_LIFE);
        assertThat(ConditionReason.byId("endoflife")).isEmpty();
        assertThat(ConditionType.byId("BuilderSupported")).contains(ConditionType.BUILDER_SUPPORTED);
        assertThat(ConditionType.byId("Custom")).isEmpty();
    }

    @Test
    void builderLifecycleNewsIsAnnouncedByAnEvent() {
        assertThat(EventReason.announcing(ConditionReason.REWRITTEN)).contains(EventReason.BUILDER_REWRITTEN);
        assertThat(EventReason.announcing(ConditionReason.END_OF_LIFE)).contains(EventReason.BUILDER_END_OF_LIFE);
        assertThat(EventReason.announcing(ConditionReason.END_OF_LIFE_SOON))
                .contains(EventReason.BUILDER_END_OF_LIFE_SOON);
        assertThat(EventReason.announcing(ConditionReason.SUPPORTED)).isEmpty();
        assertThat(EventReason.announcing(ConditionReason.NOT_IN_CATALOG)).isEmpty();
        assertThat(EventReason.BUILDER_REWRITTEN.type().id()).isEqualTo("Normal");
        assertThat(EventReason.BUILDER_END_OF_LIFE.type().id()).isEqualTo("Warning");
    }
}
