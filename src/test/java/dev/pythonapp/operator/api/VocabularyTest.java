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

    /** The ids are derived from the constants' names: renaming a constant must fail here, not silently in status. */
    @Test
    void idsOnTheWireArePinned() {
        assertThat(Arrays.stream(ConditionReason.values()).map(ConditionReason::id))
                .containsExactly(
                        "Applied",
                        "ObjectInTheWay",
                        "ReconcileError",
                        "InvalidPythonVersion",
                        "InvalidBuilderCombination",
                        "InvalidRuntime",
                        "Available",
                        "DeploymentNotAvailable",
                        "AwaitingFirstBuild",
                        "LatestBuildFailed",
                        "NotReconciled",
                        "Supported",
                        "EndOfLifeSoon",
                        "Rewritten",
                        "NotInCatalog",
                        "EndOfLife",
                        "BuildComplete",
                        "Building",
                        "AwaitingBuild",
                        "BuildFailed",
                        "BuildError",
                        "BuildCancelled",
                        "BuildsPaused",
                        "InstantiateNotServed",
                        "BuildRequestFailed");
        assertThat(Arrays.stream(EventReason.values()).map(EventReason::id))
                .containsExactly(
                        "BuilderRewritten",
                        "BuilderEndOfLife",
                        "BuilderEndOfLifeSoon",
                        "CatalogApplied",
                        "BuildRequested",
                        "BuildCompleted",
                        "BuildFailed",
                        "BuildCancelled",
                        "InvalidCatalog");
        assertThat(Arrays.stream(ConditionStatus.values()).map(ConditionStatus::id))
                .containsExactly("True", "False", "Unknown");
        assertThat(Arrays.stream(ImageVariant.values()).map(ImageVariant::id)).containsExactly("full", "minimal");
        assertThat(Arrays.stream(OsFamily.values()).map(OsFamily::id))
                .containsExactly("ubi7", "ubi8", "ubi9", "ubi10", "centos7", "c8s", "c9s", "c10s", "fedora");
    }

    @Test
    void caseStylesOfWireNames() {
        assertThat(WireName.pascalCase(ConditionReason.INSTANTIATE_NOT_SERVED)).isEqualTo("InstantiateNotServed");
        assertThat(WireName.lowerCase(OsFamily.C10S)).isEqualTo("c10s");
        assertThat(WireName.kebabCase(ConditionReason.END_OF_LIFE_SOON)).isEqualTo("end-of-life-soon");
        assertThat(WireName.byId(OsFamily.class, "UBI9")).isEmpty();
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
