package dev.pythonapp.operator.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The words the operator reports in: condition types and reasons in status, and the reasons and types of its Events.
 * Status, events, annotations and the Argo CD health check (whose test reads these values) use them from here only.
 */
public final class Vocabulary {
    private Vocabulary() {}

    /** Condition types of status.conditions, declared in the order they are listed there. */
    public enum ConditionType {
        RECONCILED("Reconciled"),
        READY("Ready"),
        BUILDER_SUPPORTED("BuilderSupported"),
        BUILT("Built");

        private final String id;

        ConditionType(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<ConditionType> byId(String id) {
            return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
        }
    }

    /** The status of a condition, as Kubernetes spells it. */
    public enum ConditionStatus {
        TRUE("True"),
        FALSE("False"),
        UNKNOWN("Unknown");

        private final String id;

        ConditionStatus(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** Condition reasons. Each belongs to one condition type and always comes with the same status. */
    public enum ConditionReason {
        APPLIED("Applied", ConditionType.RECONCILED, ConditionStatus.TRUE),
        OBJECT_IN_THE_WAY("ObjectInTheWay", ConditionType.RECONCILED, ConditionStatus.FALSE),
        RECONCILE_ERROR("ReconcileError", ConditionType.RECONCILED, ConditionStatus.FALSE),
        INVALID_PYTHON_VERSION("InvalidPythonVersion", ConditionType.RECONCILED, ConditionStatus.FALSE),
        INVALID_BUILDER_COMBINATION("InvalidBuilderCombination", ConditionType.RECONCILED, ConditionStatus.FALSE),
        /**
         * spec.runtime or spec.build.packages cannot work: a builder the catalog does not know, or a run-time image
         * that is not the builder's OS and Python. The admission webhook refuses it; this reports it when the webhook
         * was not called.
         */
        INVALID_RUNTIME("InvalidRuntime", ConditionType.RECONCILED, ConditionStatus.FALSE),
        AVAILABLE("Available", ConditionType.READY, ConditionStatus.TRUE),
        DEPLOYMENT_NOT_AVAILABLE("DeploymentNotAvailable", ConditionType.READY, ConditionStatus.FALSE),
        /** No build has completed yet, so the Deployment has no image to run. */
        AWAITING_FIRST_BUILD("AwaitingFirstBuild", ConditionType.READY, ConditionStatus.FALSE),
        /** The Deployment is not available and the latest build did not complete. */
        LATEST_BUILD_FAILED("LatestBuildFailed", ConditionType.READY, ConditionStatus.FALSE),
        NOT_RECONCILED("NotReconciled", ConditionType.READY, ConditionStatus.FALSE),
        SUPPORTED("Supported", ConditionType.BUILDER_SUPPORTED, ConditionStatus.TRUE),
        END_OF_LIFE_SOON("EndOfLifeSoon", ConditionType.BUILDER_SUPPORTED, ConditionStatus.TRUE),
        REWRITTEN("Rewritten", ConditionType.BUILDER_SUPPORTED, ConditionStatus.TRUE),
        /** An explicit image the catalog does not know: its end of life is unknown, so it is not held against it. */
        NOT_IN_CATALOG("NotInCatalog", ConditionType.BUILDER_SUPPORTED, ConditionStatus.TRUE),
        END_OF_LIFE("EndOfLife", ConditionType.BUILDER_SUPPORTED, ConditionStatus.FALSE),
        /** The latest build for the current build inputs completed. */
        BUILD_COMPLETE("BuildComplete", ConditionType.BUILT, ConditionStatus.TRUE),
        /** A build for the current inputs is new, pending or running. */
        BUILDING("Building", ConditionType.BUILT, ConditionStatus.UNKNOWN),
        /** No build for the current inputs exists yet: the first one, or one the operator requested. */
        AWAITING_BUILD("AwaitingBuild", ConditionType.BUILT, ConditionStatus.UNKNOWN),
        BUILD_FAILED("BuildFailed", ConditionType.BUILT, ConditionStatus.FALSE),
        BUILD_ERROR("BuildError", ConditionType.BUILT, ConditionStatus.FALSE),
        BUILD_CANCELLED("BuildCancelled", ConditionType.BUILT, ConditionStatus.FALSE),
        /** eolPolicy Block: the BuildConfig is paused and the operator requests no build. */
        BUILDS_PAUSED("BuildsPaused", ConditionType.BUILT, ConditionStatus.FALSE),
        /** The API server does not serve buildconfigs/instantiate (not OpenShift, or the build API is off). */
        INSTANTIATE_NOT_SERVED("InstantiateNotServed", ConditionType.BUILT, ConditionStatus.FALSE),
        /** The build request failed for another reason; the operator retries with back-off. */
        BUILD_REQUEST_FAILED("BuildRequestFailed", ConditionType.BUILT, ConditionStatus.FALSE);

        private final String id;
        private final ConditionType type;
        private final ConditionStatus status;

        ConditionReason(String id, ConditionType type, ConditionStatus status) {
            this.id = id;
            this.type = type;
            this.status = status;
        }

        public String id() {
            return id;
        }

        public ConditionType type() {
            return type;
        }

        /** The condition's status with this reason. */
        public ConditionStatus status() {
            return status;
        }

        public boolean isTrue() {
            return status == ConditionStatus.TRUE;
        }

        public static Optional<ConditionReason> byId(String id) {
            return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
        }
    }

    /** Event types of the core/v1 Event API. */
    public enum EventType {
        NORMAL("Normal"),
        WARNING("Warning");

        private final String id;

        EventType(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** Reasons of the Events the operator records, each with its type. */
    public enum EventReason {
        BUILDER_REWRITTEN("BuilderRewritten", EventType.NORMAL),
        BUILDER_END_OF_LIFE("BuilderEndOfLife", EventType.WARNING),
        BUILDER_END_OF_LIFE_SOON("BuilderEndOfLifeSoon", EventType.WARNING),
        CATALOG_APPLIED("CatalogApplied", EventType.NORMAL),
        BUILD_REQUESTED("BuildRequested", EventType.NORMAL),
        BUILD_COMPLETED("BuildCompleted", EventType.NORMAL),
        BUILD_FAILED("BuildFailed", EventType.WARNING),
        BUILD_CANCELLED("BuildCancelled", EventType.WARNING),
        INVALID_CATALOG("InvalidCatalog", EventType.WARNING);

        private final String id;
        private final EventType type;

        EventReason(String id, EventType type) {
            this.id = id;
            this.type = type;
        }

        public String id() {
            return id;
        }

        public EventType type() {
            return type;
        }

        /** The Event that announces a builder lifecycle; supported and unknown builders are not news. */
        public static Optional<EventReason> announcing(ConditionReason builderLifecycle) {
            return switch (builderLifecycle) {
                case REWRITTEN -> Optional.of(BUILDER_REWRITTEN);
                case END_OF_LIFE -> Optional.of(BUILDER_END_OF_LIFE);
                case END_OF_LIFE_SOON -> Optional.of(BUILDER_END_OF_LIFE_SOON);
                default -> Optional.empty();
            };
        }
    }
}
